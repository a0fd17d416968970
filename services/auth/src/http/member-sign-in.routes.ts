import { TokenPair } from '@kasa/contracts';
import type { HttpApp } from '@kasa/http';
import { Type } from 'typebox';
import { requestSignCode } from '../application/request-sign-code.ts';
import { signInMember } from '../application/sign-in-member.ts';
import type { AuthDeps } from '../deps.ts';
import { ClientAddress, phoneInput } from './code-inputs.ts';

const Message = Type.Object({ message: Type.String() });

export function memberSignInRoutes(app: HttpApp, deps: AuthDeps): void {
  const phoneOf = (input: string) => phoneInput(deps, input);

  app.post(
    '/members/sign-requests',
    {
      schema: {
        summary: 'Send a sign-in code by SMS',
        body: Type.Object({
          phone: Type.String({ maxLength: 32 }),
          create: Type.Boolean({ default: false }),
          address: ClientAddress,
        }),
        response: { 200: Message },
      },
    },
    async (request) => {
      const { phone, create, address } = request.body;
      await requestSignCode(deps, { phone: phoneOf(phone), create, address });
      return { message: 'Message was sent.' };
    },
  );

  app.post(
    '/members/sign-in',
    {
      schema: {
        summary: 'Trade the SMS code for tokens',
        body: Type.Object({
          phone: Type.String({ maxLength: 32 }),
          code: Type.String({ minLength: 1, maxLength: 16 }),
        }),
        response: { 200: TokenPair },
      },
    },
    (request) => signInMember(deps, phoneOf(request.body.phone), request.body.code.trim()),
  );
}

import { TokenPair } from '@kasa/contracts';
import { badRequest, type HttpApp } from '@kasa/http';
import { Type } from 'typebox';
import type { AuthDeps } from '../application/auth-deps.ts';
import { requestSignCode } from '../application/request-sign-code.ts';
import { signInMember } from '../application/sign-in-member.ts';
import { checkPhone } from '../domain/phone.ts';

const Message = Type.Object({ message: Type.String() });
const Address = Type.String({
  minLength: 1,
  maxLength: 45,
  description: "The client's IP address, as the gateway saw it",
});

export function memberSignInRoutes(app: HttpApp, deps: AuthDeps): void {
  const phoneOf = (input: string) => {
    const check = checkPhone(input, deps.allowedCountryCodes);
    if (!check.ok) throw badRequest(check.message, 'invalid_phone');
    return check.phone;
  };

  app.post(
    '/members/sign-requests',
    {
      schema: {
        summary: 'Send a sign-in code by SMS',
        body: Type.Object({
          phone: Type.String({ maxLength: 32 }),
          create: Type.Boolean({ default: false }),
          address: Address,
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

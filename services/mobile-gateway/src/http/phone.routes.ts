import { MessageAnswer, PhoneCodeSent, SeedMessageError } from '@kasa/contracts';
import { asCaller, bearerSecurity, type HttpApp } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import { type TObject, Type } from 'typebox';
import { signedIn } from '../access.ts';
import { phoneConfirmation } from '../phone-confirmation.ts';

const answer = (schema: TObject, description: string) => Type.Object(schema.properties, { description });
const Phone = Type.String({ minLength: 1, maxLength: 32, examples: ['+380671234567'] });

/**
 * Kasa's own routes for a member's change of phone, in two plain steps, for apps that know of
 * codes; `profile/edit` does the same for the seed's app, which sends the phone in its form.
 */
export function phoneRoutes(app: HttpApp, context: GatewayContext): void {
  const { services } = context;

  app.post(
    '/user/phone/code',
    {
      ...signedIn,
      schema: {
        tags: ['profile'],
        summary: 'Text a code to the phone the member wants to move to',
        description:
          'Counted in the limits of sign-in codes. Then send it with `POST /user/phone` (or `profile/edit`).',
        security: bearerSecurity,
        body: Type.Object({ phone: Phone }),
        response: {
          200: PhoneCodeSent,
          400: answer(SeedMessageError, 'Not a number codes go to (Ukrainian mobile numbers)'),
          422: answer(SeedMessageError, "Another member's phone, or the member's own"),
          429: answer(SeedMessageError, 'Asked too often: cooldown, caps per phone and per address'),
        },
      },
    },
    (request) => phoneConfirmation(context, request).sendCode(request.body.phone),
  );

  app.post(
    '/user/phone',
    {
      ...signedIn,
      schema: {
        tags: ['profile'],
        summary: "Change the member's phone with the code texted to it",
        description:
          'Every session of the member then ends (within a second): they sign in with the new phone.',
        security: bearerSecurity,
        body: Type.Object({ phone: Phone, code: Type.String({ minLength: 1, maxLength: 16 }) }),
        response: {
          200: MessageAnswer,
          400: answer(SeedMessageError, 'Not a number codes go to'),
          422: answer(
            SeedMessageError,
            "A wrong, used or expired code (each wrong one counts), or another member's phone",
          ),
        },
      },
    },
    async (request) => {
      const phone_proof = await phoneConfirmation(context, request).proofFor(
        request.body.phone,
        request.body.code,
      );
      await services.member.request({
        method: 'PATCH',
        path: '/me/profile',
        body: { phone: request.body.phone, phone_proof },
        ...asCaller(request),
        response: MessageAnswer,
      });
      return { message: 'Phone successfully changed' };
    },
  );
}

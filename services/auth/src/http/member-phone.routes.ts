import { PHONE_CHANGE_PROOF, PhoneChangeProof, PhoneCodeSent } from '@kasa/contracts';
import { callerId, type HttpApp, requireTokensFor } from '@kasa/http';
import { Type } from 'typebox';
import { provePhoneChange } from '../application/prove-phone-change.ts';
import { requestPhoneChangeCode } from '../application/request-phone-change-code.ts';
import type { AuthDeps } from '../deps.ts';
import { ClientAddress, phoneInput } from './code-inputs.ts';

const Phone = Type.String({ minLength: 1, maxLength: 32, examples: ['+380671234567'] });

/**
 * A signed-in member proving a new phone before the member service takes it: a code to the new
 * phone, then the proof for it. The member is the token's subject, never an id from the body.
 */
export function memberPhoneRoutes(deps: AuthDeps) {
  return async function memberPhoneRoutesPlugin(app: HttpApp): Promise<void> {
    await requireTokensFor(app, {
      publicKey: deps.keys.publicKeyPem,
      issuer: deps.jwtIssuer,
      audience: 'member',
    });

    app.post(
      '/members/me/phone-codes',
      {
        schema: {
          summary: 'Text a code to the phone the member wants to move to',
          description:
            'Within the limits of sign-in codes (429 with Retry-After). 400 for a number codes do not go ' +
            "to, 422 for another member's phone or the member's own.",
          body: Type.Object({ phone: Phone, address: ClientAddress }),
          response: { 200: PhoneCodeSent },
        },
      },
      async (request) => {
        const phone = phoneInput(deps, request.body.phone);
        await requestPhoneChangeCode(deps, {
          memberId: callerId(request),
          phone,
          address: request.body.address,
        });
        return { message: `We sent a code to ${phone}`, phone };
      },
    );

    app.post(
      '/members/me/phone-proofs',
      {
        schema: {
          summary: 'Trade the code from the new phone for the proof the member service asks for',
          description:
            `The proof is valid ${PHONE_CHANGE_PROOF.ttlSeconds / 60} minutes for this member, from their current ` +
            'phone to this one. 422 for a wrong, used or expired code (each wrong one counts) and for ' +
            "another member's phone.",
          body: Type.Object({ phone: Phone, code: Type.String({ minLength: 1, maxLength: 16 }) }),
          response: { 200: PhoneChangeProof },
        },
      },
      async (request) => {
        const { proof, expiresInSeconds } = await provePhoneChange(deps, {
          memberId: callerId(request),
          phone: phoneInput(deps, request.body.phone),
          code: request.body.code.trim(),
        });
        return { phone_proof: proof, expires_in: expiresInSeconds };
      },
    );
  };
}

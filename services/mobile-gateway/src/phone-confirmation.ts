import { PhoneChangeProof, PhoneCodeSent } from '@kasa/contracts';
import { AppError, asCaller, badRequest, isAppError } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';

/**
 * A member's new phone is proven by a code the auth service texts to it; the member service
 * takes the phone only with the auth service's proof. The gateway carries the code to auth and
 * the proof to the member service, and texts the code when the member service asks for one.
 */
export function phoneConfirmation({ services }: GatewayContext, request: FastifyRequest) {
  /** Texts a code to `phone` for this member, within the limits of sign-in codes. */
  const sendCode = (phone: string): Promise<Static<typeof PhoneCodeSent>> =>
    services.auth.request({
      method: 'POST',
      path: '/members/me/phone-codes',
      body: { phone, address: request.ip },
      ...asCaller(request),
      response: PhoneCodeSent,
    });

  /** The proof for `phone`, if `code` is the one texted there (auth's 4xx otherwise). */
  async function proofFor(phone: unknown, code: unknown): Promise<string> {
    if (typeof phone !== 'string' || typeof code !== 'string') {
      throw badRequest("Send 'code' as text, with the new 'phone' it was texted to", 'invalid_code');
    }
    const { phone_proof } = await services.auth.request({
      method: 'POST',
      path: '/members/me/phone-proofs',
      body: { phone, code },
      ...asCaller(request),
      response: PhoneChangeProof,
    });
    return phone_proof;
  }

  /**
   * Runs the call to the member service; when it refuses a new phone for want of a proof
   * (nothing of the form kept), texts a code to that phone and answers the seed's 422 `{message}`
   * that the app shows, saying what to send. `phoneSent` is the phone the form carried.
   */
  async function askingForCode<T>(call: () => Promise<T>, phoneSent: () => Promise<unknown>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!isAppError(error) || error.code !== 'phone_unconfirmed') throw error;
      const phone = await phoneSent();
      if (typeof phone !== 'string') throw error;
      throw codeSent((await sendCode(phone)).phone);
    }
  }

  return { sendCode, proofFor, askingForCode };
}

/** The answer to a new phone sent without its code: the code is on its way, nothing was changed. */
function codeSent(phone: string): AppError {
  return new AppError({
    statusCode: 422,
    code: 'phone_code_sent',
    message: `We sent a code to ${phone}: send it with the phone as 'code'`,
  });
}

import { requireAuth } from '@kasa/http';
import { Type } from 'typebox';

/** The seed's member routes answer errors as `{ message }`. */
export const seedErrors = { errorEnvelope: 'message-only' as const };

/** A member's route: a member token, errors in the seed's shape. */
export const signedIn = { onRequest: requireAuth(), config: seedErrors };

/** What the app opens LiqPay with (a checkout or a subscription). */
export const AppCheckout = Type.Object({
  data: Type.String({ description: 'base64 JSON of the checkout, for LiqPay' }),
  signature: Type.String(),
});

/**
 * The seed read `request.json` and took none as `{}` (`/user/charges/list`, `/user/request/list`):
 * a POST without a body is an empty one, not a bad request.
 */
export const emptyBodyAllowed = {
  preValidation: async (request: { body: unknown }) => {
    request.body ??= {};
  },
};

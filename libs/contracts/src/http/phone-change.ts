import { Type } from 'typebox';

/**
 * A member's phone is how they sign in, so a new one is taken only with proof that the member
 * holds it: the auth service, having checked the code it texted there, signs a short-lived token
 * saying which member may move from which phone to which. The member service verifies it with
 * the key it verifies access tokens with; the gateway in between only carries it.
 */
export const PHONE_CHANGE_PROOF = {
  /** Its own audience, so that no access-token check ever takes a proof, nor a proof check a token. */
  audience: 'phone_change',
  purpose: 'phone_change',
  /** Long enough to send the form again, short enough that a proof lying about is soon useless. */
  ttlSeconds: 600,
} as const;

const Phone = Type.String({ pattern: '^\\+[1-9][0-9]{7,14}$' });

/** What a proof says, beside the standard `iss`, `aud`, `iat`, `exp` and `jti`. */
export const PhoneChangeProofClaims = Type.Object({
  /** The member, as in their access token. */
  sub: Type.String({ pattern: '^[1-9][0-9]*$' }),
  purpose: Type.Literal(PHONE_CHANGE_PROOF.purpose),
  /** The phone proven. */
  phone: Phone,
  /**
   * The member's phone when the proof was made: the change applies only to it, so a proof works
   * once (after the change the member's phone is `phone`, no longer `from`).
   */
  from: Phone,
});

/** The auth service's answer to a right code: the proof, for the member service. */
export const PhoneChangeProof = Type.Object({
  phone_proof: Type.String({ description: 'Send it to the member service with the phone it proves' }),
  expires_in: Type.Integer({ description: 'Seconds the proof is valid' }),
});

/** The auth service's answer once a code is on its way to the new phone. */
export const PhoneCodeSent = Type.Object({
  message: Type.String(),
  phone: Type.String({ description: 'The number the code went to, as Kasa keeps numbers (E.164)' }),
});

import { randomUUID } from 'node:crypto';
import { PHONE_CHANGE_PROOF } from '@kasa/contracts';
import { createSigner } from 'fast-jwt';

/**
 * Signs proofs that a member holds a new phone (libs/contracts `PhoneChangeProofClaims`) with
 * the key that signs access tokens, under an audience of their own: the member service checks
 * them with the public key it already has, and no token check anywhere takes one for a token.
 */
export class PhoneProofIssuer {
  readonly ttlSeconds = PHONE_CHANGE_PROOF.ttlSeconds;
  readonly #sign: (payload: Record<string, unknown>) => string;

  constructor({ privateKeyPem, issuer }: { privateKeyPem: string; issuer: string }) {
    this.#sign = createSigner({
      key: privateKeyPem,
      algorithm: 'EdDSA',
      iss: issuer,
      aud: PHONE_CHANGE_PROOF.audience,
      expiresIn: PHONE_CHANGE_PROOF.ttlSeconds * 1000,
    });
  }

  /** Member `memberId` may move from `from` to `phone`. */
  proof(memberId: number, from: string, phone: string): string {
    return this.#sign({
      sub: String(memberId),
      purpose: PHONE_CHANGE_PROOF.purpose,
      phone,
      from,
      jti: randomUUID(),
    });
  }
}

import { PHONE_CHANGE_PROOF, PhoneChangeProofClaims } from '@kasa/contracts';
import { createVerifier } from 'fast-jwt';
import { Compile } from 'typebox/compile';
import type { PhoneProof } from '../domain/phone-change.ts';

export type PhoneProofReader = (token: string) => PhoneProof;

const claimsOfProof = Compile(PhoneChangeProofClaims);

/**
 * Reads the auth service's proof of a new phone (libs/contracts `PHONE_CHANGE_PROOF`) with the
 * public key access tokens are checked with: here, not at the gateway that carried it, so that
 * only the auth service can make a phone change. Its own audience keeps access tokens out.
 */
export function phoneProofReader({ publicKeyPem, issuer }: { publicKeyPem: string; issuer: string }) {
  const verify = createVerifier({
    key: publicKeyPem,
    algorithms: ['EdDSA'],
    allowedIss: issuer,
    allowedAud: PHONE_CHANGE_PROOF.audience,
    // fast-jwt checks iss, aud and exp only when present: a proof without them must not pass.
    requiredClaims: ['iss', 'aud', 'exp'],
  });
  return function readPhoneProof(token: string): PhoneProof {
    let claims: unknown;
    try {
      claims = verify(token);
    } catch {
      return 'invalid';
    }
    if (!claimsOfProof.Check(claims)) return 'invalid';
    return { memberId: Number(claims.sub), from: claims.from, to: claims.phone };
  };
}

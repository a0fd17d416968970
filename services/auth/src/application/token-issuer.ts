import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createSigner } from 'fast-jwt';

export type Audience = 'member' | 'staff';

export interface Subject {
  kind: Audience;
  id: number;
  role: 'member' | 'admin' | 'staff';
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  /** Seconds until the access token expires. */
  expires_in: number;
}

export interface IssuerOptions {
  privateKeyPem: string;
  issuer: string;
  accessTtlSeconds: number;
}

/**
 * Signs short-lived access tokens (EdDSA, pinned issuer, audience per kind of user) and makes
 * opaque refresh tokens, of which only a hash is ever stored.
 */
export class TokenIssuer {
  readonly accessTtlSeconds: number;
  readonly #signers: Record<Audience, (payload: Record<string, unknown>) => string>;

  constructor({ privateKeyPem, issuer, accessTtlSeconds }: IssuerOptions) {
    this.accessTtlSeconds = accessTtlSeconds;
    const signer = (aud: Audience) =>
      createSigner({
        key: privateKeyPem,
        algorithm: 'EdDSA',
        iss: issuer,
        aud,
        expiresIn: accessTtlSeconds * 1000,
      });
    this.#signers = { member: signer('member'), staff: signer('staff') };
  }

  accessToken(subject: Subject, claims: Record<string, unknown> = {}): string {
    // `user_id` as the seed's clients read it; `sub` for everything new.
    return this.#signers[subject.kind]({
      ...claims,
      sub: String(subject.id),
      role: subject.role,
      user_id: subject.id,
      jti: randomUUID(),
    });
  }
}

export function newRefreshToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

/** 256 random bits need no slow hash: a fast one cannot be reversed either. */
export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

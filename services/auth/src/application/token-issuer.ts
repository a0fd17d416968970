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

/** What the seed put in its tokens, which a client may decode to greet the user. */
export interface SeedClaims {
  name: string;
  email: string | null;
}

export interface IssuerOptions {
  privateKeyPem: string;
  issuer: string;
  /**
   * Seconds an access token works, per kind of user: members' as long as the seed's (the app
   * keeps the one token it gets), staff's minutes; both end early when their session is revoked.
   */
  accessTtlSeconds: Record<Audience, number>;
}

/**
 * Signs access tokens (EdDSA, pinned issuer, audience per kind of user), each naming its session
 * (`sid`) so that it can be revoked, and makes opaque refresh tokens, of which only a hash is
 * ever stored.
 */
export class TokenIssuer {
  readonly accessTtlSeconds: Record<Audience, number>;
  readonly #signers: Record<Audience, (payload: Record<string, unknown>) => string>;
  /** Members' tokens whose `exp` the payload sets: a seed session's ends when the seed's token does. */
  readonly #memberUntil: (payload: Record<string, unknown>) => string;

  constructor({ privateKeyPem, issuer, accessTtlSeconds }: IssuerOptions) {
    this.accessTtlSeconds = accessTtlSeconds;
    const signer = (aud: Audience) =>
      createSigner({
        key: privateKeyPem,
        algorithm: 'EdDSA',
        iss: issuer,
        aud,
        expiresIn: accessTtlSeconds[aud] * 1000,
      });
    this.#signers = { member: signer('member'), staff: signer('staff') };
    this.#memberUntil = createSigner({ key: privateKeyPem, algorithm: 'EdDSA', iss: issuer, aud: 'member' });
  }

  accessToken(
    subject: Subject,
    sessionId: string,
    seed: SeedClaims,
    claims: Record<string, unknown> = {},
  ): string {
    return this.#signers[subject.kind](payloadOf(subject, sessionId, seed, claims));
  }

  /** A member's access token that works until `exp` (seconds), for a session the old system began. */
  memberAccessTokenUntil(subject: Subject, sessionId: string, seed: SeedClaims, exp: number): string {
    return this.#memberUntil({ ...payloadOf(subject, sessionId, seed), exp });
  }
}

function payloadOf(
  subject: Subject,
  sessionId: string,
  seed: SeedClaims,
  claims: Record<string, unknown> = {},
) {
  // `user_id`, `name`, `email` (and `exp`) as the seed's clients read them; `sub` for everything new.
  return {
    ...claims,
    sub: String(subject.id),
    role: subject.role,
    user_id: subject.id,
    name: seed.name,
    email: seed.email,
    sid: sessionId,
    jti: randomUUID(),
  };
}

export function newRefreshToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

/** 256 random bits need no slow hash: a fast one cannot be reversed either. */
export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

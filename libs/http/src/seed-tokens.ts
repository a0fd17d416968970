import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';

/**
 * The old system's member tokens, which members signed in before the switch-over still hold
 * (issue 19): seeds/000 mobile app `signin` made them with PyJWT's default,
 * `jwt.encode({'user_id', 'name', 'email', 'exp': utcnow() + 43200 minutes}, SECRET_KEY)`, HS256,
 * and `token_required` took them with `algorithms=['HS256']` until `exp`. Checked here by hand,
 * so nothing in the token chooses how it is checked: the algorithm is HS256 and the key the one
 * secret, whatever the header says. `alg: none`, an RS, ES or EdDSA header, or an HMAC made with
 * Kasa's public key as its secret fail the same comparison as a wrong signature.
 */
export interface SeedTokenClaims {
  /** `user_id`: the member's id, which the switch-over keeps. */
  memberId: number;
  /** Seconds since the epoch; the token works until then. */
  exp: number;
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;

function json(segment: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Whether a token says it is HS256, as only the seed's are (Kasa signs with EdDSA): which
 * verifier it goes to, never whether it is valid.
 */
export function isSeedToken(token: string): boolean {
  const dot = token.indexOf('.');
  return dot > 0 && json(token.slice(0, dot))?.alg === 'HS256';
}

/** Checks seed tokens against `secret` (Flask's SECRET_KEY, as PyJWT took it: its UTF-8 bytes). */
export function seedTokenVerifier(
  secret: string,
): (token: string, nowSeconds: number) => SeedTokenClaims | null {
  const key: KeyObject = createSecretKey(Buffer.from(secret, 'utf8'));
  return (token, nowSeconds) => {
    const parts = token.split('.');
    if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part))) return null;
    const [header, payload, signature] = parts as [string, string, string];
    if (json(header)?.alg !== 'HS256') return null;
    const expected = createHmac('sha256', key).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const claims = json(payload);
    const memberId = claims?.user_id;
    const exp = claims?.exp;
    if (typeof memberId !== 'number' || !Number.isSafeInteger(memberId) || memberId < 1) return null;
    // PyJWT refuses a token at its `exp` second and after, and one whose `nbf` is still ahead.
    if (typeof exp !== 'number' || !Number.isFinite(exp) || exp <= nowSeconds) return null;
    if (claims?.nbf !== undefined && !(typeof claims.nbf === 'number' && claims.nbf <= nowSeconds))
      return null;
    return { memberId, exp: Math.floor(exp) };
  };
}

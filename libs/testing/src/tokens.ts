import { createHmac, generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';

export const ISSUER = 'kasa-auth';
export const AUDIENCE = 'kasa-mobile';

export interface TestKeys {
  privateKey: KeyObject;
  publicKeyPem: string;
}

export function generateEd25519Keys(): TestKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export function generateP256Keys(): TestKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Builds a compact JWS by hand, so tests can also build the malformed ones. */
export function signToken(privateKey: KeyObject, claims: Record<string, unknown>): string {
  const alg = privateKey.asymmetricKeyType === 'ec' ? 'ES256' : 'EdDSA';
  const input = `${encode({ alg, typ: 'JWT' })}.${encode(claims)}`;
  // JWS wants ECDSA signatures as raw r||s, not node's default DER.
  const signature =
    alg === 'ES256'
      ? sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' })
      : sign(null, Buffer.from(input), privateKey);
  return `${input}.${signature.toString('base64url')}`;
}

export function unsignedToken(claims: Record<string, unknown>): string {
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

/** A token's claims as the auth service signs them; `sid` names a session nobody revoked. */
export function claimsFor(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: 'member-1',
    role: 'member',
    sid: randomUUID(),
    iss: ISSUER,
    aud: AUDIENCE,
    iat: now,
    exp: now + 600,
    ...overrides,
  };
}

/**
 * JSON as Python's `json.dumps(..., separators=(',', ':'))` writes it, as PyJWT does: no spaces,
 * every character beyond ASCII escaped (`"\u041e"`).
 */
const pythonJson = (value: unknown) =>
  JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/**
 * A member's token of the old system, as its `signin` made it: PyJWT's HS256 over
 * `{user_id, name, email, exp}` with Flask's SECRET_KEY; `exp` 30 days on unless given.
 * `header` replaces PyJWT's, for the tricks a verifier must refuse.
 */
export function seedToken(
  secret: string | Buffer,
  claims: { user_id: unknown; exp?: number; [claim: string]: unknown },
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  const exp = Math.floor(Date.now() / 1000) + 43_200 * 60;
  const { user_id, ...rest } = claims;
  const payload = { user_id, name: 'None None', email: null, exp, ...rest };
  const encode = (value: unknown) => Buffer.from(pythonJson(value)).toString('base64url');
  const input = `${encode(header)}.${encode(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

import { randomBytes } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';
/** The Standard Webhooks recommendation is 24 to 64 random bytes; we make 32. */
const GENERATED_BYTES = 32;
const MIN_KEY_BYTES = 24;
/** A secret an existing receiver already has: printable ASCII without spaces, long enough not to be guessed. */
const OWN_SECRET = /^[\x21-\x7e]{16,200}$/;

/** A new subscriber's secret, `whsec_` and base64 of random bytes (Standard Webhooks style). */
export function generateSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(GENERATED_BYTES).toString('base64')}`;
}

/** Why a secret an administrator gives cannot be used, or null when it can. */
export function secretProblem(secret: string): string | null {
  if (secret.startsWith(SECRET_PREFIX)) {
    const encoded = secret.slice(SECRET_PREFIX.length);
    const key = Buffer.from(encoded, 'base64');
    if (key.toString('base64') !== encoded) return 'A whsec_ secret must be base64 after its prefix';
    if (key.length < MIN_KEY_BYTES) return `A whsec_ secret must hold at least ${MIN_KEY_BYTES} bytes`;
    return null;
  }
  if (!OWN_SECRET.test(secret)) {
    return 'A secret must be 16 to 200 printable ASCII characters without spaces, or whsec_ and base64';
  }
  return null;
}

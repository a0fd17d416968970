import { createHash, createHmac } from 'node:crypto';
import { SECRET_PREFIX } from './webhook-secret.ts';

/**
 * The key of the Standard Webhooks signature. A `whsec_` secret is base64 after its prefix, as
 * the standard has it; any other secret (an existing receiver's own) signs with its characters,
 * which is what the `standardwebhooks` package calls the `raw` format.
 */
export function signingKeyOf(secret: string): Buffer {
  return secret.startsWith(SECRET_PREFIX)
    ? Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64')
    : Buffer.from(secret, 'latin1');
}

/** `X-Data-Hash`: hex of SHA-512 over the body and the secret written after it, as the existing receivers check. */
export function dataHash(body: string, secret: string): string {
  return createHash('sha512').update(body).update(secret).digest('hex');
}

/** `webhook-signature`: version 1, HMAC-SHA256 of `id.timestamp.body` in base64. */
export function standardSignature(key: Buffer, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', key).update(`${id}.${timestampSeconds}.`).update(body).digest('base64');
  return `v1,${mac}`;
}

export interface SignedMessage {
  /** The message's id: the event's, the same on every attempt so receivers can drop repeats. */
  id: string;
  /** Exactly the bytes sent. */
  body: string;
  secret: string;
  key: Buffer;
  /** Unix seconds of this attempt: receivers reject old ones, which defeats replays. */
  timestampSeconds: number;
}

/** Every header that signs one attempt. */
export function signatureHeaders(message: SignedMessage): Record<string, string> {
  const { id, body, secret, key, timestampSeconds } = message;
  return {
    'x-data-hash': dataHash(body, secret),
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': standardSignature(key, id, timestampSeconds, body),
  };
}

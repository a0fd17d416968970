import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * LiqPay's wire format (API version 3), both ways: parameters travel as `data`, the base64 of
 * their JSON, beside `signature`, the base64 of sha1(private key + data + private key). The
 * checkout we hand the app, the requests we send to the API and the callbacks LiqPay sends
 * us are all a `data` and its `signature`.
 */
export interface Signed {
  data: string;
  signature: string;
}

export type LiqPayParams = Record<string, unknown>;

export function signatureOf(data: string, privateKey: string): string {
  return createHash('sha1').update(privateKey).update(data).update(privateKey).digest('base64');
}

export function signed(params: LiqPayParams, privateKey: string): Signed {
  const data = Buffer.from(JSON.stringify(params), 'utf8').toString('base64');
  return { data, signature: signatureOf(data, privateKey) };
}

/**
 * Whether `signature` is exactly the text `data` must carry, compared in constant time: how
 * long a wrong guess took must not tell how much of it was right. Text, not decoded bytes:
 * base64 decoding forgives (it stops at padding), and a signature is the one text or none.
 */
export function hasValidSignature({ data, signature }: Signed, privateKey: string): boolean {
  const expected = Buffer.from(signatureOf(data, privateKey), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  // Compared at the expected length whatever was sent, so the time says nothing of the guess.
  const comparable = given.length === expected.length ? given : Buffer.alloc(expected.length);
  return timingSafeEqual(comparable, expected) && given.length === expected.length;
}

/** The parameters in `data`, or null when it is not base64 of a JSON object. Read only signed data. */
export function paramsOf(data: string): LiqPayParams | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as LiqPayParams)
      : null;
  } catch {
    return null;
  }
}

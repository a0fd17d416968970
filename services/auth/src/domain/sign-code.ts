import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** Six digits from a cryptographic source; leading zeros count. */
export function generateSignCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/**
 * Codes are kept only as a keyed hash, salted per sign request: a leaked table gives nothing
 * to try offline, and a code never opens another request.
 */
export function hashSignCode(key: Buffer, salt: Buffer, code: string): Buffer {
  return createHmac('sha256', key).update(salt).update(code).digest();
}

export function signCodeMatches(key: Buffer, salt: Buffer, code: string, stored: Buffer): boolean {
  const candidate = hashSignCode(key, salt, code);
  return candidate.length === stored.length && timingSafeEqual(candidate, stored);
}

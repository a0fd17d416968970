/**
 * Keys whose values are personal data or secrets. They are redacted wherever they appear
 * in a log line's fields, at any depth up to MAX_DEPTH.
 */
export const SENSITIVE_KEYS = [
  'phone',
  'to',
  'code',
  'password',
  'old_password',
  'new_password',
  'passwordHash',
  'token',
  'access_token',
  'refresh_token',
  'accessToken',
  'refreshToken',
  'secret',
  'signature',
  'private_key',
  'iban',
  'inn',
  'taxNumber',
  'tax_number',
  'passport',
  'passport_data',
  'passportData',
  'encodeData',
  'authorization',
  'cookie',
  'x-access-token',
] as const;

/** +380671234567 → +38067*****67: enough to tell numbers apart in support, not enough to dial. */
export function maskPhone(phone: unknown): string {
  if (typeof phone !== 'string' || phone.length < 7) return '[redacted]';
  return `${phone.slice(0, 6)}${'*'.repeat(phone.length - 8)}${phone.slice(-2)}`;
}

const SENSITIVE = new Set<string>(SENSITIVE_KEYS);
/** Deeper than this nothing is logged as is: pino's own serializers never nest so far. */
const MAX_DEPTH = 8;

function censor(key: string, value: unknown): string {
  return key === 'phone' || key === 'to' ? maskPhone(value) : '[redacted]';
}

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * `fields` with every sensitive key censored, in plain objects and arrays at any depth; the
 * same object when nothing needed it (the common case costs one pass and no copy). One pass
 * over the line replaced pino's path-based redaction, whose ninety wildcard paths took a
 * sixth of a gateway's CPU.
 */
export function redact<T>(fields: T): T {
  return redactValue(fields, 0) as T;
}

function redactValue(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index += 1) {
      const item = value[index];
      const next = redactValue(item, depth + 1);
      if (next === item) continue;
      copy ??= [...value];
      copy[index] = next;
    }
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const item = value[key];
    const next = SENSITIVE.has(key) ? censor(key, item) : redactValue(item, depth + 1);
    if (next === item) continue;
    copy ??= { ...value };
    copy[key] = next;
  }
  return copy ?? value;
}

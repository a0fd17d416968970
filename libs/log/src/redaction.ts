/**
 * Keys whose values are personal data or secrets. They are redacted wherever they appear
 * in a log line, up to three levels deep (pino's redaction works on explicit paths).
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

const HEADER_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-access-token"]'];

function pathsFor(key: string): string[] {
  const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (segment.startsWith('[') ? `${prefix}${segment}` : `${prefix}.${segment}`);
  return [segment, join('*'), join('*.*')];
}

export const REDACT_PATHS = [...HEADER_PATHS, ...SENSITIVE_KEYS.flatMap(pathsFor)];

/** +380671234567 → +38067*****67: enough to tell numbers apart in support, not enough to dial. */
export function maskPhone(phone: unknown): string {
  if (typeof phone !== 'string' || phone.length < 7) return '[redacted]';
  return `${phone.slice(0, 6)}${'*'.repeat(phone.length - 8)}${phone.slice(-2)}`;
}

export function censor(value: unknown, path: string[]): string {
  const key = path.at(-1);
  return key === 'phone' || key === 'to' ? maskPhone(value) : '[redacted]';
}

/**
 * Money crosses the gateways as the decimal hryvnias the apps send and read, and lives
 * everywhere else as whole kopiyky. The conversions are exact: no float ever holds kopiyky.
 */

/** 12345 → 123.45 (a JSON number the apps read; exact, since it is parsed from its decimal text). */
export function hryvniasOf(kopiyky: number): number {
  if (!Number.isSafeInteger(kopiyky)) throw new RangeError('kopiyky must be a whole number');
  const sign = kopiyky < 0 ? '-' : '';
  const absolute = Math.abs(kopiyky);
  return Number(`${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`);
}

const DECIMAL = /^(-?)([0-9]{1,13})(?:\.([0-9]{1,2}))?$/;

/**
 * 123.45 or "123.45" → 12345; null for anything that is not an amount with at most two
 * decimals (123.456, 1e3, NaN, ""). A number is read through its shortest decimal text,
 * which is what the client wrote.
 */
export function kopiykyOf(amount: number | string): number | null {
  const text = typeof amount === 'number' ? (Number.isFinite(amount) ? String(amount) : '') : amount.trim();
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const kopiyky = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(kopiyky)) return null;
  return sign === '-' && kopiyky !== 0 ? -kopiyky : kopiyky;
}

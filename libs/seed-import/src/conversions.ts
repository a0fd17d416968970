import { hryvniasOf, kyivDateOf, kyivWallTimeInstant, kyivWallTimeOf } from '@kasa/contracts';

/**
 * How the seed's values become Kasa's, by stated rules (issue 19, item 3). Each conversion says
 * what it could not take exactly, for the report; none guesses silently.
 */

/**
 * A seed FLOAT amount (hryvnias) as whole kopiyky: rounded to the nearest kopiyka, halves away
 * from zero, so 299.999999 becomes 300.00 and 150.005 becomes 150.01; each such value, no whole
 * number of kopiyky, is reported with what it became. A 32-bit float holds about 7 digits, so a
 * driver may hand 299.99 over as 299.989990234375: a difference within that float's own step is
 * how the seed wrote that kopiyka, and exact. NaN and infinities are no amount.
 */
export function kopiykyOfSeedAmount(value: number | string | null): {
  kopiyky: number | null;
  exact: boolean;
} {
  if (value === null) return { kopiyky: null, exact: true };
  const amount = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(amount)) return { kopiyky: null, exact: false };
  const kopiyky = Math.sign(amount) * Math.round(Math.abs(amount) * 100);
  // MySQL sends a FLOAT as its shortest decimal text (299.99), read exactly; a driver that sends
  // its 32-bit value (299.989990234375) is allowed that float's own step.
  const isFloat32 = Math.fround(amount) === amount && !Number.isInteger(amount * 100);
  const precision = isFloat32 ? float32Step(amount) : 1e-9 * Math.max(1, Math.abs(amount));
  const exact = Math.abs(amount - kopiyky / 100) <= precision;
  return { kopiyky: kopiyky === 0 ? 0 : kopiyky, exact };
}

/**
 * A FLOAT column's stored value (read as DOUBLE: 12345.669921875) as the shortest decimal that
 * the column stores as it (12345.67): what was written into it, at most nine digits, which is
 * also what reports show. A value no single-precision float holds is returned as it is.
 */
export function decimalOfSeedFloat(value: number): number {
  if (!Number.isFinite(value) || Math.fround(value) !== value) return value;
  for (let digits = 1; digits <= 9; digits += 1) {
    const decimal = Number(value.toPrecision(digits));
    if (Math.fround(decimal) === value) return decimal;
  }
  return value;
}

/** The gap between neighbouring 32-bit floats around `value`: what a FLOAT column cannot tell apart. */
function float32Step(value: number): number {
  const magnitude = Math.abs(Math.fround(value));
  if (magnitude === 0) return 2 ** -149;
  return 2 ** (Math.floor(Math.log2(magnitude)) - 23);
}

/**
 * A seed DATETIME (its local Kyiv clock, without a zone) as the instant it was; null stays
 * unknown, as does MySQL's zero date. A text that is no time is reported by the caller.
 */
export function instantOfSeedDateTime(text: string | number | null): Date | null | 'invalid' {
  if (text === null || text === '' || String(text).startsWith('0000-00-00')) return null;
  return kyivWallTimeInstant(String(text)) ?? 'invalid';
}

/**
 * A seed DATETIME that stands for a day (the paid-until `expiration_date`): the Kyiv calendar
 * day its wall time falls on, which is its date part.
 */
export function dayOfSeedDateTime(text: string | number | null): string | null | 'invalid' {
  const instant = instantOfSeedDateTime(text);
  return instant === null || instant === 'invalid' ? instant : kyivDateOf(instant);
}

/**
 * A phone as Kasa keeps them (`+380671234567`): the seed stored `380671234567`, `0671234567`
 * or `+380 67 123 45 67` as members typed them. Null when it cannot be a Ukrainian mobile or
 * international number.
 */
export function phoneOfSeed(text: string | number | null): string | null {
  if (text === null) return null;
  let digits = String(text).replace(/[\s()\-.]/g, '');
  if (/^0[0-9]{9}$/.test(digits)) digits = `+38${digits}`;
  else if (/^380[0-9]{9}$/.test(digits)) digits = `+${digits}`;
  if (!/^\+[1-9][0-9]{7,14}$/.test(digits)) return null;
  if (digits.startsWith('+380') && digits.length !== 13) return null;
  return digits;
}

/**
 * Whether a seed member was blocked, the one rule every service's import uses. The seed's
 * profile form cleared `is_active` on every member it sent for review, its admin site could only
 * ever set it (`if body.is_active:`), and neither app refused anyone by it: a cleared flag on a
 * member not yet approved is "waiting for review", not "blocked". Only an approved member
 * (`is_submited`) whose flag was cleared, by hand in the database, was shut out on purpose.
 */
export function seedMemberBlocked(row: {
  is_active?: string | number | null;
  is_submited?: string | number | null;
}): boolean {
  return !flagOfSeed(row.is_active ?? null, true) && flagOfSeed(row.is_submited ?? null);
}

/** A seed flag (INT or TINYINT(1)) as a boolean; NULL as `fallback`. */
export function flagOfSeed(value: string | number | null, fallback = false): boolean {
  if (value === null) return fallback;
  return Number(value) !== 0;
}

/**
 * When a seed row was made, for Kasa's columns that must have a time: its `created_at`, else its
 * `updated_at`, else `fallback` (the run's start), and whether it had to fall back, for the report.
 * Columns that may be unknown in Kasa keep NULL instead (`instantOfSeedDateTime`).
 */
export function createdInstantOf(
  row: { created_at?: string | number | null; updated_at?: string | number | null },
  fallback: Date,
): { at: Date; known: boolean } {
  for (const text of [row.created_at, row.updated_at]) {
    const instant = instantOfSeedDateTime(text ?? null);
    if (instant instanceof Date) return { at: instant, known: true };
  }
  return { at: fallback, known: false };
}

/*
 * Back the other way, for a switch back (`./kasa switch-back`): Kasa's values as the seed's
 * columns hold them. Each is the inverse of the rule above, so a row taken back and imported
 * again is the row Kasa has.
 */

/** Kopiyky as the seed's FLOAT hryvnias (12345 → 123.45); unknown stays NULL. */
export function seedAmountOfKopiyky(kopiyky: number | null): number | null {
  return kopiyky === null ? null : hryvniasOf(kopiyky);
}

/** An instant as the seed's DATETIME: its Kyiv wall time, `2024-01-15 18:45:00`; unknown stays NULL. */
export function seedDateTimeOfInstant(instant: Date | null): string | null {
  return instant === null ? null : kyivWallTimeOf(instant);
}

/** A day (the paid-until) as the seed's DATETIME for it, its midnight: `2024-12-31 00:00:00`. */
export function seedDateTimeOfDay(day: string | null): string | null {
  return day === null ? null : `${day} 00:00:00`;
}

/** A phone as the seed's code wrote it from the app (`380671234567`, no plus). */
export function seedPhoneOf(phone: string | null): string | null {
  return phone === null ? null : phone.replace(/^\+/, '');
}

/** A flag as the seed's INT/TINYINT(1). */
export function seedFlagOf(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}

/**
 * The kopiyky an amount written into an old amount column reads back as through the seed source:
 * a FLOAT keeps a 32-bit float, which from about 131,072 hryvnias on is no longer always the
 * kopiyka written (150000.01 is kept as 150000.015625 and reads back as 150000.02).
 */
export function kopiykyReadBack(kopiyky: number, column: { float: boolean }): number {
  if (!column.float) return kopiyky;
  return kopiykyOfSeedAmount(decimalOfSeedFloat(Math.fround(hryvniasOf(kopiyky)))).kopiyky!;
}

/** Why a value cannot be written into an old column as it is (too long), or null when it can. */
export function seedValueUnfit(
  column: { chars: number | null; bytes: number | null } | undefined,
  value: string | number | null,
): string | null {
  if (column === undefined) return 'the old table has no such column';
  if (typeof value !== 'string') return null;
  if (column.chars !== null && [...value].length > column.chars)
    return `longer than the ${column.chars} characters the old column holds`;
  if (column.bytes !== null && Buffer.byteLength(value, 'utf8') > column.bytes)
    return `longer than the ${column.bytes} bytes the old column holds`;
  return null;
}

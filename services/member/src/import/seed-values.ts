import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { createdInstantOf, instantOfSeedDateTime, type SeedProblem, type SeedRow } from '@kasa/seed-import';

/**
 * The small rules the member service's import shares between its steps: ids, texts, days and
 * times of seed rows as the service's columns hold them. Each says what it could not take as it
 * was; none of them ever names a value (they are personal), only the row and the column.
 */

export type Report = (problem: SeedProblem) => void;

const MAX_ID = 4_294_967_295;

/** A seed key or reference as an unsigned INT, or null when it is none (NULL, 0, not a whole number). */
export function idOf(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 && id <= MAX_ID ? id : null;
}

/**
 * A seed text for a column that may hold none: trimmed, blank as none (the seed's forms sent an
 * emptied input as an empty text), cut to the column's `maxChars` characters and reported if
 * longer.
 */
export function optionalText(
  row: SeedRow,
  where: { table: string; id: number | string },
  column: string,
  maxChars: number,
  report: Report,
): string | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  if (text === '') return null;
  const characters = [...text];
  if (characters.length <= maxChars) return text;
  report({
    kind: 'value_replaced',
    ...where,
    column,
    reason: `longer than the ${maxChars} characters Kasa keeps: cut to them`,
  });
  return characters.slice(0, maxChars).join('');
}

/**
 * When a seed row was made, for a column that must have a time: its `created_at`, else its
 * `updated_at`, else the import's start. A date that is no date, and having to fall back, are
 * reported.
 */
export function madeAt(
  row: SeedRow,
  where: { table: string; id: number | string },
  runStartedAt: Date,
  report: Report,
): Date {
  for (const column of ['created_at', 'updated_at'] as const) {
    if (column in row && instantOfSeedDateTime(row[column] ?? null) === 'invalid')
      report({ kind: 'bad_date', ...where, column });
  }
  const { at, known } = createdInstantOf(row, runStartedAt);
  if (!known) report({ kind: 'date_unknown', ...where, taken: 'the import’s start' });
  return at;
}

/** The seed's `updated_at` when it is a time (and not before `made`), else `made`. */
export function changedAt(row: SeedRow, made: Date): Date {
  const instant = instantOfSeedDateTime(row.updated_at ?? null);
  return instant instanceof Date && instant.getTime() >= made.getTime() ? instant : made;
}

/** A seed DATE (`YYYY-MM-DD`) as the calendar day it is; null for NULL, MySQL's zero date, or no day. */
export function calendarDayOf(value: string | number | null | undefined): string | null | 'invalid' {
  if (value === null || value === undefined || value === '') return null;
  const text = String(value).trim().slice(0, 10);
  if (text.startsWith('0000-00-00')) return null;
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (!match) return 'invalid';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && year >= 1900 ? text : 'invalid';
}

/** The name the seed kept a file under: the last part of what it stored (a bare name or a full URL). */
export function seedFileName(value: string | number | null | undefined): string {
  const text = String(value ?? '').trim();
  if (text === '') return '';
  const last = basename(new URL(text, 'file:///').pathname);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Longest key `seed_imports` holds. */
const KEY_CHARS = 128;

/**
 * What tells apart a row of a seed table Kasa keeps no id of: its id where the table has one (the
 * thesis lists none for the link tables), else the values that make it that row. A key too long
 * for `seed_imports` is kept as its SHA-256.
 */
export function seedRowKey(row: SeedRow, columns: readonly string[]): string {
  const key =
    row.id !== undefined && row.id !== null
      ? String(row.id)
      : columns
          .map((column) => (row[column] === null || row[column] === undefined ? '' : String(row[column])))
          .join('/');
  return key.length <= KEY_CHARS ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

import { createdInstantOf, instantOfSeedDateTime, type SeedProblem, type SeedRow } from '@kasa/seed-import';
import { REQUEST_STATUSES, type RequestStatus } from '../domain/request-status.ts';

/**
 * The small rules the request service's import shares between its steps: ids, texts and times
 * of seed rows as the service's columns hold them. Each says what it could not take as it was.
 */

const MAX_ID = 4_294_967_295;

/** A seed key or reference as an unsigned INT, or null when it is none (NULL, 0, not a whole number). */
export function idOf(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 && id <= MAX_ID ? id : null;
}

/** The seed's request status by its alias (`request_status.alias`), as the seed's code looked it up. */
export function requestStatusOfAlias(alias: string | number | null | undefined): RequestStatus | null {
  const wanted = String(alias ?? '')
    .trim()
    .toLowerCase();
  return REQUEST_STATUSES.find((status) => status === wanted) ?? null;
}

/**
 * What an imported request's status counts as for the consumers that apply its changes in
 * order (the member service's "new request" flag): the least Kasa itself could have reached it
 * at. A request is `opened` only until its status first changes (version 1); any other status
 * took at least one change (2). So whatever the member service records for it, at most this,
 * the next change Kasa makes (this + 1) is newer.
 */
export const importedStatusVersion = (status: RequestStatus): number => (status === 'opened' ? 1 : 2);

/** A `text` column's size: it holds bytes, and a character takes 1 to 4 of them. */
export const TEXT_BYTES = 65_535;

/** The text cut to `maxBytes` of UTF-8 on a character's boundary, and whether it had to be. */
export function textWithin(text: string, maxBytes: number): { text: string; cut: boolean } {
  if (Buffer.byteLength(text) <= maxBytes) return { text, cut: false };
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += character.length;
  }
  return { text: text.slice(0, end), cut: true };
}

/** The text cut to `maxChars` characters (code points, as a `varchar` counts them). */
export function charsWithin(text: string, maxChars: number): { text: string; cut: boolean } {
  const characters = [...text];
  if (characters.length <= maxChars) return { text, cut: false };
  return { text: characters.slice(0, maxChars).join(''), cut: true };
}

/**
 * A seed text for a column that must hold one: NULL becomes an empty text, a text longer than
 * the column holds is cut; either is reported.
 */
export function requiredText(
  row: SeedRow,
  table: string,
  column: string,
  report: (problem: SeedProblem) => void,
  fit: (text: string) => { text: string; cut: boolean } = (text) => textWithin(text, TEXT_BYTES),
): string {
  const value = row[column];
  const id = row.id ?? '?';
  if (value === null || value === undefined) {
    report({ kind: 'value_replaced', table, id, column, reason: 'NULL: taken as an empty text' });
    return '';
  }
  const { text, cut } = fit(String(value));
  if (cut)
    report({
      kind: 'value_replaced',
      table,
      id,
      column,
      reason: `longer than the column holds: cut to ${[...text].length} characters`,
    });
  return text;
}

/**
 * When a seed row was made, for a column that must have a time: its `created_at`, else its
 * `updated_at`, else `fallback`. A date that is no date, and having to fall back, are reported.
 */
export function madeAt(
  row: SeedRow,
  table: string,
  fallback: { at: Date; what: string },
  report: (problem: SeedProblem) => void,
): Date {
  const id = row.id ?? '?';
  for (const column of ['created_at', 'updated_at'] as const) {
    if (column in row && instantOfSeedDateTime(row[column] ?? null) === 'invalid')
      report({ kind: 'bad_date', table, id, column });
  }
  const { at, known } = createdInstantOf(row, fallback.at);
  if (!known) report({ kind: 'date_unknown', table, id, taken: fallback.what });
  return at;
}

/** The seed's `updated_at` when it is a time, else `made` (a row never changed since it was made). */
export function changedAt(row: SeedRow, made: Date): Date {
  const instant = instantOfSeedDateTime(row.updated_at ?? null);
  return instant instanceof Date ? instant : made;
}

/**
 * Reports a row pointing at a `points_to` row the seed no longer has (it still comes over:
 * history is never dropped); nothing when `known` has it.
 */
export function noteOrphan(
  report: (problem: SeedProblem) => void,
  known: ReadonlySet<number>,
  where: { table: string; id: number; column: string; points_to: string; value: number },
): void {
  if (!known.has(where.value)) report({ kind: 'orphan', ...where });
}

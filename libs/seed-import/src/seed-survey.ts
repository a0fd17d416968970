import { basename } from 'node:path';
import { dayOfSeedDateTime, instantOfSeedDateTime, kopiykyOfSeedAmount, phoneOfSeed } from './conversions.ts';
import { findSeedFile } from './seed-files.ts';
import type { SeedRow, SeedSource } from './seed-source.ts';
import { SEED_TABLE_ORDER, SEED_TABLES, type SeedTableName } from './seed-tables.ts';

/**
 * One thing in the old data that would not come over as it is. Never a phone, passport or tax
 * number: a problem names its row, and the operator looks the row up in the old database.
 */
export type SeedProblem =
  | { kind: 'table_missing'; table: string }
  | { kind: 'columns_missing'; table: string; columns: readonly string[] }
  | { kind: 'orphan'; table: string; id: RowId; column: string; points_to: string; value: RowId }
  | { kind: 'bad_phone'; table: string; id: RowId }
  | { kind: 'duplicate_phone'; table: string; ids: readonly RowId[] }
  | { kind: 'duplicate_certificate'; certificate: string; ids: readonly RowId[] }
  | { kind: 'duplicate_login'; login: string; ids: readonly RowId[] }
  | {
      kind: 'inexact_amount';
      table: string;
      id: RowId;
      column: string;
      value: number | string;
      kopiyky: number | null;
    }
  | { kind: 'bad_date'; table: string; id: RowId; column: string }
  | { kind: 'date_unknown'; table: string; id: RowId; taken: string }
  | { kind: 'file_unreadable'; table: string; id: RowId; column: string; file: string; reason: string }
  | { kind: 'not_imported'; table: string; id: RowId; reason: string }
  /** The row came over, but one of its values could not as it was: `reason` says what was taken. */
  | { kind: 'value_replaced'; table: string; id: RowId; column: string; reason: string }
  /**
   * A LiqPay order the seed never saw paid (its callback never set `payment_date`): it came over
   * as the seed listed it, a confirmed contribution on an unknown day; check it in LiqPay's report.
   */
  | { kind: 'order_unsettled'; table: string; id: RowId; order_id: string }
  | { kind: 'file_missing'; table: string; id: RowId; column: string; file: string };

type RowId = number | string;

export interface SeedSurvey {
  /** Rows per table, as the old database has them. */
  counts: Record<string, number>;
  problems: SeedProblem[];
  /** Problems by kind, for the summary line. */
  tally: Record<string, number>;
  /** Whether the import can start: every table it reads is there with its required columns. */
  readable: boolean;
}

const DATE_COLUMNS: Partial<Record<SeedTableName, readonly string[]>> = {
  members: ['created_at', 'updated_at'],
  users: ['created_at', 'updated_at'],
  programs: ['created_at', 'updated_at'],
  member_program: ['created_at', 'updated_at'],
  files: ['created_at', 'updated_at'],
  member_identity: ['created_at', 'updated_at'],
  requests: ['created_at', 'updated_at'],
  request_messages: ['created_at', 'updated_at'],
  payments: ['created_at', 'updated_at', 'payment_date'],
};

const AMOUNT_COLUMNS: Partial<Record<SeedTableName, readonly string[]>> = {
  programs: ['month_price'],
  requests: ['suma'],
  payments: ['amount'],
};

/** Columns that point at another table's key: [column, table]. */
const REFERENCES: Partial<Record<SeedTableName, ReadonlyArray<readonly [string, SeedTableName]>>> = {
  programs: [
    ['created_by', 'users'],
    ['updated_by', 'users'],
  ],
  member_program: [
    ['member_id', 'members'],
    ['program_id', 'programs'],
  ],
  files: [
    ['member_id', 'members'],
    ['request_id', 'requests'],
  ],
  member_identity: [
    ['member_id', 'members'],
    ['file_id', 'files'],
    ['identity_type', 'identity_types'],
  ],
  requests: [
    ['member_id', 'members'],
    ['status_id', 'request_status'],
  ],
  request_messages: [
    ['request_id', 'requests'],
    ['member_id', 'members'],
    ['user_id', 'users'],
  ],
  payments: [
    ['member_id', 'members'],
    ['request_id', 'requests'],
    ['payment_type', 'payment_types'],
  ],
};

/** Files the seed kept in its upload folder by name: [table, column]. */
const FILE_COLUMNS: ReadonlyArray<readonly [SeedTableName, string]> = [
  ['members', 'photo'],
  ['files', 'filename'],
  ['programs', 'program_file'],
];

/**
 * Reads the whole old database once, writing nothing, and lists what would come over and every
 * problem: tables or columns missing, rows pointing at rows that are not there, phones that are
 * no numbers, phones, certificates and logins held twice, amounts that are no whole kopiyky,
 * dates that are no dates, and files missing from `filesDir`.
 */
export async function surveySeed(source: SeedSource, filesDir: string | null): Promise<SeedSurvey> {
  const problems: SeedProblem[] = [];
  const counts: Record<string, number> = {};
  let readable = true;
  for (const name of SEED_TABLE_ORDER) {
    const found = source.tables.get(name)!;
    if (!found.actualName) {
      if (SEED_TABLES[name].imported) {
        problems.push({ kind: 'table_missing', table: name });
        readable = false;
      }
      continue;
    }
    if (found.missing.length > 0) {
      problems.push({ kind: 'columns_missing', table: name, columns: found.missing });
      readable = false;
    }
  }

  // Keys first, so that a row may point at one read after it (a message at a later request).
  const keys = new Map<SeedTableName, Set<string>>();
  for (const name of SEED_TABLE_ORDER) {
    const key = SEED_TABLES[name].key;
    if (!key || !SEED_TABLES[name].imported) continue;
    const set = new Set<string>();
    for await (const rows of source.rows(name)) for (const row of rows) set.add(String(row[key]));
    keys.set(name, set);
  }

  const phones = new Map<string, Map<string, RowId[]>>();
  const certificates = new Map<string, RowId[]>();
  const logins = new Map<string, RowId[]>();
  const fileChecks: Array<{ table: string; id: RowId; column: string; file: string; owner: string | null }> =
    [];

  for (const name of SEED_TABLE_ORDER) {
    if (!SEED_TABLES[name].imported) {
      counts[name] = await source.count(name);
      continue;
    }
    let count = 0;
    for await (const rows of source.rows(name)) {
      for (const row of rows) {
        count += 1;
        const id = rowId(name, row);
        for (const [column, target] of REFERENCES[name] ?? []) {
          const value = row[column];
          if (value === null || value === undefined || (column !== 'member_id' && Number(value) === 0))
            continue;
          if (!keys.get(target)?.has(String(value)))
            problems.push({ kind: 'orphan', table: name, id, column, points_to: target, value });
        }
        for (const column of DATE_COLUMNS[name] ?? []) {
          if (!(column in row)) continue;
          if (instantOfSeedDateTime(row[column]!) === 'invalid')
            problems.push({ kind: 'bad_date', table: name, id, column });
        }
        for (const column of AMOUNT_COLUMNS[name] ?? []) {
          const value = row[column];
          if (value === null || value === undefined) continue;
          const { kopiyky, exact } = kopiykyOfSeedAmount(value);
          if (!exact) problems.push({ kind: 'inexact_amount', table: name, id, column, value, kopiyky });
        }
        if (name === 'members' || name === 'users') notePhone(phones, name, id, row.phone ?? null, problems);
        const order = name === 'payments' ? String(row.payment_identifier ?? '').trim() : '';
        if (order !== '' && instantOfSeedDateTime(row.payment_date ?? null) === null)
          problems.push({ kind: 'order_unsettled', table: name, id, order_id: order });
        if (name === 'members') {
          if ('expiration_date' in row && dayOfSeedDateTime(row.expiration_date!) === 'invalid')
            problems.push({ kind: 'bad_date', table: name, id, column: 'expiration_date' });
          const certificate = String(row.certificate ?? '').trim();
          if (certificate) certificates.set(certificate, [...(certificates.get(certificate) ?? []), id]);
        }
        if (name === 'users') {
          const login = String(row.login ?? '')
            .trim()
            .toLowerCase();
          logins.set(login, [...(logins.get(login) ?? []), id]);
        }
        for (const [table, column] of FILE_COLUMNS) {
          const file = table === name ? seedFileName(row[column] ?? null) : null;
          // The seed kept a member's uploads in a folder named by the member's id.
          const owner = name === 'members' ? row.id : row.member_id;
          if (file) fileChecks.push({ table, id, column, file, owner: owner == null ? null : String(owner) });
        }
      }
    }
    counts[name] = count;
  }

  for (const [table, byPhone] of phones)
    for (const ids of byPhone.values())
      if (ids.length > 1) problems.push({ kind: 'duplicate_phone', table, ids });
  for (const [certificate, ids] of certificates)
    if (ids.length > 1) problems.push({ kind: 'duplicate_certificate', certificate, ids });
  for (const [login, ids] of logins)
    if (ids.length > 1) problems.push({ kind: 'duplicate_login', login, ids });
  if (filesDir !== null) {
    for (const { owner, ...check } of fileChecks) {
      if (!(await findSeedFile(filesDir, owner ? [owner] : [], check.file)))
        problems.push({ kind: 'file_missing', ...check });
    }
  }

  const tally: Record<string, number> = {};
  for (const problem of problems) tally[problem.kind] = (tally[problem.kind] ?? 0) + 1;
  return { counts, problems, tally, readable };
}

/**
 * The name a seed file column gives: a bare name (`1709640100_photo.jpg`), or a full URL whose
 * last path segment is the name (programs' `program_file`). Null for none.
 */
export function seedFileName(value: string | number | null): string | null {
  const text = String(value ?? '').trim();
  if (text === '') return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return basename(text);
  try {
    return decodeURIComponent(basename(new URL(text).pathname)) || null;
  } catch {
    return null;
  }
}

function rowId(name: SeedTableName, row: SeedRow): RowId {
  if (row.id !== undefined && row.id !== null) return row.id;
  if (name === 'member_program') return `${row.member_id}/${row.program_id}`;
  if (name === 'member_identity') return `${row.member_id}/${row.file_id}`;
  return '?';
}

function notePhone(
  phones: Map<string, Map<string, RowId[]>>,
  table: string,
  id: RowId,
  raw: string | number | null,
  problems: SeedProblem[],
): void {
  if (raw === null || String(raw).trim() === '') return;
  const phone = phoneOfSeed(raw);
  if (phone === null) {
    problems.push({ kind: 'bad_phone', table, id });
    return;
  }
  const byPhone = phones.get(table) ?? new Map<string, RowId[]>();
  byPhone.set(phone, [...(byPhone.get(phone) ?? []), id]);
  phones.set(table, byPhone);
}

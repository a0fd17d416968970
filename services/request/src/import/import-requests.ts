import type { Tx } from '@kasa/db';
import { insertInChunks } from '@kasa/db';
import { kopiykyOfSeedAmount, type SeedProblem, type SeedRow } from '@kasa/seed-import';
import { requests } from '../db/schema.ts';
import type { RequestStatus } from '../domain/request-status.ts';
import { idsAlreadyThere } from './imported-rows.ts';
import { paidFor, type SeedFacts } from './seed-facts.ts';
import {
  changedAt,
  charsWithin,
  idOf,
  importedStatusVersion,
  madeAt,
  noteOrphan,
  requiredText,
} from './seed-values.ts';

type NewRequest = typeof requests.$inferInsert;

/** What an imported request whose status the seed does not name is taken to be: staff look at it. */
export const UNKNOWN_STATUS_TAKEN: RequestStatus = 'awaiting_agent';
/** The most `granted_amount` holds (an unsigned INT of kopiyky). */
export const MAX_GRANTED = 4_294_967_295;
const DIAGNOSIS_CHARS = 2000;

/**
 * A seed request (table 2.6) as the request service keeps one, or null when it cannot be kept
 * (no member: the column must name one). Its id and member are kept whether or not the member
 * still exists; its status is its `request_status` alias; `suma` (hryvnias) is the granted
 * amount in kopiyky, NULL staying none; what it was paid out so far comes from the seed's payouts.
 */
export function requestOfSeed(
  row: SeedRow,
  facts: SeedFacts,
  runStartedAt: Date,
  report: (problem: SeedProblem) => void,
): NewRequest | null {
  const id = idOf(row.id);
  if (id === null) {
    report({ kind: 'not_imported', table: 'requests', id: row.id ?? '?', reason: 'its id is no row id' });
    return null;
  }
  const rawMember = row.member_id;
  const memberId = rawMember === 0 || rawMember === '0' ? 0 : idOf(rawMember);
  if (memberId === null) {
    report({ kind: 'not_imported', table: 'requests', id, reason: 'it names no member (member_id is NULL)' });
    return null;
  }
  noteOrphan(report, facts.memberIds, {
    table: 'requests',
    id,
    column: 'member_id',
    points_to: 'members',
    value: memberId,
  });

  const createdAt = madeAt(row, 'requests', { at: runStartedAt, what: 'the import’s start' }, report);
  const status = statusOf(row, id, facts, report);
  return {
    id,
    memberId,
    status,
    statusVersion: importedStatusVersion(status),
    requestText: requiredText(row, 'requests', 'request_text', report),
    diagnosis:
      row.diagnos === null || row.diagnos === undefined
        ? ''
        : requiredText(row, 'requests', 'diagnos', report, (text) => charsWithin(text, DIAGNOSIS_CHARS)),
    grantedAmount: grantedOf(row, id, report),
    paidAmount: paidFor(facts, id),
    createdAt,
    updatedAt: changedAt(row, createdAt),
  };
}

function statusOf(
  row: SeedRow,
  id: number,
  facts: SeedFacts,
  report: (problem: SeedProblem) => void,
): RequestStatus {
  const statusId = idOf(row.status_id);
  const known = statusId === null ? undefined : facts.statusById.get(statusId);
  if (known?.status) return known.status;
  const why =
    known === undefined
      ? `status ${row.status_id ?? 'NULL'} is no row of request_status`
      : `status ${statusId}'s alias '${known.alias}' is none of Kasa's statuses`;
  report({
    kind: 'value_replaced',
    table: 'requests',
    id,
    column: 'status_id',
    reason: `${why}: taken as ${UNKNOWN_STATUS_TAKEN}`,
  });
  return UNKNOWN_STATUS_TAKEN;
}

/** `suma` in kopiyky by the stated rule; an amount Kasa cannot grant (negative, too large) is none. */
function grantedOf(row: SeedRow, id: number, report: (problem: SeedProblem) => void): number | null {
  const value = row.suma ?? null;
  if (value === null) return null;
  const { kopiyky, exact } = kopiykyOfSeedAmount(value);
  if (!exact) report({ kind: 'inexact_amount', table: 'requests', id, column: 'suma', value, kopiyky });
  if (kopiyky === null) return null;
  if (kopiyky < 0 || kopiyky > MAX_GRANTED) {
    report({
      kind: 'value_replaced',
      table: 'requests',
      id,
      column: 'suma',
      reason: `${value} is no amount Kasa can grant: taken as none granted`,
    });
    return null;
  }
  return kopiyky;
}

/** Writes the batch's requests that are not there yet (by their seed id); how many. */
export async function importRequests(
  tx: Tx,
  rows: readonly SeedRow[],
  facts: SeedFacts,
  runStartedAt: Date,
  report: (problem: SeedProblem) => void,
): Promise<number> {
  for (const row of rows) {
    const id = idOf(row.id);
    if (id !== null) facts.requestIds.add(id);
  }
  const there = await idsAlreadyThere(
    tx,
    requests,
    rows.map((row) => idOf(row.id)),
  );
  const values = rows
    .filter((row) => !there.has(idOf(row.id) ?? -1))
    .map((row) => requestOfSeed(row, facts, runStartedAt, report))
    .filter((value) => value !== null);
  return insertInChunks(
    tx,
    requests,
    values,
    (value) => value.requestText.length + (value.diagnosis?.length ?? 0),
  );
}

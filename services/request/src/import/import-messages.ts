import type { Tx } from '@kasa/db';
import { insertInChunks } from '@kasa/db';
import type { SeedProblem, SeedRow } from '@kasa/seed-import';
import { requestMessages } from '../db/schema.ts';
import { idsAlreadyThere, requestsAlreadyThere } from './imported-rows.ts';
import type { SeedFacts } from './seed-facts.ts';
import { idOf, madeAt, noteOrphan, requiredText } from './seed-values.ts';

type NewMessage = typeof requestMessages.$inferInsert;

/**
 * A seed message (table 2.1) as the request service keeps one: by the member when `member_id`
 * is set (the mobile app wrote those), by a staff user when `user_id` is (the admin site's; Kasa
 * shows staff by name, looked up by that id, which the staff import keeps). The seed had no
 * internal notes: every message was the member's to read. Null when it cannot be kept (no request).
 */
export function messageOfSeed(
  row: SeedRow,
  facts: SeedFacts,
  /** When a message with no time of its own was written: its request's time, or the import's. */
  undated: { at: Date; what: string },
  report: (problem: SeedProblem) => void,
): NewMessage | null {
  const id = idOf(row.id);
  if (id === null) {
    report({
      kind: 'not_imported',
      table: 'request_messages',
      id: row.id ?? '?',
      reason: 'its id is no row id',
    });
    return null;
  }
  const requestId = idOf(row.request_id);
  if (requestId === null) {
    report({ kind: 'not_imported', table: 'request_messages', id, reason: 'it names no request' });
    return null;
  }
  noteOrphan(report, facts.requestIds, {
    table: 'request_messages',
    id,
    column: 'request_id',
    points_to: 'requests',
    value: requestId,
  });
  return {
    id,
    requestId,
    memberId: authorId(row, 'member_id', id, report),
    userId: authorId(row, 'user_id', id, report),
    internal: false,
    message: requiredText(row, 'request_messages', 'message', report),
    createdAt: madeAt(row, 'request_messages', undated, report),
  };
}

/** A message's author id; NULL and 0 are none (the seed wrote NULL for the other side). */
function authorId(
  row: SeedRow,
  column: 'member_id' | 'user_id',
  id: number,
  report: (problem: SeedProblem) => void,
): number | null {
  const value = row[column];
  if (value === null || value === undefined || Number(value) === 0) return null;
  const author = idOf(value);
  if (author === null)
    report({
      kind: 'value_replaced',
      table: 'request_messages',
      id,
      column,
      reason: 'no row id: taken as none',
    });
  return author;
}

/** Writes the batch's messages that are not there yet (by their seed id); how many. */
export async function importMessages(
  tx: Tx,
  rows: readonly SeedRow[],
  facts: SeedFacts,
  runStartedAt: Date,
  report: (problem: SeedProblem) => void,
): Promise<number> {
  const there = await idsAlreadyThere(
    tx,
    requestMessages,
    rows.map((row) => idOf(row.id)),
  );
  const missing = rows.filter((row) => !there.has(idOf(row.id) ?? -1));
  const requestsOf = await requestsAlreadyThere(
    tx,
    missing.map((row) => idOf(row.request_id)),
  );
  const values = missing
    .map((row) => {
      const requestMade = requestsOf.get(idOf(row.request_id) ?? -1)?.createdAt;
      const undated = requestMade
        ? { at: requestMade, what: 'its request’s created_at' }
        : { at: runStartedAt, what: 'the import’s start' };
      return messageOfSeed(row, facts, undated, report);
    })
    .filter((value) => value !== null);
  return insertInChunks(tx, requestMessages, values, (value) => value.message.length);
}

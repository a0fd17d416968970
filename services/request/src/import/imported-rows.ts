import type { Tx } from '@kasa/db';
import { inArray } from 'drizzle-orm';
import { type requestFiles, type requestMessages, requests } from '../db/schema.ts';

/**
 * Which of a batch's seed ids are there already: those rows were brought over before (ids are
 * kept) and are left as they are, however Kasa has changed them since.
 */
export async function idsAlreadyThere(
  tx: Tx,
  table: typeof requests | typeof requestMessages | typeof requestFiles,
  ids: readonly (number | null)[],
): Promise<Set<number>> {
  const wanted = [...new Set(ids.filter((id) => id !== null))];
  if (wanted.length === 0) return new Set();
  const rows = await tx.select({ id: table.id }).from(table).where(inArray(table.id, wanted));
  return new Set(rows.map(({ id }) => id));
}

/** The imported requests among `ids`: whose they are and when they were made. */
export async function requestsAlreadyThere(
  tx: Tx,
  ids: readonly (number | null)[],
): Promise<Map<number, { memberId: number; createdAt: Date }>> {
  const wanted = [...new Set(ids.filter((id) => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .select({ id: requests.id, memberId: requests.memberId, createdAt: requests.createdAt })
    .from(requests)
    .where(inArray(requests.id, wanted));
  return new Map(rows.map(({ id, ...request }) => [id, request]));
}

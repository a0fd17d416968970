import type { Executor } from '@kasa/db';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestStatus } from '../domain/request-status.ts';
import { requests } from './schema.ts';

export type RequestRow = typeof requests.$inferSelect;
export type RequestPatch = Partial<
  Pick<RequestRow, 'status' | 'statusVersion' | 'requestText' | 'diagnosis' | 'grantedAmount'>
>;

/** A new request, `opened`: the row as written, so that nobody has to read it back. */
export async function insertRequest(
  tx: Executor,
  memberId: number,
  requestText: string,
  now: Date,
): Promise<RequestRow> {
  const written = {
    memberId,
    status: 'opened' as const,
    statusVersion: 1,
    requestText,
    diagnosis: '',
    grantedAmount: null,
    paidAmount: 0,
    createdAt: now,
    updatedAt: now,
  };
  const [result] = await tx.insert(requests).values(written);
  return { id: result.insertId, ...written };
}

/** One request; `forUpdate` locks the row until the transaction ends, so changes to it queue up. */
export async function findRequest(
  tx: Executor,
  id: number,
  forUpdate = false,
): Promise<RequestRow | undefined> {
  const query = tx.select().from(requests).where(eq(requests.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** Requests by id, in the order asked; ids of no request are left out. */
export async function requestsByIds(tx: Executor, ids: readonly number[]): Promise<RequestRow[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select()
    .from(requests)
    .where(inArray(requests.id, [...ids]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A member's requests, newest first, of the given statuses (every status when none are given). */
export function memberRequests(
  tx: Executor,
  memberId: number,
  statuses: readonly RequestStatus[],
): Promise<RequestRow[]> {
  const byMember = eq(requests.memberId, memberId);
  return tx
    .select()
    .from(requests)
    .where(statuses.length === 0 ? byMember : and(byMember, inArray(requests.status, [...statuses])))
    .orderBy(desc(requests.id));
}

/** Changes a request and moves its `updated_at` to `now` (everything the member sees happen does). */
export async function updateRequest(tx: Executor, id: number, patch: RequestPatch, now: Date): Promise<void> {
  await tx
    .update(requests)
    .set({ ...patch, updatedAt: now })
    .where(eq(requests.id, id));
}

/**
 * Adds `delta` kopiyky (negative for a reversal) to what was paid out for a request. Staff's
 * list is not reordered by it: `updated_at` stays.
 */
export async function addPaidAmount(tx: Executor, id: number, delta: number): Promise<boolean> {
  const [result] = await tx
    .update(requests)
    .set({ paidAmount: sql`${requests.paidAmount} + ${delta}` })
    .where(eq(requests.id, id));
  return result.affectedRows === 1;
}

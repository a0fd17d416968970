import type { Executor } from '@kasa/db';
import { and, count, desc, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { RequestStatus } from '../domain/request-status.ts';
import type { RequestRow } from './requests.repository.ts';
import { requests } from './schema.ts';

export interface RequestSearch {
  /** Only these members' requests; every member's when null (none when empty). */
  memberIds: readonly number[] | null;
  /** Only these statuses; every status when null. */
  statuses: readonly RequestStatus[] | null;
  /** Last changed at or after this instant. */
  updatedFrom: Date | null;
  /** Last changed before this instant. */
  updatedBefore: Date | null;
  offset: number;
  limit: number;
}

/**
 * Staff's list, latest changed first, with the number of matches. Each filter is a range of
 * one of the indexes (member and status, status and change time, change time), and the
 * count uses the same conditions, so a page of 200,000 requests reads only what it shows.
 */
export async function searchRequests(
  tx: Executor,
  search: RequestSearch,
): Promise<{ rows: RequestRow[]; total: number }> {
  if (search.memberIds?.length === 0 || search.statuses?.length === 0) return { rows: [], total: 0 };
  const conditions: SQL[] = [];
  if (search.memberIds !== null) conditions.push(inArray(requests.memberId, [...search.memberIds]));
  if (search.statuses !== null) conditions.push(inArray(requests.status, [...search.statuses]));
  if (search.updatedFrom !== null) conditions.push(gte(requests.updatedAt, search.updatedFrom));
  if (search.updatedBefore !== null) conditions.push(lt(requests.updatedAt, search.updatedBefore));
  const where = conditions.length === 0 ? undefined : and(...conditions);
  const [rows, [counted]] = await Promise.all([
    tx
      .select()
      .from(requests)
      .where(where)
      .orderBy(desc(requests.updatedAt), desc(requests.id))
      .limit(search.limit)
      .offset(search.offset),
    tx.select({ total: count() }).from(requests).where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

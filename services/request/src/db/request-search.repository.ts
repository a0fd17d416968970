import { TOTAL_COUNT_LIMIT } from '@kasa/contracts';
import type { Executor } from '@kasa/db';
import { and, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { REQUEST_STATUSES, type RequestStatus } from '../domain/request-status.ts';
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
 * one of the indexes (member and status, status and change time, change time); the total
 * uses the same conditions, up to TOTAL_COUNT_LIMIT, and is counted only when neither the
 * limit nor the page tells it. Several statuses without members named are read one status at
 * a time, each in the order of (status, updated_at), and merged: one range with all of them
 * would be sorted whole, 160,000 rows for a page of 50.
 */
export async function searchRequests(
  tx: Executor,
  search: RequestSearch,
): Promise<{ rows: RequestRow[]; total: number; totalExact: boolean }> {
  if (search.memberIds?.length === 0 || search.statuses?.length === 0) {
    return { rows: [], total: 0, totalExact: true };
  }
  const conditions: SQL[] = [];
  if (search.memberIds !== null) conditions.push(inArray(requests.memberId, [...search.memberIds]));
  if (search.statuses !== null) conditions.push(inArray(requests.status, [...search.statuses]));
  if (search.updatedFrom !== null) conditions.push(gte(requests.updatedAt, search.updatedFrom));
  if (search.updatedBefore !== null) conditions.push(lt(requests.updatedAt, search.updatedBefore));
  const where = conditions.length === 0 ? undefined : and(...conditions);
  const statuses = search.statuses ?? REQUEST_STATUSES;
  const [rows, pastLimit] = await Promise.all([
    search.memberIds === null && statuses.length > 1
      ? mergedByStatus(tx, search, statuses)
      : tx
          .select({ id: requests.id })
          .from(requests)
          .where(where)
          .orderBy(desc(requests.updatedAt), desc(requests.id))
          .limit(search.limit)
          .offset(search.offset)
          .then((page) => rowsInOrder(tx, page)),
    moreThanLimit(tx, where),
  ]);
  if (pastLimit) return { rows, total: TOTAL_COUNT_LIMIT, totalExact: false };
  // A page with room left is the end of the list: it tells how many there are without a count.
  const endsHere = rows.length < search.limit && (rows.length > 0 || search.offset === 0);
  if (endsHere) return { rows, total: search.offset + rows.length, totalExact: true };
  const [counted] = await tx.select({ total: count() }).from(requests).where(where);
  return { rows, total: Number(counted?.total ?? 0), totalExact: true };
}

/**
 * Whether more than TOTAL_COUNT_LIMIT requests match: one read at that offset, an index range
 * of that length walked and nothing kept, cheaper than counting what a list of thousands holds.
 */
async function moreThanLimit(tx: Executor, where: SQL | undefined): Promise<boolean> {
  const [beyond] = await tx
    .select({ id: requests.id })
    .from(requests)
    .where(where)
    .limit(1)
    .offset(TOTAL_COUNT_LIMIT);
  return beyond !== undefined;
}

/** A page of several statuses: the first `offset + limit` of each, in index order, merged. */
async function mergedByStatus(
  tx: Executor,
  search: RequestSearch,
  statuses: readonly RequestStatus[],
): Promise<RequestRow[]> {
  const enough = search.offset + search.limit;
  const times: SQL[] = [];
  if (search.updatedFrom !== null) times.push(gte(requests.updatedAt, search.updatedFrom));
  if (search.updatedBefore !== null) times.push(lt(requests.updatedAt, search.updatedBefore));
  const branches = statuses.map(
    (status) =>
      sql`(SELECT ${requests.id} AS id, ${requests.updatedAt} AS updated_at FROM ${requests}
          WHERE ${and(eq(requests.status, status), ...times)}
          ORDER BY ${requests.updatedAt} DESC, ${requests.id} DESC LIMIT ${enough})`,
  );
  const [page] = (await tx.execute(
    sql`SELECT id FROM (${sql.join(branches, sql` UNION ALL `)}) AS merged
        ORDER BY updated_at DESC, id DESC LIMIT ${search.limit} OFFSET ${search.offset}`,
  )) as unknown as [{ id: number }[]];
  return rowsInOrder(tx, page);
}

/**
 * The rows of a page of ids, in its order. The page itself is read from an index alone (its
 * entries hold the id): skipping `offset` entries never reads the rows skipped.
 */
async function rowsInOrder(tx: Executor, page: readonly { id: number }[]): Promise<RequestRow[]> {
  if (page.length === 0) return [];
  const ids = page.map(({ id }) => id);
  const found = await tx.select().from(requests).where(inArray(requests.id, ids));
  const byId = new Map(found.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

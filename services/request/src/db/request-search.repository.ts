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
 * one of the indexes (member and status, status and change time, change time), and the count
 * (see countMatching) uses the same conditions. Several statuses without members named are
 * read one status at a time, each in the order of (status, updated_at), and merged: one range
 * with all of them would be sorted whole, 160,000 rows for a page of 50.
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
  const rows =
    search.memberIds === null && statuses.length > 1
      ? await mergedByStatus(tx, search, statuses)
      : await tx
          .select({ id: requests.id })
          .from(requests)
          .where(where)
          .orderBy(desc(requests.updatedAt), desc(requests.id))
          .limit(search.limit)
          .offset(search.offset)
          .then((page) => rowsInOrder(tx, page));
  return { rows, ...(await countMatching(tx, where, search, rows.length)) };
}

/**
 * How many requests match, up to TOTAL_COUNT_LIMIT. A page with room left is the end of the
 * list and tells without counting; else one read past the limit settles whether there are
 * more than it (an index range of that length, nothing kept), and only a shorter list is counted.
 */
async function countMatching(
  tx: Executor,
  where: SQL | undefined,
  { offset, limit }: RequestSearch,
  onPage: number,
): Promise<{ total: number; totalExact: boolean }> {
  const endsHere = onPage < limit && (onPage > 0 || offset === 0);
  if (endsHere && offset + onPage <= TOTAL_COUNT_LIMIT) return { total: offset + onPage, totalExact: true };
  const [beyond] = await tx
    .select({ id: requests.id })
    .from(requests)
    .where(where)
    .limit(1)
    .offset(TOTAL_COUNT_LIMIT);
  if (beyond !== undefined) return { total: TOTAL_COUNT_LIMIT, totalExact: false };
  const [counted] = await tx.select({ total: count() }).from(requests).where(where);
  return { total: Number(counted?.total ?? 0), totalExact: true };
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

import type { RequestCounts } from '@kasa/contracts';
import type { Executor } from '@kasa/db';
import { count } from 'drizzle-orm';
import type { Static } from 'typebox';
import { REQUEST_STATUSES } from '../domain/request-status.ts';
import { requests } from './schema.ts';

/** Requests by status, every status present (zero when none). */
export async function countRequestsByStatus(tx: Executor): Promise<Static<typeof RequestCounts>> {
  const rows = await tx
    .select({ status: requests.status, count: count() })
    .from(requests)
    .groupBy(requests.status);
  const counts = Object.fromEntries(REQUEST_STATUSES.map((status) => [status, 0])) as Static<
    typeof RequestCounts
  >;
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}

import type { LiqPayCallbackRejection } from '@kasa/contracts';
import type { Executor } from '@kasa/db';
import { and, desc, gte, lte, sql } from 'drizzle-orm';
import { liqpayCallbackRejections } from './schema.ts';

export type CallbackRejectionRow = typeof liqpayCallbackRejections.$inferSelect;

export interface RefusedCallback {
  reason: LiqPayCallbackRejection;
  /** The Kyiv day it came. */
  day: string;
  at: Date;
  dataLength: number | null;
  dataSha256: string | null;
}

/** One more refused callback on its day's row for its reason: the row is made by the first. */
export async function countRejection(tx: Executor, refused: RefusedCallback): Promise<void> {
  const last = { lastAt: refused.at, lastDataLength: refused.dataLength, lastDataSha256: refused.dataSha256 };
  await tx
    .insert(liqpayCallbackRejections)
    .values({ day: refused.day, reason: refused.reason, count: 1, firstAt: refused.at, ...last })
    .onDuplicateKeyUpdate({ set: { count: sql`${liqpayCallbackRejections.count} + 1`, ...last } });
}

/** The counts of the days from `from` to `to` (both included, either open), latest day first. */
export function rejectionsBetween(tx: Executor, from?: string, to?: string): Promise<CallbackRejectionRow[]> {
  const { day, reason } = liqpayCallbackRejections;
  return tx
    .select()
    .from(liqpayCallbackRejections)
    .where(and(from === undefined ? undefined : gte(day, from), to === undefined ? undefined : lte(day, to)))
    .orderBy(desc(day), reason);
}

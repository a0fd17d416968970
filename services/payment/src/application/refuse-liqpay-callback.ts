import { createHash } from 'node:crypto';
import { kyivDateOf, type LiqPayCallbackRejection } from '@kasa/contracts';
import { retryOnDeadlock } from '@kasa/db';
import type { ServiceContext } from '@kasa/runtime';
import { countRejection } from '../db/callback-rejections.repository.ts';

/** What counting a refusal needs: the database and the log. */
export interface RefusalDeps {
  context: Pick<ServiceContext, 'database' | 'logger'>;
}

export interface RefusedCallbackFacts {
  reason: LiqPayCallbackRejection;
  /** Characters of its `data`; null when the body was too large to read. */
  dataLength: number | null;
  dataSha256: string | null;
}

/** What identifies a callback's `data` without keeping it. */
export function fingerprintOf(data: string): Pick<RefusedCallbackFacts, 'dataLength' | 'dataSha256'> {
  return { dataLength: data.length, dataSha256: createHash('sha256').update(data).digest('hex') };
}

/**
 * A callback refused without being kept (anyone can post to the callback, as often as they
 * like): counted on its Kyiv day's row for its reason, and logged with its size and hash but
 * nothing of its content, which may name a payer. The refusal stands even when the count
 * cannot be written: bookkeeping must not turn a 400 into a 5xx that asks the sender to retry.
 */
export async function refuseLiqPayCallback(
  deps: RefusalDeps,
  facts: RefusedCallbackFacts,
  now = new Date(),
): Promise<void> {
  const { db } = deps.context.database;
  const { logger } = deps.context;
  logger.warn(
    { reason: facts.reason, dataLength: facts.dataLength, dataSha256: facts.dataSha256 },
    'LiqPay callback refused',
  );
  try {
    await retryOnDeadlock(() => countRejection(db, { ...facts, day: kyivDateOf(now), at: now }));
  } catch (error) {
    logger.error({ err: error, reason: facts.reason }, 'A refused LiqPay callback could not be counted');
  }
}

import { createHash } from 'node:crypto';
import { kyivDateOf, type LiqPayCallbackRejection } from '@kasa/contracts';
import { retryOnDeadlock } from '@kasa/db';
import { badRequest } from '@kasa/http';
import type { ServiceContext } from '@kasa/runtime';
import { countRejection } from '../db/callback-rejections.repository.ts';
import { recordCallback } from '../db/payments.repository.ts';
import type { LiqPayCallbackRefusal } from '../liqpay/liqpay-callback.ts';

/** What a refusal needs: the database and the log. */
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
 * A callback the edge refused to read (liqpay/liqpay-callback.ts), answered 400 and applied to
 * nothing. One not signed with the fund's key is counted, never kept, as any refused form is;
 * one signed with it is LiqPay's word all the same (a changed format, say): kept as it came.
 */
export async function refuseLiqPayCallback(
  deps: RefusalDeps,
  refusal: LiqPayCallbackRefusal,
): Promise<never> {
  if (refusal.reason === 'bad_signature') {
    await countRefusedCallback(deps, { reason: 'bad_signature', ...fingerprintOf(refusal.form.data) });
    throw badRequest('The callback is not signed with the fund’s key', 'invalid_signature');
  }
  const { form, orderId, status } = refusal;
  await recordCallback(deps.context.database.db, { ...form, signatureValid: true, orderId, status });
  throw badRequest(refusal.problem, 'invalid_callback');
}

/**
 * A callback refused without being kept (anyone can post to the callback, as often as they
 * like): counted on its Kyiv day's row for its reason, and logged with its size and hash but
 * nothing of its content, which may name a payer. The refusal stands even when the count
 * cannot be written: bookkeeping must not turn a 400 into a 5xx that asks the sender to retry.
 */
export async function countRefusedCallback(
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

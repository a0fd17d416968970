import type { Tx } from '@kasa/db';
import type { ImportContext, SeedRow } from '@kasa/seed-import';
import { between } from 'drizzle-orm';
import { payments } from '../db/schema.ts';
import { insertIgnore } from './insert-ignore.ts';
import { type ImportedPayment, paymentOfSeed, type SeedKeys } from './seed-payment.ts';
import type { SeedPaymentKinds } from './seed-payment-kinds.ts';

/**
 * One batch of the seed's payments, written as one multi-row INSERT IGNORE. A payment already
 * there (by its seed id: a second run, or one resumed after a crash) is left as it is and not
 * sent again. Every value is checked against its column before (paymentOfSeed), so the only
 * row IGNORE can skip is one whose LiqPay order id another payment holds (the seed had no
 * unique index on it; Kasa has, so that a callback finds one payment): such a payment comes
 * over without the order id, reported, never dropped. The payment that keeps it is the one
 * with the lower id, the first the seed made.
 */
export async function writePayments(
  tx: Tx,
  rows: readonly SeedRow[],
  context: ImportContext,
  kinds: SeedPaymentKinds,
  keys: SeedKeys,
  runStartedAt: Date,
): Promise<number> {
  const batch: ImportedPayment[] = [];
  for (const row of rows) {
    const { payment, problems } = paymentOfSeed(row, kinds, keys, runStartedAt);
    for (const problem of problems) context.report(problem);
    if (payment) batch.push(payment);
  }
  if (batch.length === 0) return 0;
  const there = await ordersOf(tx, batch);
  const fresh = batch.filter(({ id }) => !there.has(id));
  let written = await insertIgnore(tx, context.database, payments, fresh);
  const lostOrder = new Set<number>();
  if (written < fresh.length) {
    const now = await ordersOf(tx, fresh);
    const withoutOrder = fresh
      .filter(({ id }) => !now.has(id))
      .map((payment) => ({ ...payment, orderId: null }));
    written += await insertIgnore(tx, context.database, payments, withoutOrder);
    if (written !== fresh.length)
      throw new Error(`Payments ${withoutOrder.map(({ id }) => id).join(', ')} could not be written`);
    for (const { id } of withoutOrder) lostOrder.add(id);
  }
  // Reported on every run, as the row's other problems are: the report describes the seed.
  for (const payment of batch) {
    const kept = there.has(payment.id) ? there.get(payment.id) : payment.orderId;
    if (payment.orderId !== null && (lostOrder.has(payment.id) || kept !== payment.orderId))
      context.report({
        kind: 'value_replaced',
        table: 'payments',
        id: payment.id,
        column: 'payment_identifier',
        reason: 'another payment has the same LiqPay order id (the first keeps it): taken as none',
      });
  }
  return written;
}

/** The order ids of the batch's payments already there, by id (a range of the key: one seek). */
async function ordersOf(tx: Tx, batch: readonly ImportedPayment[]): Promise<Map<number, string | null>> {
  const ids = new Set(batch.map(({ id }) => id));
  let [first, last] = [Number.POSITIVE_INFINITY, 0];
  for (const id of ids) [first, last] = [Math.min(first, id), Math.max(last, id)];
  const rows = await tx
    .select({ id: payments.id, orderId: payments.orderId })
    .from(payments)
    .where(between(payments.id, first, last));
  return new Map(rows.filter(({ id }) => ids.has(id)).map(({ id, orderId }) => [id, orderId]));
}

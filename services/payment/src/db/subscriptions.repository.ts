import type { Executor } from '@kasa/db';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { OPEN_SUBSCRIPTION_STATES } from '../domain/subscription-state.ts';
import { payments, subscriptions } from './schema.ts';

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type SubscriptionPatch = Partial<Pick<SubscriptionRow, 'state' | 'liqpayStatus' | 'cancelledAt'>>;
/** A subscription still pending or active. */
export type OpenSubscription = SubscriptionRow & { state: (typeof OPEN_SUBSCRIPTION_STATES)[number] };
type NewSubscription = Pick<SubscriptionRow, 'memberId' | 'orderId' | 'amount'>;

/** A new pending subscription: the row as written, so that nobody has to read it back. */
export async function insertSubscription(
  tx: Executor,
  subscription: NewSubscription,
  now: Date,
): Promise<SubscriptionRow> {
  const written: Omit<SubscriptionRow, 'id'> = {
    ...subscription,
    currency: 'UAH',
    state: 'pending',
    liqpayStatus: null,
    cancelledAt: null,
    // The column keeps milliseconds; the row is compared and shown as it was written.
    createdAt: now,
    updatedAt: now,
  };
  const [result] = await tx.insert(subscriptions).values(written);
  return { id: result.insertId, ...written };
}

/** The subscription of a LiqPay order; `forUpdate` locks it, so its callbacks take turns. */
export async function findSubscriptionByOrder(
  tx: Executor,
  orderId: string,
  forUpdate = false,
): Promise<SubscriptionRow | undefined> {
  const query = tx.select().from(subscriptions).where(eq(subscriptions.orderId, orderId)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findSubscription(tx: Executor, id: number): Promise<SubscriptionRow | undefined> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.id, id)).limit(1);
  return row;
}

/**
 * The member's pending or active subscription (there is one at most; should LiqPay ever have
 * started a replaced one too, the active one, then the latest); `forUpdate` locks it, and
 * under REPEATABLE READ the empty range too, so that two starts at once take turns.
 */
export async function findOpenSubscription(
  tx: Executor,
  memberId: number,
  forUpdate = false,
): Promise<OpenSubscription | undefined> {
  const query = tx
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.memberId, memberId), inArray(subscriptions.state, OPEN_SUBSCRIPTION_STATES)))
    .orderBy(sql`${subscriptions.state} = 'active' desc`, desc(subscriptions.id))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row as OpenSubscription | undefined;
}

export async function updateSubscription(
  tx: Executor,
  id: number,
  patch: SubscriptionPatch,
  now: Date,
): Promise<void> {
  await tx
    .update(subscriptions)
    .set({ ...patch, updatedAt: now })
    .where(eq(subscriptions.id, id));
}

/** When the subscription's first charge was credited (refunded since or not), if one was. */
export async function firstChargeOf(tx: Executor, subscriptionId: number): Promise<Date | null> {
  const [row] = await tx
    .select({ confirmedAt: payments.confirmedAt })
    .from(payments)
    .where(
      and(eq(payments.subscriptionId, subscriptionId), inArray(payments.state, ['confirmed', 'reversed'])),
    )
    .orderBy(asc(payments.confirmedAt))
    .limit(1);
  return row?.confirmedAt ?? null;
}

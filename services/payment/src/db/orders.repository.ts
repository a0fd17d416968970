import type { Executor } from '@kasa/db';
import { findPaymentByOrder, lockPaymentsByOrders, type PaymentRow } from './payments.repository.ts';
import { findSubscriptionByOrder, type SubscriptionRow } from './subscriptions.repository.ts';

/** A LiqPay order of the fund: a checkout's (its one payment) or a subscription's (all its charges). */
export type Order =
  | { kind: 'checkout'; payment: PaymentRow }
  | { kind: 'subscription'; subscription: SubscriptionRow };

/** The order `orderId` names, locked, so that reports on one order take turns; null when the fund made none. */
export async function lockOrder(tx: Executor, orderId: string): Promise<Order | null> {
  const payment = await findPaymentByOrder(tx, orderId, true);
  if (payment) return { kind: 'checkout', payment };
  const subscription = await findSubscriptionByOrder(tx, orderId, true);
  return subscription ? { kind: 'subscription', subscription } : null;
}

/**
 * The checkouts among these orders, locked at once in order of their order ids (as lockOrder
 * takes them one by one, so batches never deadlock on each other): the payments of a batch of
 * callbacks in one statement. Orders that are not checkouts are left to lockOrder.
 */
export async function lockCheckouts(
  tx: Executor,
  orderIds: readonly string[],
): Promise<Map<string, PaymentRow>> {
  const rows = await lockPaymentsByOrders(tx, orderIds);
  return new Map(rows.map((payment) => [payment.orderId!, payment]));
}

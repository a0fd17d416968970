import type { Executor } from '@kasa/db';
import { findPaymentByOrder, type PaymentRow } from './payments.repository.ts';
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

import { SubscriptionEnded, SubscriptionStarted, SYSTEM } from '@kasa/contracts';
import { newEvent, type TransactionContext } from '@kasa/messaging';
import { type SubscriptionRow, updateSubscription } from '../db/subscriptions.repository.ts';
import type { SubscriptionState } from '../domain/subscription-state.ts';

/**
 * A subscription's move after LiqPay's report: LiqPay's last word kept, its state moved to
 * `state`, with `subscription.started` when it starts and `subscription.ended` when one that
 * had started ends.
 */
export async function moveSubscription(
  { tx, emit }: TransactionContext,
  subscription: SubscriptionRow,
  state: SubscriptionState,
  liqpayStatus: string,
  now: Date,
): Promise<void> {
  await updateSubscription(
    tx,
    subscription.id,
    {
      liqpayStatus,
      ...(state === subscription.state ? {} : { state }),
      ...(state === 'cancelled' && subscription.state !== 'cancelled' ? { cancelledAt: now } : {}),
    },
    now,
  );
  const ref = { subscriptionId: subscription.id, memberId: subscription.memberId };
  const meta = { aggregateId: subscription.id, actor: SYSTEM };
  if (state === 'active' && subscription.state !== 'active') {
    await emit(newEvent(SubscriptionStarted, { ...ref, amount: subscription.amount, currency: 'UAH' }, meta));
  } else if (state === 'cancelled' && subscription.state === 'active') {
    // Ended at LiqPay (the member, or the bank, unsubscribed there); a pending one never started.
    await emit(newEvent(SubscriptionEnded, { ...ref, reason: 'cancelled' }, meta));
  }
}

import type { TransactionContext } from '@kasa/messaging';
import type { SubscriptionRow } from '../db/subscriptions.repository.ts';
import { nextSubscriptionState } from '../domain/subscription-state.ts';
import type { LiqPayReport } from '../liqpay/liqpay-callback.ts';
import type { ReportResult } from './report-result.ts';
import { moveSubscription } from './subscription-moves.ts';

/**
 * LiqPay's report that a subscription takes no more charges (the member, or the bank,
 * unsubscribed at LiqPay; or the fund did, when the member cancelled): recorded in the caller's
 * transaction under the subscription's lock, it is cancelled, with `subscription.ended` when it
 * had started. Its charges stay as they are.
 */
export async function recordSubscriptionEnd(
  unit: TransactionContext,
  subscription: SubscriptionRow,
  report: Extract<LiqPayReport, { kind: 'subscription_ended' }>,
  now = new Date(),
): Promise<ReportResult> {
  const state = nextSubscriptionState(subscription.state, {
    ended: true,
    outcome: 'pending',
    credited: false,
  });
  await moveSubscription(unit, subscription, state, report.status, now);
  return state === subscription.state ? 'unchanged' : 'applied';
}

import type { LiqPayNews, LiqPayOutcome } from './payment-state.ts';

/** Where a member's automatic monthly dues stand. */
export const SUBSCRIPTION_STATES = ['pending', 'active', 'cancelled', 'failed'] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

/** A subscription the member still has: at most one at a time. */
export const OPEN_SUBSCRIPTION_STATES = ['pending', 'active'] as const satisfies readonly SubscriptionState[];

/** What LiqPay reports of a subscription's charge: every report on its order but its end. */
export type ChargeNews = Exclude<LiqPayNews, { kind: 'subscription_ended' }>;

/**
 * What a LiqPay report on a subscription's order says of the charge it names (its `payment_id`):
 * LiqPay reports the setting up as action `subscribe`, status `subscribed`, and every monthly
 * charge after it as action `regular`, status `success` (or `failure`, `error`…), each with a
 * payment_id of its own and the subscription's order_id.
 *
 * `subscribed` counts as money received: the checkout asks LiqPay to take the first charge
 * at once (`subscribe_date_start` is the moment it was made; LiqPay's docs call it the date of
 * the first withdrawal, and a past date starts the subscription from the day of the request), so
 * the report that the subscription was set up is also the report of that first charge, with its
 * amount and payment_id. Should LiqPay ever report that same charge again as a `success`, its
 * payment_id has been credited already and nothing happens twice.
 */
export function chargeOutcomeOf(news: ChargeNews): LiqPayOutcome {
  switch (news.kind) {
    case 'payment':
      return news.outcome;
    case 'subscribed':
      return 'confirmed';
    case 'refund':
      return 'reversed';
  }
}

/**
 * The subscription's state after a report, whatever order LiqPay's callbacks arrive in: money
 * received starts a pending subscription (or one whose first attempt failed: the member may
 * have tried again on LiqPay's page); a failure before any money fails a pending one, while a
 * failed monthly charge changes nothing (LiqPay tries it again, 3 times within 72 hours); an
 * `unsubscribed` ends it. A cancelled subscription stays cancelled: a charge LiqPay still took
 * is credited, but nothing starts again.
 */
export function nextSubscriptionState(
  current: SubscriptionState,
  report: { ended: boolean; outcome: LiqPayOutcome; credited: boolean },
): SubscriptionState {
  if (current === 'cancelled') return current;
  if (report.ended) return 'cancelled';
  if (report.credited) return 'active';
  if (report.outcome === 'failed' && current === 'pending') return 'failed';
  return current;
}

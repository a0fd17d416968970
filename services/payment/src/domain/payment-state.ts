import { PAYMENT_STATES } from '@kasa/contracts';

export { PAYMENT_STATES };
export type PaymentState = (typeof PAYMENT_STATES)[number];

/** What a status LiqPay reports for an order means for its payment. */
export type LiqPayOutcome = 'confirmed' | 'failed' | 'reversed' | 'pending';

/**
 * What LiqPay reports of an order, in the fund's words (read from its status once, at the
 * edge): a payment taken, refused or still on its way; a subscription set up with its first
 * charge; money given back; a subscription that takes no more charges.
 */
export type LiqPayNews =
  | { kind: 'payment'; outcome: Exclude<LiqPayOutcome, 'reversed'> }
  | { kind: 'subscribed' }
  | { kind: 'refund' }
  | { kind: 'subscription_ended' };

/**
 * LiqPay's payment statuses: `success` is money received, and so is `sandbox` when the fund
 * runs in sandbox mode (in production a sandbox payment is no money at all); `failure` and
 * `error` are refusals; `reversed` is money returned. Everything else (`processing`,
 * `wait_secure`, `3ds_verify`, `hold_wait` and the rest) is still on its way.
 */
export function outcomeOf(liqpayStatus: string, sandbox: boolean): LiqPayOutcome {
  switch (liqpayStatus) {
    case 'success':
      return 'confirmed';
    case 'sandbox':
      return sandbox ? 'confirmed' : 'failed';
    case 'failure':
    case 'error':
      return 'failed';
    case 'reversed':
      return 'reversed';
    default:
      return 'pending';
  }
}

/**
 * What a report means for a checkout, a one-off payment: its money taken, refused or given
 * back. A subscription set up or ended is no news of a checkout's money: it stays as it is.
 */
export function checkoutOutcomeOf(news: LiqPayNews): LiqPayOutcome {
  switch (news.kind) {
    case 'payment':
      return news.outcome;
    case 'refund':
      return 'reversed';
    case 'subscribed':
    case 'subscription_ended':
      return 'pending';
  }
}

/**
 * The state after an outcome, whatever order LiqPay's callbacks arrive in: a late failure
 * never undoes a confirmation, a payment retried after a failure can still succeed, and only
 * a reversal ends a confirmed one. Reversed and flagged payments stay as they are.
 */
export function nextState(current: PaymentState, outcome: LiqPayOutcome): PaymentState {
  if (outcome === 'pending') return current;
  switch (current) {
    case 'pending':
      return outcome;
    case 'failed':
      return outcome === 'confirmed' ? 'confirmed' : current;
    case 'confirmed':
      return outcome === 'reversed' ? 'reversed' : current;
    case 'reversed':
    case 'flagged':
      return current;
  }
}

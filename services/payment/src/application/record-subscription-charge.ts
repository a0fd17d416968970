import type { TransactionContext } from '@kasa/messaging';
import { findPaymentByLiqPayId, insertPayment } from '../db/payments.repository.ts';
import type { SubscriptionRow } from '../db/subscriptions.repository.ts';
import { mismatchOf } from '../domain/paid-as-ordered.ts';
import { type LiqPayOutcome, nextState, type PaymentState } from '../domain/payment-state.ts';
import { chargeOutcomeOf, nextSubscriptionState } from '../domain/subscription-state.ts';
import type { ChargeReport } from '../liqpay/liqpay-callback.ts';
import { movePayment } from './payment-moves.ts';
import type { ReportResult } from './report-result.ts';
import { moveSubscription } from './subscription-moves.ts';

interface Charged {
  result: Exclude<ReportResult, 'unknown_order'>;
  /** The report credited a charge to the member (now, not before). */
  credited: boolean;
}

/**
 * LiqPay's report of a subscription's charge (the first one, reported as `subscribed`, and each
 * monthly `regular` one), recorded in the caller's transaction under the subscription's lock
 * (taken by the caller), so that repeated and concurrent reports take turns. A charge is
 * credited once by its payment_id, as a confirmed contribution of its own, and the member
 * service extends the membership on its `payment.confirmed`; one that does not match the
 * subscription (another account, currency or amount) is a `flagged` entry for staff, never
 * credited. A failed charge is kept as a `failed` entry (LiqPay tries again, and a later success
 * of the same payment_id still confirms it). The subscription moves as `nextSubscriptionState`
 * says: its first credited charge starts it.
 *
 * Subscriptions are not reconciled with LiqPay's status API: a lost callback of a monthly
 * charge is reported again by LiqPay, and the reconciliation job looks only at checkouts
 * (payments with an order of their own; a subscription's charges have none).
 */
export async function recordSubscriptionCharge(
  unit: TransactionContext,
  subscription: SubscriptionRow,
  report: ChargeReport,
  now = new Date(),
): Promise<ReportResult> {
  const outcome = chargeOutcomeOf(report);
  const charge = await recordCharge(unit, subscription, report, outcome, now);
  const state = nextSubscriptionState(subscription.state, {
    ended: false,
    outcome,
    credited: charge.credited,
  });
  await moveSubscription(unit, subscription, state, report.status, now);
  if (charge.result !== 'unchanged') return charge.result;
  return state === subscription.state ? 'unchanged' : 'applied';
}

/** The charge a report names (by its payment_id): recorded, moved, or left as it is. */
async function recordCharge(
  unit: TransactionContext,
  subscription: SubscriptionRow,
  report: ChargeReport,
  outcome: LiqPayOutcome,
  now: Date,
): Promise<Charged> {
  const unchanged: Charged = { result: 'unchanged', credited: false };
  const { liqpayPaymentId, status: liqpayStatus } = report;
  // Still on its way, or no payment_id to credit it by (and so to credit it once): nothing yet.
  if (outcome === 'pending' || liqpayPaymentId === null) return unchanged;
  const mismatch = outcome === 'confirmed' ? mismatchOf(report.paid, subscription) : null;
  const moved = (state: PaymentState): Charged => ({
    result: state === 'flagged' ? 'flagged' : 'applied',
    credited: state === 'confirmed',
  });

  const recorded = await findPaymentByLiqPayId(unit.tx, liqpayPaymentId);
  if (recorded) {
    // Another order's charge: a report that contradicts itself changes nothing.
    if (recorded.subscriptionId !== subscription.id) return unchanged;
    const waiting = recorded.state === 'pending' || recorded.state === 'failed';
    const state = mismatch && waiting ? 'flagged' : nextState(recorded.state, outcome);
    if (state === recorded.state) return unchanged;
    await movePayment(unit, recorded, state, { liqpayStatus, flag: mismatch }, now);
    return moved(state);
  }
  // A reversal of a charge never credited takes nothing back.
  if (outcome === 'reversed') return unchanged;
  const payment = await insertPayment(
    unit.tx,
    {
      memberId: subscription.memberId,
      kind: 'contribution',
      source: 'liqpay',
      state: 'pending',
      amount: subscription.amount,
      subscriptionId: subscription.id,
      liqpayPaymentId,
      liqpayStatus,
    },
    now,
  );
  const state = mismatch ? 'flagged' : outcome;
  await movePayment(unit, payment, state, { liqpayStatus, flag: mismatch }, now);
  return moved(state);
}

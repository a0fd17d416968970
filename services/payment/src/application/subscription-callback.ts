import { SubscriptionEnded, SubscriptionStarted, SYSTEM } from '@kasa/contracts';
import { newEvent, type TransactionContext } from '@kasa/messaging';
import { findPaymentByLiqPayId, insertPayment } from '../db/payments.repository.ts';
import { type SubscriptionRow, updateSubscription } from '../db/subscriptions.repository.ts';
import { type LiqPayOutcome, nextState, type PaymentState } from '../domain/payment-state.ts';
import { chargeOutcomeOf, isEnding, nextSubscriptionState } from '../domain/subscription-state.ts';
import type { LiqPayParams } from '../liqpay/liqpay-protocol.ts';
import type { LiqPaySetup } from '../liqpay/liqpay-setup.ts';
import { mismatchOf, movePayment } from './payment-moves.ts';

/** What became of a subscription's report: an order it names is always known. */
export type SubscriptionReportResult = 'applied' | 'unchanged' | 'flagged';

interface ChargeResult {
  result: SubscriptionReportResult;
  /** The report credited a charge to the member (now, not before). */
  credited: boolean;
}

/**
 * What LiqPay reports of a subscription's order, applied in the caller's transaction under the
 * subscription's lock (taken by the caller), so that repeated and concurrent callbacks take
 * turns. A charge (the first one, reported as `subscribed`, and each monthly `regular` one) is
 * credited once by its payment_id, as a confirmed contribution of its own, and the member
 * service extends the membership on its `payment.confirmed`; one that does not match the
 * subscription (another account, currency or amount) is a `flagged` entry for staff, never
 * credited. A failed charge is kept as a `failed` entry (LiqPay tries again, and a later success
 * of the same payment_id still confirms it). The subscription itself moves as
 * `nextSubscriptionState` says, with `subscription.started` or `subscription.ended`.
 *
 * Subscriptions are not reconciled with LiqPay's status API: a lost callback of a monthly
 * charge is reported again by LiqPay, and the reconciliation job looks only at checkouts
 * (payments with an order of their own; a subscription's charges have none).
 */
export async function applySubscriptionReport(
  unit: TransactionContext,
  liqpay: LiqPaySetup,
  params: LiqPayParams,
  subscription: SubscriptionRow,
  status: string,
): Promise<SubscriptionReportResult> {
  const now = new Date();
  const ended = isEnding(status);
  const outcome: LiqPayOutcome = ended ? 'pending' : chargeOutcomeOf(status, liqpay.sandbox);
  const charge = ended
    ? { result: 'unchanged' as const, credited: false }
    : await applyCharge(unit, liqpay, params, subscription, status, outcome, now);
  const state = nextSubscriptionState(subscription.state, { ended, outcome, credited: charge.credited });
  await updateSubscription(
    unit.tx,
    subscription.id,
    {
      liqpayStatus: status,
      ...(state === subscription.state ? {} : { state }),
      ...(state === 'cancelled' && subscription.state !== 'cancelled' ? { cancelledAt: now } : {}),
    },
    now,
  );
  const ref = { subscriptionId: subscription.id, memberId: subscription.memberId };
  const meta = { aggregateId: subscription.id, actor: SYSTEM };
  if (state === 'active' && subscription.state !== 'active') {
    await unit.emit(
      newEvent(SubscriptionStarted, { ...ref, amount: subscription.amount, currency: 'UAH' }, meta),
    );
  } else if (state === 'cancelled' && subscription.state === 'active') {
    // Ended at LiqPay (the member, or the bank, unsubscribed there); a pending one never started.
    await unit.emit(newEvent(SubscriptionEnded, { ...ref, reason: 'cancelled' }, meta));
  }
  if (charge.result !== 'unchanged') return charge.result;
  return state === subscription.state ? 'unchanged' : 'applied';
}

/** The charge a report names (by its payment_id): recorded, moved, or left as it is. */
async function applyCharge(
  unit: TransactionContext,
  liqpay: LiqPaySetup,
  params: LiqPayParams,
  subscription: SubscriptionRow,
  status: string,
  outcome: LiqPayOutcome,
  now: Date,
): Promise<ChargeResult> {
  const unchanged: ChargeResult = { result: 'unchanged', credited: false };
  const liqpayPaymentId = Number.isSafeInteger(params.payment_id) ? (params.payment_id as number) : null;
  // Still on its way, or no payment_id to credit it by (and so to credit it once): nothing yet.
  if (outcome === 'pending' || liqpayPaymentId === null) return unchanged;
  const mismatch =
    outcome === 'confirmed' ? mismatchOf(params, subscription, liqpay.account.publicKey) : null;
  const moved = (state: PaymentState): ChargeResult => ({
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
    await movePayment(unit, recorded, state, { liqpayStatus: status, flag: mismatch }, now);
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
      liqpayStatus: status,
    },
    now,
  );
  const state = mismatch ? 'flagged' : outcome;
  await movePayment(unit, payment, state, { liqpayStatus: status, flag: mismatch }, now);
  return moved(state);
}

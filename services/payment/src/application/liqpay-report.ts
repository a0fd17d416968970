import type { TransactionContext } from '@kasa/messaging';
import { findPaymentByOrder, updatePayment } from '../db/payments.repository.ts';
import { findSubscriptionByOrder } from '../db/subscriptions.repository.ts';
import { nextState, outcomeOf, type PaymentState } from '../domain/payment-state.ts';
import type { LiqPayParams } from '../liqpay/liqpay-protocol.ts';
import type { LiqPaySetup } from '../liqpay/liqpay-setup.ts';
import { mismatchOf, movePayment } from './payment-moves.ts';
import { applySubscriptionReport } from './subscription-callback.ts';

/** What became of a callback, for the log. */
export type CallbackResult = 'applied' | 'unchanged' | 'unknown_order' | 'flagged';

/**
 * What LiqPay reports of an order (a callback, or its status API's answer), applied in the
 * caller's transaction to the order's payment under its lock: the state moves as `nextState`
 * says, with its event.
 */
export async function applyLiqPayReport(
  { tx, emit }: TransactionContext,
  liqpay: LiqPaySetup,
  params: LiqPayParams,
  orderId: string,
  status: string,
): Promise<CallbackResult> {
  const payment = await findPaymentByOrder(tx, orderId, true);
  if (!payment) {
    // Not a checkout's order: a subscription's, whose every charge is a payment of its own.
    const subscription = await findSubscriptionByOrder(tx, orderId, true);
    if (!subscription) return 'unknown_order';
    return applySubscriptionReport({ tx, emit }, liqpay, params, subscription, status);
  }
  const now = new Date();
  const outcome = outcomeOf(status, liqpay.sandbox);
  const mismatch = outcome === 'confirmed' ? mismatchOf(params, payment, liqpay.account.publicKey) : null;
  // Only a payment still waiting for its money is flagged: a settled one stays as it is.
  const waiting = payment.state === 'pending' || payment.state === 'failed';
  const state: PaymentState = mismatch && waiting ? 'flagged' : nextState(payment.state, outcome);
  const liqpayPaymentId = Number.isSafeInteger(params.payment_id) ? (params.payment_id as number) : null;
  if (state === payment.state) {
    // Still on its way: what LiqPay last said is kept, nothing else moves.
    if (outcome === 'pending' && payment.state === 'pending') {
      await updatePayment(tx, payment.id, { liqpayStatus: status, liqpayPaymentId }, now);
    }
    return 'unchanged';
  }
  await movePayment(
    { tx, emit },
    payment,
    state,
    { liqpayStatus: status, liqpayPaymentId, flag: mismatch },
    now,
  );
  return state === 'flagged' ? 'flagged' : 'applied';
}

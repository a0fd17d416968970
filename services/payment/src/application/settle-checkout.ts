import type { TransactionContext } from '@kasa/messaging';
import { type PaymentRow, updatePayment } from '../db/payments.repository.ts';
import { mismatchOf } from '../domain/paid-as-ordered.ts';
import { checkoutOutcomeOf, nextState, type PaymentState } from '../domain/payment-state.ts';
import type { LiqPayReport } from '../liqpay/liqpay-callback.ts';
import { movePayment } from './payment-moves.ts';
import type { ReportResult } from './report-result.ts';

/**
 * LiqPay's report on a checkout settles its payment (locked by the caller, in its transaction):
 * the state moves as `nextState` says, with its event, so that repeated and late reports change
 * nothing twice and a late failure never undoes a confirmation. Money received that does not
 * match the order (another account, currency or amount) is flagged for staff, never credited.
 */
export async function settleCheckout(
  unit: TransactionContext,
  payment: PaymentRow,
  report: LiqPayReport,
  now = new Date(),
): Promise<ReportResult> {
  const outcome = checkoutOutcomeOf(report);
  const mismatch = outcome === 'confirmed' ? mismatchOf(report.paid, payment) : null;
  // Only a payment still waiting for its money is flagged: a settled one stays as it is.
  const waiting = payment.state === 'pending' || payment.state === 'failed';
  const state: PaymentState = mismatch && waiting ? 'flagged' : nextState(payment.state, outcome);
  const { status: liqpayStatus, liqpayPaymentId } = report;
  if (state === payment.state) {
    // Still on its way: what LiqPay last said is kept, nothing else moves.
    if (outcome === 'pending' && payment.state === 'pending') {
      await updatePayment(unit.tx, payment.id, { liqpayStatus, liqpayPaymentId }, now);
    }
    return 'unchanged';
  }
  await movePayment(unit, payment, state, { liqpayStatus, liqpayPaymentId, flag: mismatch }, now);
  return state === 'flagged' ? 'flagged' : 'applied';
}

import { isDuplicateKey } from '@kasa/db';
import type { AnyEvent, TransactionContext } from '@kasa/messaging';
import { type PaymentPatch, type PaymentRow, updatePayment } from '../db/payments.repository.ts';
import { mismatchOf } from '../domain/paid-as-ordered.ts';
import { checkoutOutcomeOf, nextState, type PaymentState } from '../domain/payment-state.ts';
import type { LiqPayReport } from '../liqpay/liqpay-callback.ts';
import { paymentMove } from './payment-moves.ts';
import type { ReportResult } from './report-result.ts';

/** What a report does to a checkout's payment, not yet written. */
export interface Settlement {
  result: ReportResult;
  /** The payment as the report leaves it. */
  after: PaymentRow;
  /** The columns to write, if any change. */
  patch: PaymentPatch | null;
  event: AnyEvent | null;
}

/** The unique index that credits each of LiqPay's charges to one payment at most. */
const ONE_PAYMENT_A_CHARGE = 'payments_liqpay_payment';

/**
 * LiqPay's report on a checkout settles its payment (locked by the caller, in its transaction):
 * the state moves as `nextState` says, with its event, so that repeated and late reports change
 * nothing twice and a late failure never undoes a confirmation. Money received that does not
 * match the order (another account, currency or amount), or a charge LiqPay already reported
 * for another payment, is flagged for staff, never credited.
 */
export async function settleCheckout(
  unit: TransactionContext,
  payment: PaymentRow,
  report: LiqPayReport,
  now = new Date(),
): Promise<ReportResult> {
  try {
    return await writeSettlement(unit, checkoutSettlement(payment, report, now), now);
  } catch (error) {
    if (!isDuplicateKey(error, ONE_PAYMENT_A_CHARGE)) throw error;
    // The server undid the statement alone; the transaction goes on without the charge.
    return writeSettlement(unit, takenChargeSettlement(payment, report, now), now);
  }
}

/** Writes a settlement in the caller's transaction; its result. */
async function writeSettlement(
  { tx, emit }: TransactionContext,
  { result, after, patch, event }: Settlement,
  now: Date,
): Promise<ReportResult> {
  if (patch) await updatePayment(tx, after.id, patch, now);
  if (event) await emit(event);
  return result;
}

/**
 * What LiqPay's report does to a checkout's payment, as it stands in `payment`, before anything is
 * written: several reports on one order settle in turn, each from the `after` of the one before.
 */
export function checkoutSettlement(payment: PaymentRow, report: LiqPayReport, now: Date): Settlement {
  const outcome = checkoutOutcomeOf(report);
  const mismatch = outcome === 'confirmed' ? mismatchOf(report.paid, payment) : null;
  const state: PaymentState = mismatch && isWaiting(payment) ? 'flagged' : nextState(payment.state, outcome);
  const { status: liqpayStatus, liqpayPaymentId } = report;
  if (state === payment.state) {
    // Still on its way: what LiqPay last said is kept, nothing else moves.
    const onItsWay = outcome === 'pending' && payment.state === 'pending';
    return changed(payment, 'unchanged', onItsWay ? { liqpayStatus, liqpayPaymentId } : null, null, now);
  }
  const { patch, event } = paymentMove(
    payment,
    state,
    { liqpayStatus, liqpayPaymentId, flag: mismatch },
    now,
  );
  return changed(payment, state === 'flagged' ? 'flagged' : 'applied', patch, event, now);
}

/**
 * A report naming a charge of LiqPay's that another payment already holds cannot be credited
 * again: a payment still waiting for its money is flagged for staff (the charge stays with the
 * payment that holds it); a settled one stays as it is.
 */
export function takenChargeSettlement(payment: PaymentRow, report: LiqPayReport, now: Date): Settlement {
  if (!isWaiting(payment)) return changed(payment, 'unchanged', null, null, now);
  const flag = `LiqPay's payment ${report.liqpayPaymentId} is already credited to another payment`;
  const { patch, event } = paymentMove(payment, 'flagged', { liqpayStatus: report.status, flag }, now);
  return changed(payment, 'flagged', patch, event, now);
}

/** Only a payment still waiting for its money is flagged: a settled one stays as it is. */
const isWaiting = (payment: PaymentRow) => payment.state === 'pending' || payment.state === 'failed';

function changed(
  payment: PaymentRow,
  result: ReportResult,
  patch: PaymentPatch | null,
  event: AnyEvent | null,
  now: Date,
): Settlement {
  return { result, after: patch ? { ...payment, ...patch, updatedAt: now } : payment, patch, event };
}

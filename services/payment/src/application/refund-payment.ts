import { conflict, notFound, unprocessable } from '@kasa/http';
import type { ServiceContext } from '@kasa/runtime';
import { findPayment, type PaymentRow } from '../db/payments.repository.ts';
import { findSubscription } from '../db/subscriptions.repository.ts';
import { refundRefusalOf } from '../domain/refund-rules.ts';
import type { LiqPaySetup } from '../liqpay/liqpay-setup.ts';
import { askLiqPay, payable } from './ask-liqpay.ts';
import { movePayment } from './payment-moves.ts';

/** What a refund needs: LiqPay's client (null without keys: 503) and the unit of work. */
export interface RefundPaymentDeps {
  context: Pick<ServiceContext, 'messaging'>;
  liqpay: Pick<LiqPaySetup, 'client'> | null;
}

/**
 * A staff user returns a member's LiqPay contribution: LiqPay's `refund` is asked while the
 * payment is locked, and once LiqPay has taken the refund on the payment is `reversed`, with
 * who did it and why, and `payment.refunded`, on which the member service takes back the days
 * the payment added. Two staff refunding at once take turns on the lock: the second finds the
 * payment reversed and LiqPay is asked once. LiqPay refusing (422) or out of reach (503) changes
 * nothing here. Should LiqPay refund and this transaction still fail, LiqPay's own `reversed`
 * callback moves the payment later, as any reversal it reports.
 */
export async function refundPayment(
  deps: RefundPaymentDeps,
  paymentId: number,
  staffId: number,
  reason: string | null,
): Promise<PaymentRow> {
  const liqpay = payable(deps.liqpay);
  // Asked once: should the transaction be run again (a lost deadlock), LiqPay is not asked twice.
  let refunded = false;
  return deps.context.messaging.unitOfWork.run(async (unit) => {
    const payment = await findPayment(unit.tx, paymentId, true);
    if (!payment) throw notFound('Payment not found', 'payment_not_found');
    const refusal = refundRefusalOf(payment);
    if (refusal) throw conflict(refusal.message, refusal.code);
    const orderId = payment.orderId ?? (await findSubscription(unit.tx, payment.subscriptionId!))?.orderId;
    if (!orderId) throw new Error(`Payment ${payment.id} names a subscription that is not there`);
    if (!refunded) await refundAtLiqPay(liqpay, orderId, payment);
    refunded = true;
    const now = new Date();
    await movePayment(
      unit,
      payment,
      'reversed',
      { liqpayStatus: 'reversed', staff: { id: staffId, note: reason } },
      now,
    );
    return { ...payment, state: 'reversed', liqpayStatus: 'reversed', recordedBy: staffId, note: reason };
  });
}

async function refundAtLiqPay(
  liqpay: Pick<LiqPaySetup, 'client'>,
  orderId: string,
  payment: PaymentRow,
): Promise<void> {
  // A subscription's charge shares the order with the others: its payment_id says which.
  const charge = payment.subscriptionId !== null ? (payment.liqpayPaymentId ?? undefined) : undefined;
  const refused = (code: string) => `LiqPay refused the refund: ${refusalInWords(code)}`;
  const answer = await askLiqPay(() => liqpay.client.refund(orderId, payment.amount, charge), {
    refused,
    unavailable: 'LiqPay cannot be reached: nothing was refunded, try again later',
  });
  // An answer that is no refusal but a failed refund all the same.
  if (answer?.status === 'failure' || answer?.status === 'error')
    throw unprocessable(refused(String(answer.err_code ?? answer.status)), 'liqpay_refused');
}

const REFUSALS: Record<string, string> = {
  payment_not_found: 'LiqPay does not know this payment',
  wrong_amount: 'the amount is more than LiqPay can still return for this payment',
  invalid_signature: 'LiqPay does not accept the fund’s keys',
  public_key_not_found: 'LiqPay does not accept the fund’s keys',
};

/** LiqPay's `err_code` in words staff can act on, and the code itself for LiqPay's support. */
function refusalInWords(code: string): string {
  return `${REFUSALS[code] ?? 'LiqPay gave no reason staff can act on'} (${code})`;
}

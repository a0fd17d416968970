import type { PaymentState } from './payment-state.ts';

/** What a refund needs to know of a payment. */
export interface RefundCandidate {
  kind: 'contribution' | 'payout' | 'partial_payout';
  source: 'liqpay' | 'manual';
  state: PaymentState;
  orderId: string | null;
  subscriptionId: number | null;
}

export interface RefundRefusal {
  code: string;
  message: string;
}

/**
 * Why a payment cannot be refunded through LiqPay, or null when it can: only money LiqPay took
 * and the fund credited (a confirmed LiqPay contribution, one-off or a subscription's charge)
 * goes back through LiqPay. A manual entry or a payout never passed through LiqPay: staff
 * reverse those with a reversing entry.
 */
export function refundRefusalOf(payment: RefundCandidate): RefundRefusal | null {
  if (payment.kind !== 'contribution') {
    return {
      code: 'payout_not_refundable',
      message: 'A payout is not refunded through LiqPay: reverse the entry instead',
    };
  }
  if (payment.source !== 'liqpay' || (payment.orderId === null && payment.subscriptionId === null)) {
    return {
      code: 'manual_not_refundable',
      message: 'Only a contribution paid through LiqPay can be refunded: reverse a manual entry instead',
    };
  }
  switch (payment.state) {
    case 'confirmed':
      return null;
    case 'reversed':
      return { code: 'already_refunded', message: 'This payment has already been refunded' };
    case 'pending':
      return {
        code: 'payment_not_paid',
        message: 'This payment has not been paid: there is nothing to refund',
      };
    case 'failed':
      return { code: 'payment_not_paid', message: 'This payment failed: there is nothing to refund' };
    case 'flagged':
      return {
        code: 'payment_flagged',
        message: 'This payment is flagged for review and was never credited: settle it in LiqPay’s account',
      };
  }
}

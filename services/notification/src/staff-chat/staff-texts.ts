import type { KasaEvent } from '@kasa/contracts';
import { hryvniaText } from '../texts/ukrainian.ts';

/** A message for the staff chat, and the kind it is recorded as. */
export interface StaffText {
  kind: string;
  text: string;
}

const SOURCES = { liqpay: 'LiqPay', manual: 'внесено вручну' } as const;
const KINDS = { contribution: 'Внесок', payout: 'Виплата', partial_payout: 'Часткова виплата' } as const;

/**
 * What staff read in their chat about an event, in Ukrainian, in one place; null for events
 * they don't hear of. Members are named by their number in Kasa, never by name or phone: the
 * chat is a third party's service.
 */
export function staffText(event: KasaEvent): StaffText | null {
  switch (event.type) {
    case 'request.opened': {
      const { requestId, memberId, fileCount } = event.data;
      return {
        kind: 'request_opened',
        text: `Нове звернення №${requestId} від учасника #${memberId}, файлів: ${fileCount}.`,
      };
    }
    case 'payment.confirmed': {
      const { paymentId, memberId, kind, amount, source } = event.data;
      return {
        kind: 'payment_confirmed',
        text: `${KINDS[kind]} ${hryvniaText(amount)} грн від учасника #${memberId} підтверджено (платіж #${paymentId}, ${SOURCES[source]}).`,
      };
    }
    case 'payment.failed': {
      const { paymentId, memberId, status, reason } = event.data;
      return {
        kind: 'payment_failed',
        text: `Платіж #${paymentId} учасника #${memberId} не пройшов: ${status}${reason ? ` (${reason})` : ''}.`,
      };
    }
    case 'payment.flagged': {
      const { paymentId, memberId, reason } = event.data;
      return {
        kind: 'payment_flagged',
        text: `Платіж #${paymentId} учасника #${memberId} потребує перевірки: ${reason}.`,
      };
    }
    case 'payment.refunded': {
      const { paymentId, memberId, amount } = event.data;
      return {
        kind: 'payment_refunded',
        text: `Внесок #${paymentId} учасника #${memberId} (${hryvniaText(amount)} грн) повернено.`,
      };
    }
    case 'membership.contribution_awaiting_program': {
      const { paymentId, memberId, amount } = event.data;
      return {
        kind: 'contribution_awaiting_program',
        text: `Внесок #${paymentId} учасника #${memberId} (${hryvniaText(amount)} грн) отримано, але в учасника немає програми: гроші чекають на рішення (програма або повернення).`,
      };
    }
    case 'payout.recorded': {
      const { paymentId, requestId, kind, amount } = event.data;
      return {
        kind: 'payout_recorded',
        text: `${KINDS[kind]} ${hryvniaText(amount)} грн за зверненням №${requestId} записана (платіж #${paymentId}).`,
      };
    }
    case 'payout.reversed': {
      const { reversedPaymentId, requestId, amount } = event.data;
      return {
        kind: 'payout_reversed',
        text: `Виплату #${reversedPaymentId} за зверненням №${requestId} сторновано (${hryvniaText(amount)} грн).`,
      };
    }
    default:
      return null;
  }
}

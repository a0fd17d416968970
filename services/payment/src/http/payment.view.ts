import type { PaymentRecord } from '@kasa/contracts';
import type { Static } from 'typebox';
import type { PaymentRow } from '../db/payments.repository.ts';

/** A payment as the service answers it (PaymentRecord of the contracts). */
export function paymentRecord(row: PaymentRow): Static<typeof PaymentRecord> {
  return {
    id: row.id,
    member_id: row.memberId,
    kind: row.kind,
    source: row.source,
    state: row.state,
    amount: row.amount,
    currency: row.currency,
    paid_on: row.paidOn,
    request_id: row.requestId,
    order_id: row.orderId,
    iban: row.iban,
    reverses: row.reversesPaymentId,
    subscription_id: row.subscriptionId,
    flag: row.flag,
    note: row.note,
    recorded_by: row.recordedBy,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

import {
  kyivDateOf,
  PaymentConfirmed,
  PaymentFailed,
  PaymentFlagged,
  PaymentRefunded,
  SYSTEM,
  staffActor,
} from '@kasa/contracts';
import { newEvent, type TransactionContext } from '@kasa/messaging';
import { type PaymentRow, updatePayment } from '../db/payments.repository.ts';
import type { PaymentState } from '../domain/payment-state.ts';

/**
 * A payment's move to `state`, with the event that tells of it: confirmed, flagged (with the
 * reason in `flag`), failed (with LiqPay's status), or money that was credited going back.
 */
export async function movePayment(
  { tx, emit }: TransactionContext,
  payment: PaymentRow,
  state: PaymentState,
  {
    liqpayStatus,
    liqpayPaymentId = payment.liqpayPaymentId,
    flag = null,
    staff,
  }: {
    liqpayStatus: string;
    liqpayPaymentId?: number | null;
    flag?: string | null;
    /** The staff user who moved it (a refund), and their words; else LiqPay's report did. */
    staff?: { id: number; note: string | null };
  },
  now: Date,
): Promise<void> {
  await updatePayment(
    tx,
    payment.id,
    {
      state,
      liqpayStatus,
      liqpayPaymentId,
      ...(state === 'confirmed' ? { confirmedAt: now, paidOn: kyivDateOf(now) } : {}),
      ...(state === 'flagged' ? { flag } : {}),
      ...(staff ? { recordedBy: staff.id, note: staff.note } : {}),
    },
    now,
  );
  const ref = { paymentId: payment.id, memberId: payment.memberId };
  const meta = { aggregateId: payment.id, actor: staff ? staffActor(staff.id) : SYSTEM };
  if (state === 'confirmed') {
    await emit(
      newEvent(
        PaymentConfirmed,
        { ...ref, kind: 'contribution', amount: payment.amount, currency: 'UAH', source: 'liqpay' },
        meta,
      ),
    );
  } else if (state === 'flagged') {
    await emit(newEvent(PaymentFlagged, { ...ref, reason: flag ?? 'not as ordered' }, meta));
  } else if (state === 'failed') {
    await emit(newEvent(PaymentFailed, { ...ref, status: liqpayStatus }, meta));
  } else if (state === 'reversed' && payment.state === 'confirmed') {
    // Money that was credited went back (LiqPay reversed it): whoever credited it hears so.
    await emit(newEvent(PaymentRefunded, { ...ref, amount: payment.amount, currency: 'UAH' }, meta));
  }
}

import {
  kyivDateOf,
  PaymentConfirmed,
  PaymentFailed,
  PaymentFlagged,
  PaymentRefunded,
  SYSTEM,
  staffActor,
} from '@kasa/contracts';
import { type AnyEvent, newEvent, type TransactionContext } from '@kasa/messaging';
import { type PaymentPatch, type PaymentRow, updatePayment } from '../db/payments.repository.ts';
import type { PaymentState } from '../domain/payment-state.ts';

export interface MoveDetails {
  liqpayStatus: string;
  liqpayPaymentId?: number | null;
  flag?: string | null;
  /** The staff user who moved it (a refund), and their words; else LiqPay's report did. */
  staff?: { id: number; note: string | null };
}

/** A payment's move, not yet written: the columns it changes and the event that tells of it. */
export interface PaymentMove {
  patch: PaymentPatch;
  event: AnyEvent | null;
}

/**
 * A payment's move to `state`, with the event that tells of it: confirmed, flagged (with the
 * reason in `flag`), failed (with LiqPay's status), or money that was credited going back.
 */
export function paymentMove(
  payment: PaymentRow,
  state: PaymentState,
  { liqpayStatus, liqpayPaymentId = payment.liqpayPaymentId, flag = null, staff }: MoveDetails,
  now: Date,
): PaymentMove {
  const patch: PaymentPatch = {
    state,
    liqpayStatus,
    liqpayPaymentId,
    ...(state === 'confirmed' ? { confirmedAt: now, paidOn: kyivDateOf(now) } : {}),
    ...(state === 'flagged' ? { flag } : {}),
    ...(staff ? { recordedBy: staff.id, note: staff.note } : {}),
  };
  const ref = { paymentId: payment.id, memberId: payment.memberId };
  const meta = { aggregateId: payment.id, actor: staff ? staffActor(staff.id) : SYSTEM };
  const event =
    state === 'confirmed'
      ? newEvent(
          PaymentConfirmed,
          { ...ref, kind: 'contribution', amount: payment.amount, currency: 'UAH', source: 'liqpay' },
          meta,
        )
      : state === 'flagged'
        ? newEvent(PaymentFlagged, { ...ref, reason: flag ?? 'not as ordered' }, meta)
        : state === 'failed'
          ? newEvent(PaymentFailed, { ...ref, status: liqpayStatus }, meta)
          : state === 'reversed' && payment.state === 'confirmed'
            ? // Money that was credited went back (LiqPay reversed it): whoever credited it hears so.
              newEvent(PaymentRefunded, { ...ref, amount: payment.amount, currency: 'UAH' }, meta)
            : null;
  return { patch, event };
}

/** Moves a payment to `state` (see `paymentMove`): the row written, the event emitted. */
export async function movePayment(
  { tx, emit }: TransactionContext,
  payment: PaymentRow,
  state: PaymentState,
  details: MoveDetails,
  now: Date,
): Promise<void> {
  const { patch, event } = paymentMove(payment, state, details, now);
  await updatePayment(tx, payment.id, patch, now);
  if (event) await emit(event);
}

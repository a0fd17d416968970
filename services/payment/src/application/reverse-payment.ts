import { isPayout, kyivDateOf, PaymentRefunded, PayoutReversed, staffActor } from '@kasa/contracts';
import { isDuplicateKey } from '@kasa/db';
import { conflict, notFound } from '@kasa/http';
import { newEvent } from '@kasa/messaging';
import type { ServiceContext } from '@kasa/runtime';
import { lockGrant } from '../db/grants.repository.ts';
import { findPayment, insertPayment, type PaymentRow } from '../db/payments.repository.ts';

const alreadyReversed = () => conflict('The payment has already been reversed', 'already_reversed');

/**
 * A mistake in a manual entry corrected: a payment is never edited nor deleted, it gets a
 * reversing entry (the same kind, member and request, the amount negated, dated today) and
 * the effect is undone by event: a contribution's days are taken back (`payment.refunded`), a
 * payout no longer counts against its request's grant (`payout.reversed`). An entry is
 * reversed at most once (a unique index, whatever runs at the same time). Money that came
 * through LiqPay goes back through LiqPay's refund instead.
 */
export async function reversePayment(
  deps: { context: Pick<ServiceContext, 'messaging'> },
  staffId: number,
  paymentId: number,
  note: string,
): Promise<PaymentRow> {
  try {
    return await deps.context.messaging.unitOfWork.run(async ({ tx, emit }) => {
      // A payout's request is locked first, as when payouts are recorded, so the two take turns.
      const requestId = (await findPayment(tx, paymentId))?.requestId;
      if (requestId) await lockGrant(tx, requestId);
      const original = await findPayment(tx, paymentId, true);
      if (!original) throw notFound('No such payment', 'payment_not_found');
      if (original.reversesPaymentId !== null)
        throw conflict('A reversing entry is not reversed: enter the payment again', 'is_reversal');
      if (original.source !== 'manual')
        throw conflict('A LiqPay payment is not reversed by hand: refund it through LiqPay', 'not_manual');
      if (original.state !== 'confirmed') throw alreadyReversed();
      const now = new Date();
      const reversal = await insertPayment(
        tx,
        {
          memberId: original.memberId,
          kind: original.kind,
          source: 'manual',
          state: 'confirmed',
          amount: -original.amount,
          confirmedAt: now,
          paidOn: kyivDateOf(now),
          requestId: original.requestId,
          iban: original.iban,
          reversesPaymentId: original.id,
          recordedBy: staffId,
          note,
        },
        now,
      );
      const meta = { aggregateId: original.id, actor: staffActor(staffId) };
      if (isPayout(original.kind) && original.requestId !== null) {
        await emit(
          newEvent(
            PayoutReversed,
            {
              paymentId: reversal.id,
              memberId: original.memberId,
              requestId: original.requestId,
              reversedPaymentId: original.id,
              amount: original.amount,
              currency: 'UAH',
            },
            meta,
          ),
        );
      } else {
        await emit(
          newEvent(
            PaymentRefunded,
            { paymentId: original.id, memberId: original.memberId, amount: original.amount, currency: 'UAH' },
            meta,
          ),
        );
      }
      return reversal;
    });
  } catch (error) {
    if (isDuplicateKey(error, 'payments_reverses')) throw alreadyReversed();
    throw error;
  }
}

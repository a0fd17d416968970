import {
  isPayout,
  kyivDateOf,
  PaymentConfirmed,
  type PaymentKindName as PaymentKind,
  PayoutRecorded,
  staffActor,
} from '@kasa/contracts';
import { conflict, unprocessable } from '@kasa/http';
import { newEvent } from '@kasa/messaging';
import type { ServiceContext } from '@kasa/runtime';
import { lockGrant, paidOutFor } from '../db/grants.repository.ts';
import { insertPayment, type PaymentRow } from '../db/payments.repository.ts';
import { judgePayout } from '../domain/payout-rule.ts';

/** What staff enter by hand (SPEC §7 row 16). */
export interface ManualEntry {
  memberId: number;
  kind: PaymentKind;
  /** The request a payout is for; none for a contribution. */
  requestId?: number;
  /** The Kyiv day the money moved, `YYYY-MM-DD`; not in the future. */
  paidOn: string;
  /** Kopiyky, more than 0. */
  amount: number;
  /** The account a payout went to. */
  iban?: string;
  note?: string;
}

/**
 * A payment staff record by hand: a contribution that came another way than LiqPay (it extends
 * the membership as one through LiqPay does, by `payment.confirmed`), or a payout for a
 * request (`payout.recorded`). A request's grant is locked while its payout is judged and
 * written, so payouts recorded at once never add up to more than the grant.
 */
export async function recordPayment(
  deps: { context: Pick<ServiceContext, 'messaging'> },
  staffId: number,
  entry: ManualEntry,
): Promise<PaymentRow> {
  const now = new Date();
  if (entry.paidOn > kyivDateOf(now))
    throw unprocessable('The payment date is in the future', 'date_in_future');
  return deps.context.messaging.unitOfWork.run(async ({ tx, emit }) => {
    const meta = { actor: staffActor(staffId) };
    const written = {
      memberId: entry.memberId,
      kind: entry.kind,
      source: 'manual' as const,
      state: 'confirmed' as const,
      amount: entry.amount,
      confirmedAt: now,
      paidOn: entry.paidOn,
      iban: entry.iban ?? null,
      note: entry.note ?? null,
      recordedBy: staffId,
    };
    if (!isPayout(entry.kind)) {
      if (entry.requestId !== undefined)
        throw unprocessable(
          'A contribution is not for a request: leave the request out',
          'request_not_allowed',
        );
      const payment = await insertPayment(tx, written, now);
      await emit(
        newEvent(
          PaymentConfirmed,
          {
            paymentId: payment.id,
            memberId: payment.memberId,
            kind: 'contribution',
            amount: payment.amount,
            currency: 'UAH',
            source: 'manual',
          },
          { ...meta, aggregateId: payment.id },
        ),
      );
      return payment;
    }
    if (entry.requestId === undefined)
      throw unprocessable('A payout is for a request: name the request', 'request_required');
    const grant = await lockGrant(tx, entry.requestId);
    if (grant && grant.memberId !== entry.memberId)
      throw unprocessable('The request is another member’s', 'request_of_another_member');
    const verdict = judgePayout(
      entry.kind,
      entry.amount,
      grant?.grantedAmount ?? null,
      grant ? await paidOutFor(tx, entry.requestId) : 0,
    );
    if (!verdict.allowed) throw conflict(verdict.message, verdict.reason);
    const payment = await insertPayment(tx, { ...written, requestId: entry.requestId }, now);
    await emit(
      newEvent(
        PayoutRecorded,
        {
          paymentId: payment.id,
          memberId: payment.memberId,
          requestId: entry.requestId,
          kind: entry.kind,
          amount: payment.amount,
          currency: 'UAH',
        },
        { ...meta, aggregateId: payment.id },
      ),
    );
    return payment;
  });
}

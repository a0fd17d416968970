import { kyivDateOf } from '@kasa/contracts';
import {
  instantOfSeedDateTime,
  type SeedRow,
  seedAmountOfKopiyky,
  seedDateTimeOfDay,
  seedDateTimeOfInstant,
} from '@kasa/seed-import';
import type { PaymentRow } from '../db/payments.repository.ts';

/** What a switch back reads of a Kasa payment. */
export type KasaPayment = Pick<
  PaymentRow,
  | 'id'
  | 'memberId'
  | 'kind'
  | 'state'
  | 'amount'
  | 'orderId'
  | 'confirmedAt'
  | 'paidOn'
  | 'requestId'
  | 'iban'
  | 'reversesPaymentId'
  | 'subscriptionId'
  | 'recordedBy'
  | 'note'
  | 'createdAt'
  | 'updatedAt'
>;

/**
 * What a Kasa payment is to the old system, whose `payments` table has no state: a row there is
 * money that moved (its LiqPay callback dated a checkout's row; staff entered the rest).
 * - `money`: confirmed, a contribution, a payout or a correcting (negative) entry: it goes back;
 * - `waiting`: a checkout LiqPay has not settled: no money yet;
 * - `unpaid`: refused or never settled (failed; reversed before it was ever paid): no money moved;
 * - `flagged`: LiqPay reported a payment that does not match its order: never credited;
 * - `refunded`: paid, then returned through LiqPay: no money stays with the fund.
 */
export type PaymentFate = 'money' | 'waiting' | 'unpaid' | 'flagged' | 'refunded';

export function fateOf(payment: Pick<KasaPayment, 'state' | 'confirmedAt'>): PaymentFate {
  switch (payment.state) {
    case 'confirmed':
      return 'money';
    case 'pending':
      return 'waiting';
    case 'failed':
      return 'unpaid';
    case 'flagged':
      return 'flagged';
    case 'reversed':
      return payment.confirmedAt === null ? 'unpaid' : 'refunded';
  }
}

/**
 * The seed's `payment_date` for a payment: when the money moved. The instant it was confirmed
 * when that falls on the day it moved (a LiqPay callback; an import, which took both from this
 * column), else that day's midnight (staff entering a payment made on an earlier day, as the
 * seed's admin site stored a date). Unknown stays NULL.
 */
export function seedPaymentDateOf(payment: Pick<KasaPayment, 'confirmedAt' | 'paidOn'>): string | null {
  const { confirmedAt, paidOn } = payment;
  if (confirmedAt !== null && (paidOn === null || kyivDateOf(confirmedAt) === paidOn))
    return seedDateTimeOfInstant(confirmedAt);
  return seedDateTimeOfDay(paidOn);
}

/**
 * A seed DATETIME as the instant it stands for (milliseconds), as the import reads it: NULL and a
 * text that is no time are none. Two texts name the same time when their instants agree.
 */
export function seedInstantOf(text: string | number | null | undefined): number | null {
  const instant = instantOfSeedDateTime(text ?? null);
  return instant instanceof Date ? instant.getTime() : null;
}

/** The old `iban` column's width (thesis table 2.9: VARCHAR(29), a Ukrainian IBAN's length). */
export const SEED_IBAN_LENGTH = 29;

/**
 * A payment made in Kasa as a row of the seed's `payments` (table 2.9), under its Kasa id: its
 * type, the checkout's LiqPay order id (a subscription's charge has none of its own: the
 * subscription's order names all its charges, and the old callback dates every row of an order),
 * member, request, IBAN (NULL when the old column cannot hold it), when the money moved, and the
 * amount in hryvnias (negative on a correcting entry, as Kasa keeps it: sums stay plain sums).
 */
export function seedPaymentRowOf(payment: KasaPayment, paymentType: number): SeedRow {
  const iban = payment.iban !== null && payment.iban.length <= SEED_IBAN_LENGTH ? payment.iban : null;
  return {
    id: payment.id,
    created_at: seedDateTimeOfInstant(payment.createdAt),
    updated_at: seedDateTimeOfInstant(payment.updatedAt),
    iban,
    payment_type: paymentType,
    payment_identifier: payment.subscriptionId === null ? payment.orderId : null,
    member_id: payment.memberId,
    request_id: payment.requestId,
    payment_date: seedPaymentDateOf(payment),
    amount: seedAmountOfKopiyky(payment.amount),
  };
}

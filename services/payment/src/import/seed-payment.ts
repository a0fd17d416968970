import {
  createdInstantOf,
  dayOfSeedDateTime,
  instantOfSeedDateTime,
  kopiykyOfSeedAmount,
  type SeedProblem,
  type SeedRow,
} from '@kasa/seed-import';
import type { payments } from '../db/schema.ts';
import type { SeedPaymentKinds } from './seed-payment-kinds.ts';

export type ImportedPayment = Required<Omit<typeof payments.$inferInsert, 'id'>> & { id: number };

/** What a seed payment becomes: the row to write (none when it cannot come over) and what to report. */
export interface ConvertedPayment {
  payment: ImportedPayment | null;
  problems: SeedProblem[];
}

/** What the conversion checks a row's references against (the seed's members and requests). */
export interface SeedKeys {
  memberKnown(id: number): boolean;
  requestKnown(id: number): boolean;
}

const TABLE = 'payments';
/** The widths of Kasa's columns (db/schema.ts). */
const ORDER_ID_LENGTH = 64;
const IBAN_LENGTH = 34;
const AMOUNT_MAX = 2_147_483_647;
const ID_MAX = 4_294_967_295;

/**
 * A seed payment (table 2.9) as the payment service keeps one, by these rules:
 * - its id, member, request and IBAN (without spaces) as they were; a member or request the
 *   seed no longer has is reported and kept (money and history are never dropped);
 * - its kind from its payment type (SeedPaymentKinds); its amount in kopiyky (kopiykyOfSeedAmount);
 * - its source: LiqPay when it has an order id (`payment_identifier`, kept so that a late
 *   callback still finds it), else entered by staff;
 * - confirmed when the money moved: the seed had no states, and its LiqPay callback dated a row
 *   (`payment_date`) when LiqPay reported it. A LiqPay order it never dated (its row is made at
 *   checkout) is a checkout nobody is known to have paid: it comes over as `failed`, with LiqPay's
 *   status `unsettled` and reported (`order_unsettled`), so it is no money in the member's list or
 *   the totals, and a late success callback for it still finds it and confirms it then, extending
 *   the membership once, as the seed would have. A dated order is confirmed, and a late callback
 *   for it changes nothing (nextState): none is credited twice;
 * - the day the money moved from `payment_date`, the Kyiv day, and the instant as when it was
 *   confirmed; NULL stays unknown (the member's list then dates it by its row);
 * - what the seed never kept stays unknown: LiqPay's status and charge id, who entered it, the
 *   day a contribution carried the membership to (the seed's list answered `payed_to: None`).
 */
export function paymentOfSeed(
  row: SeedRow,
  kinds: SeedPaymentKinds,
  keys: SeedKeys,
  runStartedAt: Date,
): ConvertedPayment {
  const id = Number(row.id);
  const problems: SeedProblem[] = [];
  const refuse = (reason: string): ConvertedPayment => ({
    payment: null,
    problems: [...problems, { kind: 'not_imported', table: TABLE, id, reason }],
  });

  const kind = kinds.kindOf(row.payment_type);
  if ('reason' in kind) return refuse(kind.reason);
  const memberId = unsignedIdOf(row.member_id);
  if (memberId === null || memberId === 'invalid')
    return refuse(
      `its member_id ${String(row.member_id)} names no member: Kasa keeps every payment by its member`,
    );
  if (!keys.memberKnown(memberId))
    problems.push({
      kind: 'orphan',
      table: TABLE,
      id,
      column: 'member_id',
      points_to: 'members',
      value: memberId,
    });

  let amount = kopiykyOfSeedAmount(row.amount ?? null);
  if (row.amount === null || row.amount === undefined) {
    problems.push({ kind: 'value_replaced', table: TABLE, id, column: 'amount', reason: 'NULL: taken as 0' });
    amount = { kopiyky: 0, exact: true };
  }
  if (amount.kopiyky === null) return refuse(`its amount ${String(row.amount)} is no number`);
  if (Math.abs(amount.kopiyky) > AMOUNT_MAX)
    return refuse(`its amount ${String(row.amount)} is more than Kasa’s amount column holds`);
  if (!amount.exact)
    problems.push({
      kind: 'inexact_amount',
      table: TABLE,
      id,
      column: 'amount',
      value: row.amount!,
      kopiyky: amount.kopiyky,
    });

  let requestId = unsignedIdOf(row.request_id);
  if (requestId === 'invalid') {
    problems.push({
      kind: 'value_replaced',
      table: TABLE,
      id,
      column: 'request_id',
      reason: `${String(row.request_id)} is no request id: taken as none`,
    });
    requestId = null;
  } else if (requestId === 0) {
    requestId = null; // the seed's "no request"
  } else if (requestId !== null && !keys.requestKnown(requestId)) {
    problems.push({
      kind: 'orphan',
      table: TABLE,
      id,
      column: 'request_id',
      points_to: 'requests',
      value: requestId,
    });
  }

  let orderId = textOf(row.payment_identifier);
  if (orderId !== null && orderId.length > ORDER_ID_LENGTH) {
    // LiqPay's callback is looked up by its order id's first 64 characters (liqpay-callback.ts).
    problems.push({
      kind: 'value_replaced',
      table: TABLE,
      id,
      column: 'payment_identifier',
      reason: `longer than ${ORDER_ID_LENGTH} characters: its first ${ORDER_ID_LENGTH} kept, as LiqPay’s callbacks are matched`,
    });
    orderId = orderId.slice(0, ORDER_ID_LENGTH);
  }

  // Written in groups of four or not, it is the same account; Kasa keeps IBANs without spaces.
  let iban = textOf(row.iban)?.replace(/\s+/g, '') ?? null;
  if (iban !== null && iban.length > IBAN_LENGTH) {
    problems.push({
      kind: 'value_replaced',
      table: TABLE,
      id,
      column: 'iban',
      reason: `longer than ${IBAN_LENGTH} characters, which no IBAN is: taken as none`,
    });
    iban = null;
  }

  const instantOf = (column: 'created_at' | 'updated_at' | 'payment_date') => {
    const instant = instantOfSeedDateTime(row[column] ?? null);
    if (instant !== 'invalid') return instant;
    problems.push({ kind: 'bad_date', table: TABLE, id, column });
    return null;
  };
  const paidAt = instantOf('payment_date');
  const paidOn = paidAt === null ? null : dayOfSeedDateTime(row.payment_date ?? null);
  const updatedAt = instantOf('updated_at');
  instantOf('created_at'); // reported when bad; createdInstantOf passes over it
  // A row without its creation is dated by its payment, else by the run.
  const created = createdInstantOf(row, paidAt ?? runStartedAt);
  if (!created.known)
    problems.push({ kind: 'date_unknown', table: TABLE, id, taken: created.at.toISOString() });

  const source = orderId === null ? 'manual' : 'liqpay';
  const unsettled = source === 'liqpay' && paidAt === null;
  if (unsettled) problems.push({ kind: 'order_unsettled', table: TABLE, id, order_id: orderId! });

  return {
    payment: {
      id,
      memberId,
      kind: kind.kind,
      source,
      state: unsettled ? 'failed' : 'confirmed',
      amount: amount.kopiyky,
      currency: 'UAH',
      orderId,
      liqpayPaymentId: null,
      liqpayStatus: unsettled ? 'unsettled' : null,
      flag: null,
      confirmedAt: paidAt,
      paidOn: paidOn === 'invalid' ? null : paidOn,
      requestId,
      iban,
      reversesPaymentId: null,
      subscriptionId: null,
      recordedBy: null,
      note: null,
      paidUntil: null,
      createdAt: created.at,
      updatedAt: updatedAt ?? created.at,
    },
    problems,
  };
}

/** A seed id column: null when empty, 'invalid' when no id an unsigned INT holds. */
export function unsignedIdOf(value: string | number | null | undefined): number | null | 'invalid' {
  if (value === null || value === undefined || value === '') return null;
  const id = Number(value);
  return Number.isInteger(id) && id >= 0 && id <= ID_MAX ? id : 'invalid';
}

/** A text column trimmed; empty is none. */
function textOf(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

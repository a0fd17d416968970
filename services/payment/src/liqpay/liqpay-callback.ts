import { kopiykyOf } from '@kasa/contracts';
import { type TSchema, Type } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Paid } from '../domain/paid-as-ordered.ts';
import { type LiqPayNews, outcomeOf } from '../domain/payment-state.ts';
import { hasValidSignature, type LiqPayParams, paramsOf, type Signed } from './liqpay-protocol.ts';
import type { LiqPaySetup } from './liqpay-setup.ts';

/**
 * What LiqPay reports of an order (a callback, or the status API's answer), read once, here:
 * nothing past this module reads LiqPay's fields. What it says happened is `kind` (with the
 * payment's `outcome`); the rest are the facts the fund checks and keeps.
 */
export type LiqPayReport = LiqPayNews & {
  /** Ours, from the checkout: its first 64 characters, as orders are kept and matched. */
  orderId: string;
  /** LiqPay's id of the charge: how a subscription's charges are told apart and credited once. */
  liqpayPaymentId: number | null;
  /** LiqPay's own status, as it said it (its first 32 characters): kept for the record, never decided on. */
  status: string;
  paid: Paid;
};

/** A report on a subscription's charge: every report but the subscription's end. */
export type ChargeReport = Exclude<LiqPayReport, { kind: 'subscription_ended' }>;

/** A signed callback, read: the form to keep as it came, the parameters LiqPay signed and its report. */
export interface LiqPayCallback {
  form: Signed;
  params: LiqPayParams;
  report: LiqPayReport;
}

/**
 * Why a callback is refused. One not signed with the fund's key is read no further (anyone can
 * send them); one that is signed but is no report the fund can read is still LiqPay's word, to
 * be kept as it came, with its order and status when those at least could be read.
 */
export type LiqPayCallbackRefusal =
  | { reason: 'bad_signature'; form: Signed }
  | { reason: 'unreadable'; form: Signed; problem: string; orderId: string | null; status: string | null };

/** Absent, null, or the schema: LiqPay leaves out what a report does not have. */
const Maybe = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));

/**
 * The fields of LiqPay's report (callback API 3.0) the fund reads, as LiqPay documents them:
 * `payment_id` and `amount` are numbers (an amount may also come as its decimal text), the rest
 * text. Each is taken as it is or refused, never coerced: `true` is no amount. Every other field
 * (`action`, `paytype`, `liqpay_order_id`, the payer's card…) is kept with the callback, unread.
 */
const LiqPayReportFields = Type.Object({
  order_id: Type.String({ minLength: 1 }),
  status: Type.String({ minLength: 1 }),
  payment_id: Maybe(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
  amount: Maybe(Type.Union([Type.Number(), Type.String()])),
  currency: Maybe(Type.String()),
  public_key: Maybe(Type.String()),
});
const reportFields = Compile(LiqPayReportFields);

/** The fund's account and mode: whose key signs, and whether `sandbox` payments are money. */
type Fund = Pick<LiqPaySetup, 'account' | 'sandbox'>;

/**
 * LiqPay's callback form, checked and read: the signature before anything in `data` is read,
 * then `data` as LiqPay's report. The report, or why it is refused.
 */
export function readLiqPayCallback(
  form: Signed,
  fund: Fund,
): ({ ok: true } & LiqPayCallback) | { ok: false; refusal: LiqPayCallbackRefusal } {
  if (!hasValidSignature(form, fund.account.privateKey))
    return { ok: false, refusal: { reason: 'bad_signature', form } };
  const params = paramsOf(form.data);
  if (!params) {
    const problem = 'The callback’s data is not LiqPay’s JSON';
    return { ok: false, refusal: { reason: 'unreadable', form, problem, orderId: null, status: null } };
  }
  const read = readLiqPayReport(params, fund);
  if (!read.ok) {
    const { problem, orderId, status } = read;
    return { ok: false, refusal: { reason: 'unreadable', form, problem, orderId, status } };
  }
  return { ok: true, form, params, report: read.report };
}

/**
 * LiqPay's parameters (a signed callback's, or the status API's answer) as its report; or what
 * is wrong with them, and their order and status when those at least could be read.
 */
export function readLiqPayReport(
  params: LiqPayParams,
  fund: Fund,
):
  | { ok: true; report: LiqPayReport }
  | { ok: false; problem: string; orderId: string | null; status: string | null } {
  if (!reportFields.Check(params)) {
    const orderId = typeof params.order_id === 'string' ? orderOf(params.order_id) : null;
    const status = typeof params.status === 'string' ? statusOf(params.status) : null;
    return { ok: false, problem: problemOf(params), orderId, status };
  }
  const amount = params.amount ?? null;
  const kopiyky = amount === null ? null : kopiykyOf(amount);
  if (amount !== null && kopiyky === null) {
    return {
      ok: false,
      problem: 'The callback’s amount is not a sum in hryvnias and kopiyky',
      orderId: orderOf(params.order_id),
      status: statusOf(params.status),
    };
  }
  const report: LiqPayReport = {
    ...newsOf(params.status, fund.sandbox),
    orderId: orderOf(params.order_id),
    liqpayPaymentId: params.payment_id ?? null,
    status: statusOf(params.status),
    paid: {
      amount: kopiyky,
      currency: params.currency ?? null,
      toFundAccount: params.public_key === fund.account.publicKey,
    },
  };
  return { ok: true, report };
}

/**
 * What LiqPay's status says happened: `unsubscribed` ends a subscription, `subscribed` sets one
 * up with its first charge, and every other status is about a payment's money (domain's
 * `outcomeOf`), `reversed` being money given back.
 */
function newsOf(status: string, sandbox: boolean): LiqPayNews {
  if (status === 'unsubscribed') return { kind: 'subscription_ended' };
  if (status === 'subscribed') return { kind: 'subscribed' };
  const outcome = outcomeOf(status, sandbox);
  return outcome === 'reversed' ? { kind: 'refund' } : { kind: 'payment', outcome };
}

/** Orders are kept (and the seed's imported, longer ones matched) by their first 64 characters. */
const orderOf = (orderId: string) => orderId.slice(0, 64);
/** As long as the columns that keep LiqPay's last word. */
const statusOf = (status: string) => status.slice(0, 32);

/** Which field is missing or not what LiqPay sends, in words for whoever sent it (never its value). */
function problemOf(params: LiqPayParams): string {
  const isText = (value: unknown) => typeof value === 'string' && value !== '';
  if (!isText(params.order_id) || !isText(params.status)) return 'The callback carries no order and status';
  const [first] = reportFields.Errors(params);
  const field = first?.instancePath.split('/')[1] ?? 'data';
  return `The callback’s ${field} is not what LiqPay sends`;
}

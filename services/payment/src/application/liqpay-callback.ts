import {
  type Actor,
  kopiykyOf,
  kyivDateOf,
  PaymentConfirmed,
  PaymentFailed,
  PaymentFlagged,
  PaymentRefunded,
  SYSTEM,
} from '@kasa/contracts';
import { badRequest } from '@kasa/http';
import { newEvent, type TransactionContext } from '@kasa/messaging';
import {
  findPaymentByOrder,
  type PaymentRow,
  recordCallback,
  updatePayment,
} from '../db/payments.repository.ts';
import { findSubscriptionByOrder } from '../db/subscriptions.repository.ts';
import { nextState, outcomeOf, type PaymentState } from '../domain/payment-state.ts';
import { hasValidSignature, type LiqPayParams, paramsOf, type Signed } from '../liqpay/liqpay-protocol.ts';
import { payable } from './create-checkout.ts';
import type { LiqPaySetup, PaymentDeps } from './payment-deps.ts';
import { applySubscriptionReport } from './subscription-callback.ts';

/** What became of a callback, for the log. */
export type CallbackResult = 'applied' | 'unchanged' | 'unknown_order' | 'flagged';

/**
 * A callback from LiqPay. The signature is checked before anything in `data` is read; every
 * callback is kept as it came, signed or not. The order's payment is locked, so repeated and
 * concurrent callbacks take turns and the first that confirms it is the only one that does.
 * A callback that does not match its order (another account, currency or amount) is flagged
 * for staff, never credited.
 */
export async function handleLiqPayCallback(deps: PaymentDeps, callback: Signed): Promise<CallbackResult> {
  const liqpay = payable(deps);
  if (!hasValidSignature(callback, liqpay.account.privateKey)) {
    await recordCallback(deps.context.database.db, { ...callback, signatureValid: false });
    throw badRequest('The callback is not signed with the fund’s key', 'invalid_signature');
  }
  const params = paramsOf(callback.data);
  const orderId = typeof params?.order_id === 'string' ? params.order_id.slice(0, 64) : null;
  const status = typeof params?.status === 'string' ? params.status.slice(0, 32) : null;
  if (!params || orderId === null || status === null) {
    await recordCallback(deps.context.database.db, { ...callback, signatureValid: true, orderId, status });
    throw badRequest('The callback carries no order and status', 'invalid_callback');
  }
  // Kept in the same transaction as its effect: one commit a callback. Should the effect fail,
  // the callback is answered 500 and LiqPay sends it again, to be kept then.
  return deps.context.messaging.unitOfWork.run(async (unit) => {
    await recordCallback(unit.tx, { ...callback, signatureValid: true, orderId, status });
    return applyLiqPayReport(unit, liqpay, params, orderId, status);
  });
}

/**
 * What LiqPay reports of an order (a callback, or its status API's answer), applied in the
 * caller's transaction to the order's payment under its lock: the state moves as `nextState`
 * says, with its event.
 */
export async function applyLiqPayReport(
  { tx, emit }: TransactionContext,
  liqpay: LiqPaySetup,
  params: LiqPayParams,
  orderId: string,
  status: string,
): Promise<CallbackResult> {
  const payment = await findPaymentByOrder(tx, orderId, true);
  if (!payment) {
    // Not a checkout's order: a subscription's, whose every charge is a payment of its own.
    const subscription = await findSubscriptionByOrder(tx, orderId, true);
    if (!subscription) return 'unknown_order';
    return applySubscriptionReport({ tx, emit }, liqpay, params, subscription, status);
  }
  const now = new Date();
  const outcome = outcomeOf(status, liqpay.sandbox);
  const mismatch = outcome === 'confirmed' ? mismatchOf(params, payment, liqpay.account.publicKey) : null;
  // Only a payment still waiting for its money is flagged: a settled one stays as it is.
  const waiting = payment.state === 'pending' || payment.state === 'failed';
  const state: PaymentState = mismatch && waiting ? 'flagged' : nextState(payment.state, outcome);
  const liqpayPaymentId = Number.isSafeInteger(params.payment_id) ? (params.payment_id as number) : null;
  if (state === payment.state) {
    // Still on its way: what LiqPay last said is kept, nothing else moves.
    if (outcome === 'pending' && payment.state === 'pending') {
      await updatePayment(tx, payment.id, { liqpayStatus: status, liqpayPaymentId }, now);
    }
    return 'unchanged';
  }
  await movePayment(
    { tx, emit },
    payment,
    state,
    { liqpayStatus: status, liqpayPaymentId, flag: mismatch },
    now,
  );
  return state === 'flagged' ? 'flagged' : 'applied';
}

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
    actor = SYSTEM,
  }: {
    liqpayStatus: string;
    liqpayPaymentId?: number | null;
    flag?: string | null;
    /** Who moved it: LiqPay's report is the system's doing, a refund a staff user's. */
    actor?: Actor;
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
    },
    now,
  );
  const ref = { paymentId: payment.id, memberId: payment.memberId };
  const meta = { aggregateId: payment.id, actor };
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

/** Why a success callback may not be credited to its order, or null when it matches. */
export function mismatchOf(
  params: LiqPayParams,
  payment: Pick<PaymentRow, 'currency' | 'amount'>,
  publicKey: string,
): string | null {
  if (params.public_key !== publicKey) return 'the callback names another LiqPay account';
  if (params.currency !== payment.currency)
    return `paid in ${String(params.currency)}, ordered in ${payment.currency}`;
  const paid =
    typeof params.amount === 'number' || typeof params.amount === 'string' ? kopiykyOf(params.amount) : null;
  if (paid !== payment.amount) return `paid ${String(params.amount)}, ordered ${payment.amount / 100}`;
  return null;
}

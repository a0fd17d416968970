import { createHash, randomBytes } from 'node:crypto';
import { CheckoutCreated, memberActor } from '@kasa/contracts';
import { isDuplicateKey } from '@kasa/db';
import { unprocessable } from '@kasa/http';
import { newEvent } from '@kasa/messaging';
import type { ServiceContext } from '@kasa/runtime';
import {
  findCheckoutKey,
  findPayment,
  forgetCheckoutKey,
  insertCheckoutKey,
  insertPayment,
} from '../db/payments.repository.ts';
import type { LiqPaySetup } from '../liqpay/liqpay-setup.ts';
import { payable } from './ask-liqpay.ts';
import { checkoutOf } from './liqpay-checkout.ts';

/** What a checkout needs: the fund's LiqPay account (null without keys: 503) and the database. */
export interface CheckoutDeps {
  context: Pick<ServiceContext, 'database' | 'messaging'>;
  liqpay: LiqPaySetup | null;
}

export interface Checkout {
  paymentId: number;
  orderId: string;
  data: string;
  signature: string;
}

/** How long an Idempotency-Key names its checkout. */
export const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * A pending contribution of `amount` kopiyky and its LiqPay checkout. With an idempotency key,
 * a repeated request gets the checkout the first one made (one order, however often the app
 * retries); the same key with another amount is refused with 422. Two requests with one key
 * at once: the second waits for the first's transaction and then gets its checkout.
 */
export async function createCheckout(
  deps: CheckoutDeps,
  memberId: number,
  amount: number,
  idempotencyKey: string | undefined,
): Promise<Checkout> {
  const liqpay = payable(deps.liqpay);
  const { db } = deps.context.database;
  const requestHash = createHash('sha256').update(JSON.stringify({ amount })).digest('hex');
  if (idempotencyKey !== undefined) {
    const earlier = await earlierCheckout(deps, liqpay, memberId, idempotencyKey, requestHash);
    if (earlier) return earlier;
    // A key past its lifetime names nothing any more.
    await forgetCheckoutKey(db, memberId, idempotencyKey, keptSince());
  }
  try {
    const payment = await deps.context.messaging.unitOfWork.run(async ({ tx, emit }) => {
      const now = new Date();
      const orderId = `kasa-${randomBytes(12).toString('hex')}`;
      const row = await insertPayment(
        tx,
        { memberId, kind: 'contribution', source: 'liqpay', state: 'pending', amount, orderId },
        now,
      );
      if (idempotencyKey !== undefined) {
        await insertCheckoutKey(tx, {
          memberId,
          idempotencyKey,
          requestHash,
          paymentId: row.id,
          createdAt: now,
        });
      }
      await emit(
        newEvent(
          CheckoutCreated,
          { paymentId: row.id, memberId, orderId, amount, currency: 'UAH' },
          { aggregateId: row.id, actor: memberActor(memberId) },
        ),
      );
      return row;
    });
    return { paymentId: payment.id, orderId: payment.orderId!, ...checkoutOf(payment, liqpay) };
  } catch (error) {
    // The same key committed by a request running at the same time: that one's checkout.
    if (idempotencyKey === undefined || !isDuplicateKey(error)) throw error;
    const earlier = await earlierCheckout(deps, liqpay, memberId, idempotencyKey, requestHash);
    if (!earlier) throw error;
    return earlier;
  }
}

async function earlierCheckout(
  deps: CheckoutDeps,
  liqpay: LiqPaySetup,
  memberId: number,
  key: string,
  requestHash: string,
): Promise<Checkout | undefined> {
  const { db } = deps.context.database;
  const used = await findCheckoutKey(db, memberId, key, keptSince());
  if (!used) return undefined;
  if (used.requestHash !== requestHash) {
    throw unprocessable('This Idempotency-Key was used for another checkout', 'idempotency_key_reused');
  }
  const payment = await findPayment(db, used.paymentId);
  if (!payment?.orderId) throw new Error(`Checkout key names payment ${used.paymentId}, which has no order`);
  return { paymentId: payment.id, orderId: payment.orderId, ...checkoutOf(payment, liqpay) };
}

const keptSince = () => new Date(Date.now() - KEY_LIFETIME_MS);

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CALLBACK_PATH } from '../src/deps.ts';
import { type PaymentUnderTest, startPayment } from './support/payment-under-test.ts';

/**
 * Callbacks that arrive together are written in one transaction (group commit); one that
 * fails must fail alone, and the others be applied as if each had come by itself.
 */
let kasa: PaymentUnderTest;
before(async () => {
  kasa = await startPayment();
});
after(() => kasa?.close());

const checkout = async (memberId: number) =>
  (
    await kasa.service.app.inject({
      method: 'POST',
      url: '/me/checkouts',
      headers: { authorization: kasa.memberAuth(memberId) },
      payload: { amount: 15_000 },
    })
  ).json() as { payment_id: number; order_id: string };
const success = (orderId: string, paymentId: number) => ({
  version: 3,
  public_key: kasa.liqpay.publicKey,
  action: 'pay',
  payment_id: paymentId,
  status: 'success',
  amount: 150,
  currency: 'UAH',
  order_id: orderId,
});

test('a callback that fails in a batch fails alone: the others are confirmed, each once', async () => {
  const orders = await Promise.all(Array.from({ length: 12 }, (_, index) => checkout(900 + index)));
  const url = `${kasa.publicUrl}${CALLBACK_PATH}`;
  // LiqPay's charge 555001 is credited to the first order...
  assert.equal(await kasa.liqpay.sendCallback(url, success(orders[0]!.order_id, 555_001)), 200);
  // ...so a callback naming it for another order cannot be written, whatever else comes with it.
  const statuses = await Promise.all(
    orders
      .slice(1)
      .map((order, index) =>
        kasa.liqpay.sendCallback(url, success(order.order_id, index === 5 ? 555_001 : 556_000 + index)),
      ),
  );
  assert.deepEqual(
    statuses,
    statuses.map((_, index) => (index === 5 ? 500 : 200)),
  );
  const states = await kasa.query<{ id: number; state: string }>(
    'SELECT id, state FROM payments WHERE id IN (?)',
    [orders.map(({ payment_id }) => payment_id)],
  );
  const stateOf = new Map(states.map(({ id, state }) => [id, state]));
  assert.deepEqual(
    orders.map(({ payment_id }) => stateOf.get(payment_id)),
    orders.map((_, index) => (index === 6 ? 'pending' : 'confirmed')),
  );
  for (const [index, order] of orders.entries()) {
    assert.deepEqual(
      await kasa.outboxTypes(order.payment_id),
      index === 6 ? ['payment.checkout_created'] : ['payment.checkout_created', 'payment.confirmed'],
    );
  }
  // Every callback that was applied is kept once; the failed one is kept when LiqPay sends it again.
  const [kept] = await kasa.query<{ n: number }>(
    'SELECT COUNT(*) AS n FROM liqpay_callbacks WHERE order_id IN (?)',
    [orders.map(({ order_id }) => order_id)],
  );
  assert.equal(Number(kept!.n), 11);
});

test('copies of one callback that arrive together confirm their payment once, in a batch or not', async () => {
  const orders = await Promise.all(Array.from({ length: 6 }, (_, index) => checkout(920 + index)));
  const url = `${kasa.publicUrl}${CALLBACK_PATH}`;
  // Each order's callback three times at once, interleaved, so that copies share batches.
  const sends = [0, 1, 2].flatMap(() =>
    orders.map((order, index) => kasa.liqpay.sendCallback(url, success(order.order_id, 557_000 + index))),
  );
  assert.deepEqual(
    await Promise.all(sends),
    sends.map(() => 200),
  );
  for (const { payment_id } of orders) {
    assert.deepEqual(await kasa.outboxTypes(payment_id), ['payment.checkout_created', 'payment.confirmed']);
  }
});

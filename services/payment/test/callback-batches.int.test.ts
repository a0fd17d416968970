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

test('a callback naming a charge another order holds is flagged alone: the others confirm, each once', async () => {
  const orders = await Promise.all(Array.from({ length: 12 }, (_, index) => checkout(900 + index)));
  const url = `${kasa.publicUrl}${CALLBACK_PATH}`;
  // LiqPay's charge 555001 is credited to the first order...
  assert.equal(await kasa.liqpay.sendCallback(url, success(orders[0]!.order_id, 555_001)), 200);
  // ...so a callback naming it for another order cannot credit it again, whatever else comes with
  // it: that batch fails, and its callbacks are applied one by one.
  const statuses = await Promise.all(
    orders
      .slice(1)
      .map((order, index) =>
        kasa.liqpay.sendCallback(url, success(order.order_id, index === 5 ? 555_001 : 556_000 + index)),
      ),
  );
  // Answered like any other: LiqPay has nothing to send again, staff have the flag.
  assert.deepEqual(
    statuses,
    statuses.map(() => 200),
  );
  const rows = await kasa.query<{
    id: number;
    state: string;
    liqpay_payment_id: number | null;
    flag: string | null;
  }>('SELECT id, state, liqpay_payment_id, flag FROM payments WHERE id IN (?)', [
    orders.map(({ payment_id }) => payment_id),
  ]);
  const rowOf = new Map(rows.map((row) => [row.id, row]));
  assert.deepEqual(
    orders.map(({ payment_id }) => rowOf.get(payment_id)!.state),
    orders.map((_, index) => (index === 6 ? 'flagged' : 'confirmed')),
  );
  const flagged = rowOf.get(orders[6]!.payment_id)!;
  assert.equal(flagged.liqpay_payment_id, null);
  assert.match(flagged.flag ?? '', /555001 is already credited to another payment/);
  assert.equal(Number(rowOf.get(orders[0]!.payment_id)!.liqpay_payment_id), 555_001);
  for (const [index, order] of orders.entries()) {
    assert.deepEqual(await kasa.outboxTypes(order.payment_id), [
      'payment.checkout_created',
      index === 6 ? 'payment.flagged' : 'payment.confirmed',
    ]);
  }
  // Every callback is kept once, as it came.
  const [kept] = await kasa.query<{ n: number }>(
    'SELECT COUNT(*) AS n FROM liqpay_callbacks WHERE order_id IN (?)',
    [orders.map(({ order_id }) => order_id)],
  );
  assert.equal(Number(kept!.n), 12);
});

test('a charge another order holds, reported alone, flags a waiting payment and leaves a settled one', async () => {
  const [first, second] = await Promise.all([checkout(940), checkout(941)]);
  const url = `${kasa.publicUrl}${CALLBACK_PATH}`;
  assert.equal(await kasa.liqpay.sendCallback(url, success(first!.order_id, 558_001)), 200);
  assert.equal(await kasa.liqpay.sendCallback(url, success(second!.order_id, 558_002)), 200);
  // The settled second payment keeps its own charge and state.
  assert.equal(await kasa.liqpay.sendCallback(url, success(second!.order_id, 558_001)), 200);
  const [settled] = await kasa.query<{ state: string; liqpay_payment_id: number }>(
    'SELECT state, liqpay_payment_id FROM payments WHERE id = ?',
    [second!.payment_id],
  );
  assert.deepEqual(
    { ...settled!, liqpay_payment_id: Number(settled!.liqpay_payment_id) },
    {
      state: 'confirmed',
      liqpay_payment_id: 558_002,
    },
  );
  assert.deepEqual(await kasa.outboxTypes(second!.payment_id), [
    'payment.checkout_created',
    'payment.confirmed',
  ]);
  // A waiting one is flagged, once however often LiqPay says so.
  const third = await checkout(942);
  for (const _ of [1, 2])
    assert.equal(await kasa.liqpay.sendCallback(url, success(third.order_id, 558_001)), 200);
  const [waiting] = await kasa.query<{ state: string }>('SELECT state FROM payments WHERE id = ?', [
    third.payment_id,
  ]);
  assert.equal(waiting!.state, 'flagged');
  assert.deepEqual(await kasa.outboxTypes(third.payment_id), ['payment.checkout_created', 'payment.flagged']);
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

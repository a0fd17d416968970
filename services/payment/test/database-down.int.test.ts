import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eventually, type PrivateDatabase, startPrivateDatabase } from '@kasa/testing';
import { paramsOf } from '../src/liqpay/liqpay-protocol.ts';
import { type PaymentUnderTest, startPayment } from './support/payment-under-test.ts';

/**
 * While the payment service's database is down, LiqPay's callbacks and the members' calls are
 * answered 503 with Retry-After (LiqPay and the apps come back), never 500; once the database is
 * back, the same callback is taken as if nothing had happened.
 */
let server: PrivateDatabase;
let payment: PaymentUnderTest;

before(async () => {
  server = await startPrivateDatabase();
  payment = await startPayment({ MYSQL_URL: server.url });
});
after(async () => {
  await payment?.close().catch(() => {});
  await server?.dispose();
});

test('a callback while the database is down is a 503 with Retry-After, and taken once it is back', async () => {
  const asked = await payment.service.app.inject({
    method: 'POST',
    url: '/me/checkouts',
    headers: { authorization: payment.memberAuth(701) },
    payload: { amount: 30_000 },
  });
  assert.equal(asked.statusCode, 201, asked.body);
  const checkout = asked.json();
  const orderId = String(paramsOf(checkout.data)!.order_id);

  await server.stop();
  assert.equal(await payment.liqpay.pay(checkout, 'sandbox'), 503, 'LiqPay is told to come back');
  const paid = payment.liqpay.payments.get(orderId)!;
  const form = new URLSearchParams(
    payment.liqpay.callbackBody({
      version: 3,
      public_key: payment.liqpay.publicKey,
      action: 'pay',
      payment_id: paid.paymentId,
      status: 'sandbox',
      amount: 300,
      currency: 'UAH',
      order_id: orderId,
    }),
  );
  const callback = { data: form.get('data'), signature: form.get('signature') };
  const direct = await payment.service.app.inject({
    method: 'POST',
    url: '/liqpay/callbacks',
    payload: callback,
  });
  assert.equal(direct.statusCode, 503);
  assert.match(String(direct.headers['retry-after']), /^[0-9]+$/);
  const list = await payment.service.app.inject({
    method: 'GET',
    url: '/me/payments',
    headers: { authorization: payment.memberAuth(701) },
  });
  assert.equal(list.statusCode, 503);
  assert.ok(list.headers['retry-after']);

  await server.start();
  // LiqPay sends the callback again; the pool reconnects by itself.
  await eventually(
    async () => {
      const again = await payment.service.app.inject({
        method: 'POST',
        url: '/liqpay/callbacks',
        payload: callback,
      });
      return again.statusCode === 200 ? true : null;
    },
    { timeoutMs: 30_000, message: 'the callback taken once the database is back' },
  );
  const rows = await payment.query<{ state: string; order_id: string }>(
    'SELECT state, order_id FROM payments WHERE member_id = 701',
  );
  assert.deepEqual(rows, [{ state: 'confirmed', order_id: orderId }]);
});

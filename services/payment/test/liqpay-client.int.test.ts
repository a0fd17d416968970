import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { type FakeLiqPay, startFakeLiqPay } from '@kasa/testing';
import { LiqPayClient, LiqPayRefusedError, LiqPayUnavailableError } from '../src/liqpay/liqpay-client.ts';
import { signed } from '../src/liqpay/liqpay-protocol.ts';

let liqpay: FakeLiqPay;
let client: LiqPayClient;
/** Callbacks the fake sent, as our callback route would receive them. */
const callbacks: URLSearchParams[] = [];
let serverUrl: string;
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    callbacks.push(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    response.end('ok');
  });
});

before(async () => {
  liqpay = await startFakeLiqPay();
  client = new LiqPayClient({
    publicKey: liqpay.publicKey,
    privateKey: liqpay.privateKey,
    apiUrl: liqpay.apiUrl,
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  serverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/callback`;
});
after(async () => {
  await liqpay.close();
  receiver.close();
});

const checkout = (orderId: string, amount: number, action = 'pay') =>
  signed(
    {
      version: 3,
      public_key: liqpay.publicKey,
      action,
      amount,
      currency: 'UAH',
      description: 'Членський внесок',
      order_id: orderId,
      server_url: serverUrl,
      ...(action === 'subscribe'
        ? { subscribe: 1, subscribe_date_start: '2026-01-31 10:00:00', subscribe_periodicity: 'month' }
        : {}),
    },
    liqpay.privateKey,
  );

test('a paid checkout calls back signed, and the status API tells the same', async () => {
  assert.equal(await liqpay.pay(checkout('order-1', 150.5)), 200);
  const callback = callbacks.at(-1)!;
  const params = JSON.parse(Buffer.from(callback.get('data')!, 'base64').toString('utf8'));
  assert.equal(params.order_id, 'order-1');
  assert.equal(params.status, 'success');
  assert.equal(params.amount, 150.5);
  const status = await client.status('order-1');
  assert.equal(status.status, 'success');
  assert.equal(status.payment_id, params.payment_id);
  assert.equal(
    liqpay.requests.at(-1)?.params?.public_key,
    liqpay.publicKey,
    'the request carries our public key',
  );
});

test('an order LiqPay does not know is refused with its error code', async () => {
  await assert.rejects(client.status('never-paid'), (error: unknown) => {
    assert.ok(error instanceof LiqPayRefusedError);
    assert.equal(error.code, 'payment_not_found');
    return true;
  });
});

test('a refund is sent in hryvnias from kopiyky, and not past what was paid', async () => {
  await liqpay.pay(checkout('order-2', 300));
  const refund = await client.refund('order-2', 10_050);
  assert.equal(refund.status, 'reversed');
  assert.equal(liqpay.requests.at(-1)?.params?.amount, 100.5);
  await assert.rejects(client.refund('order-2', 25_000), LiqPayRefusedError);
});

test('a subscription ends with unsubscribe', async () => {
  await liqpay.pay(checkout('order-3', 200, 'subscribe'));
  assert.equal((await client.unsubscribe('order-3')).status, 'unsubscribed');
});

test('one monthly charge of a subscription is refunded by its payment_id, the others stay', async () => {
  await liqpay.pay(checkout('order-4', 200, 'subscribe'));
  const first = await liqpay.charge('order-4');
  const second = await liqpay.charge('order-4');
  assert.notEqual(first.paymentId, second.paymentId);
  const refund = await client.refund('order-4', 20_000, second.paymentId);
  assert.equal(refund.status, 'reversed');
  assert.equal(refund.payment_id, second.paymentId);
  assert.equal(liqpay.requests.at(-1)?.params?.payment_id, second.paymentId);
  const charges = liqpay.payments.get('order-4')!.subscription!.charges;
  assert.deepEqual(
    charges.map(({ status }) => status),
    ['success', 'reversed'],
  );
  await assert.rejects(client.refund('order-4', 20_000, second.paymentId), LiqPayRefusedError);
});

test('requests signed with another key are refused, LiqPay down or slow is "unavailable"', async () => {
  const forger = new LiqPayClient({
    publicKey: liqpay.publicKey,
    privateKey: 'someone-else',
    apiUrl: liqpay.apiUrl,
  });
  await assert.rejects(
    forger.status('order-1'),
    (error: unknown) => (error as LiqPayRefusedError).code === 'invalid_signature',
  );
  liqpay.failNext(1, 503);
  await assert.rejects(client.status('order-1'), LiqPayUnavailableError);
  const nowhere = new LiqPayClient(
    { publicKey: liqpay.publicKey, privateKey: liqpay.privateKey, apiUrl: 'http://127.0.0.1:1/api/' },
    { timeoutMs: 1_000 },
  );
  await assert.rejects(nowhere.status('order-1'), LiqPayUnavailableError);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addCalendarDays,
  kyivDateOf,
  MobileChargesAnswer,
  MobileLiqPayAnswer,
  MobileLiqPayCallbackAnswer,
  MobileLiqPayCallbackNotFound,
  MobilePaymentsAnswer,
  seedDateOfCalendarDate,
} from '@kasa/contracts';
import { assertSeedShape, eventually } from '@kasa/testing';
import { jpeg } from '@kasa/testing/sample-files';
import { type Answer, file } from '../support/clients.ts';
import { wholeKasa } from '../support/whole-kasa.ts';

/**
 * The app's payment routes (SPEC §6 rows 11, 12, 18, 19) against the seed's answers (seeds/000
 * kasa-app/main.py payments_get, charges_get, liqpay, liqpay_callback), on the whole of Kasa.
 */
const { kasa, mobile, admin, approvedMember } = wholeKasa();
const today = () => seedDateOfCalendarDate(kyivDateOf(new Date()));

/** One approved member for the file, made by the first test that needs them. */
let member: ReturnType<typeof approvedMember> | undefined;
const theMember = () => {
  member ??= approvedMember('+380671800001', '300');
  return member;
};

/** A checkout for `amount` hryvnias, as the app asks for it. */
async function checkout(token: string, amount: number | string) {
  const asked = await mobile('POST', '/user/payments/liqpay', { amount }, token);
  assert.equal(asked.status, 200, JSON.stringify(asked.body));
  return asked;
}

/** LiqPay's callback form, signed with the fund's key, posted as LiqPay posts it. */
async function callback(params: Record<string, unknown>): Promise<Pick<Answer, 'status' | 'body'>> {
  const response = await fetch(`${kasa().mobileUrl}/user/payments/liqpay-callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: kasa().liqpay!.callbackBody(params),
  });
  return { status: response.status, body: await response.json() };
}

test('POST /user/payments/liqpay: {signature, data} for LiqPay', async () => {
  const { token } = await theMember();
  const asked = await checkout(token, 150);
  assertSeedShape(MobileLiqPayAnswer, asked.body, 'POST /user/payments/liqpay');
  const params = JSON.parse(Buffer.from(asked.body.data, 'base64').toString('utf8'));
  assert.equal(params.action, 'pay');
  assert.equal(Number(params.amount), 150);
  assert.equal(params.currency, 'UAH');
});

test('POST /user/payments/liqpay-callback: {status, message, data}; 404 for an unknown order', async () => {
  const { token } = await theMember();
  const asked = await checkout(token, 100);
  const { order_id: orderId } = JSON.parse(Buffer.from(asked.body.data, 'base64').toString('utf8'));
  const params = {
    version: 3,
    public_key: kasa().liqpay!.publicKey,
    action: 'pay',
    payment_id: 777_001,
    status: 'sandbox',
    amount: 100,
    currency: 'UAH',
    order_id: orderId,
  };
  const handled = await callback(params);
  assert.equal(handled.status, 200, JSON.stringify(handled.body));
  assertSeedShape(MobileLiqPayCallbackAnswer, handled.body, 'POST /user/payments/liqpay-callback');
  assert.equal(handled.body.status, 'success');
  assert.equal(handled.body.message, 'Платіж успішно підтверджено');
  assert.equal(handled.body.data.order_id, orderId);

  const unknown = await callback({ ...params, order_id: 'no-such-order' });
  assert.equal(unknown.status, 404);
  assertSeedShape(MobileLiqPayCallbackNotFound, unknown.body, 'POST /user/payments/liqpay-callback 404');
  assert.deepEqual(unknown.body, { status: 'error', message: 'Платіж не знайдено' });

  const forged = await fetch(`${kasa().mobileUrl}/user/payments/liqpay-callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      data: Buffer.from(JSON.stringify(params)).toString('base64'),
      signature: 'x',
    }),
  });
  assert.equal(forged.status, 400, "Kasa checks LiqPay's signature");
});

test('GET /user/payments/list: {date, sum as str(), payed_to}', async () => {
  const { token } = await theMember();
  const asked = await checkout(token, '299.50');
  assert.equal(await kasa().liqpay!.pay(asked.body, 'sandbox'), 200);
  const list = await eventually(
    async () => {
      const answer = await mobile('GET', '/user/payments/list', undefined, token);
      return answer.body.some((one: { sum: string }) => one.sum === '299.5') ? answer : null;
    },
    { timeoutMs: 15_000, message: 'the contribution in /user/payments/list' },
  );
  assert.equal(list.status, 200);
  assertSeedShape(MobilePaymentsAnswer, list.body, 'GET /user/payments/list');
  const paid = list.body.find((one: { sum: string }) => one.sum === '299.5');
  assert.equal(paid.date, today());
  assert.equal(typeof paid.sum, 'string');
  assert.ok(paid.payed_to === null || /^[0-9]{2}\.[0-9]{2}\.[0-9]{4}$/.test(paid.payed_to));
  assert.ok(
    list.body.some((one: { sum: string }) => one.sum === '100.0'),
    'a whole amount as 100.0',
  );
});

test('POST /user/charges/list: {date, sum as str(), diagnosis, request_id, type}, by payment day', async () => {
  const { token, memberId } = await theMember();
  const form = new FormData();
  form.append('comment', 'Перелом');
  form.append('files', file(jpeg(), 'receipt.jpg', 'image/jpeg'));
  const opened = await mobile('POST', '/user/request/create', form, token);
  assert.equal(opened.status, 200, JSON.stringify(opened.body));
  const requestId = opened.body.id;
  const granted = await admin('PUT', '/request', { id: requestId, diagnos: 'Перелом руки', suma: 1000 });
  assert.equal(granted.status, 200, JSON.stringify(granted.body));
  const day = kyivDateOf(new Date());
  await eventually(
    async () => {
      const entry = await admin('PUT', '/payment', {
        member: memberId,
        type: 3,
        request: requestId,
        date: today(),
        amount: '400.50',
      });
      return entry.status === 409 ? null : entry;
    },
    { timeoutMs: 15_000, message: 'the grant in the payment service' },
  );

  const charges = await mobile('POST', '/user/charges/list', { begin: today(), end: today() }, token);
  assert.equal(charges.status, 200);
  assertSeedShape(MobileChargesAnswer, charges.body, 'POST /user/charges/list');
  assert.deepEqual(charges.body, [
    {
      date: today(),
      sum: '400.5',
      diagnosis: 'Перелом руки',
      request_id: requestId,
      type: 'Часткове відшкодування',
    },
  ]);
  const tomorrow = seedDateOfCalendarDate(addCalendarDays(day, 1));
  const later = await mobile('POST', '/user/charges/list', { begin: tomorrow, end: tomorrow }, token);
  assert.deepEqual(later.body, [], 'filtered on the payment day');
  const unfiltered = await mobile('POST', '/user/charges/list', { begin: 'yesterday' }, token);
  assert.equal(unfiltered.status, 200, 'the seed answered every payout for a date it could not read');
  assert.equal(unfiltered.body.length, 1);
  const bodiless = await mobile('POST', '/user/charges/list', undefined, token);
  assert.equal(bodiless.status, 200, JSON.stringify(bodiless.body));
  assert.equal(bodiless.body.length, 1);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addCalendarDays, kyivDateOf, seedDateOfCalendarDate } from '@kasa/contracts';
import { eventually } from '@kasa/testing';
import { whenMemberReady, wholeKasa } from './support/whole-kasa.ts';

/**
 * Issue 6's flow: an approved member asks for a checkout through the mobile gateway, pays at
 * (a local) LiqPay, whose signed callback comes back through the gateway, and `profile/get`
 * shows the membership extended. Real services, RabbitMQ and MariaDB.
 */
const { kasa, mobile, admin, signUp, approvedMember } = wholeKasa();

test('a checkout paid at LiqPay extends the membership the member reads in profile/get', async () => {
  const { token } = await approvedMember('+380671234001', '300');
  assert.equal((await mobile('GET', '/user/profile/get', undefined, token)).body.expiration_date, null);

  const key = crypto.randomUUID();
  const asked = await fetch(`${kasa().mobileUrl}/user/payments/liqpay`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ amount: 600 }),
  });
  assert.equal(asked.status, 200);
  const checkout = (await asked.json()) as { data: string; signature: string };
  assert.deepEqual(Object.keys(checkout), ['data', 'signature']);
  // The app retries: the same checkout.
  const again = await fetch(`${kasa().mobileUrl}/user/payments/liqpay`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ amount: 600 }),
  });
  assert.deepEqual(await again.json(), checkout);

  // LiqPay posts its form to the mobile gateway's callback.
  assert.equal(await kasa().liqpay!.pay(checkout, 'sandbox'), 200);
  const want = seedDateOfCalendarDate(addCalendarDays(kyivDateOf(new Date()), 60));
  await eventually(
    async () => {
      const profile = await mobile('GET', '/user/profile/get', undefined, token);
      return profile.body.expiration_date === want ? true : null;
    },
    { timeoutMs: 15_000, message: `expiration_date ${want}` },
  );
  await eventually(
    async () => {
      const list = await mobile('GET', '/user/payments/list', undefined, token);
      return list.body[0]?.payed_to === want ? list.body : null;
    },
    { timeoutMs: 15_000, message: 'the contribution in /user/payments/list' },
  );
  assert.deepEqual((await mobile('GET', '/user/payments/list', undefined, token)).body, [
    { date: seedDateOfCalendarDate(kyivDateOf(new Date())), sum: '600.0', payed_to: want },
  ]);
  // The same callback again changes nothing.
  const paid = [...kasa().liqpay!.payments.values()].at(-1)!;
  const repeated = await kasa().liqpay!.sendCallback(`${kasa().mobileUrl}/user/payments/liqpay-callback`, {
    version: 3,
    public_key: kasa().liqpay!.publicKey,
    action: 'pay',
    payment_id: paid.paymentId,
    status: 'sandbox',
    amount: 600,
    currency: 'UAH',
    order_id: paid.orderId,
  });
  assert.equal(repeated, 200);
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal((await mobile('GET', '/user/profile/get', undefined, token)).body.expiration_date, want);
  assert.equal((await mobile('GET', '/user/payments/list', undefined, token)).body.length, 1);
});

test('checkout amounts are hryvnias with at most 2 decimals; a forged callback is 400', async () => {
  const token = await signUp('+380671234002');
  for (const amount of [0, -1, 1.234, 'abc']) {
    const answer = await mobile('POST', '/user/payments/liqpay', { amount }, token);
    assert.equal(answer.status, 400, `${amount}`);
    assert.deepEqual(Object.keys(answer.body), ['message']);
  }
  assert.equal((await mobile('POST', '/user/payments/liqpay', { amount: 100 })).status, 401);
  const forged = await fetch(`${kasa().mobileUrl}/user/payments/liqpay-callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      data: Buffer.from('{"order_id":"x","status":"success"}').toString('base64'),
      signature: 'forged',
    }),
  });
  assert.equal(forged.status, 400);
});

test('money is taken only from a member whose program prices it: no checkout, no manual contribution before', async () => {
  const token = await signUp('+380671234003');
  const memberId = Number(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub);
  const checkout = await whenMemberReady(() =>
    mobile('POST', '/user/payments/liqpay', { amount: 300 }, token),
  );
  assert.equal(checkout.status, 409);
  assert.deepEqual(checkout.body, {
    message: 'Choose a program in your profile before paying dues: they are priced by its monthly price',
  });
  const today = seedDateOfCalendarDate(kyivDateOf(new Date()));
  const manual = await admin('PUT', '/payment', { member: memberId, type: 1, date: today, amount: 300 });
  assert.equal(manual.status, 409);
  assert.equal(manual.body.status, 'error');
  assert.match(manual.body.message, /has not chosen a program/);
  assert.equal((await admin('POST', '/payments', { flagged: true })).body.total, 0);
});

test('amounts and ids take their own type only: a boolean, hex, an exponent or a list is a 400', async () => {
  const { token, memberId } = await approvedMember('+380671234004', '300');
  for (const amount of [true, '0x10', '1e3', ['a'], { value: 1 }]) {
    const answer = await mobile('POST', '/user/payments/liqpay', { amount }, token);
    assert.equal(answer.status, 400, JSON.stringify(amount));
    assert.deepEqual(Object.keys(answer.body), ['message']);
  }
  const today = seedDateOfCalendarDate(kyivDateOf(new Date()));
  for (const body of [
    { member: true, type: 1, date: today, amount: 300 },
    { member: memberId, type: 1, date: today, amount: ['a'] },
    { member: memberId, type: '1e0', date: today, amount: 300 },
    { member: '9'.repeat(400), type: 1, date: today, amount: 300 },
  ]) {
    const answer = await admin('PUT', '/payment', body);
    assert.equal(answer.status, 400, JSON.stringify(body));
  }
  for (const path of ['/request', '/member']) {
    const answer = await admin('POST', path, { id: '9'.repeat(400) });
    assert.equal(answer.status, 400, `${path}: ${JSON.stringify(answer.body)}`);
  }
  // The seed's clients send numbers or decimal strings: both still work.
  assert.equal((await mobile('POST', '/user/payments/liqpay', { amount: '300.50' }, token)).status, 200);
  const manual = await admin('PUT', '/payment', {
    member: String(memberId),
    type: '1',
    date: today,
    amount: '300',
  });
  assert.equal(manual.status, 200, JSON.stringify(manual.body));
});

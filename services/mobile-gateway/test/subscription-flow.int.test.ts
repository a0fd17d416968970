import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addCalendarDays, kyivDateOf, seedDateOfCalendarDate } from '@kasa/contracts';
import { claimsFor, eventually, signToken } from '@kasa/testing';
import { wholeKasa } from './support/whole-kasa.ts';

/**
 * Issue 6, automatic monthly dues: an approved member starts a LiqPay subscription at the
 * program's price through the mobile gateway, pays its checkout at (a local) LiqPay, and every
 * charge LiqPay reports back through the gateway extends the membership `profile/get` shows;
 * an administrator refunds one charge through the admin gateway and the membership shrinks
 * back; the member cancels. Real services, RabbitMQ and MariaDB.
 */
const { kasa, mobile, admin, signUp, approvedMember } = wholeKasa();

const today = () => kyivDateOf(new Date());
const daysFromToday = (days: number) => seedDateOfCalendarDate(addCalendarDays(today(), days));

async function expirationBecomes(token: string, want: string | null) {
  await eventually(
    async () => {
      const profile = await mobile('GET', '/user/profile/get', undefined, token);
      return profile.body.expiration_date === want ? true : null;
    },
    { timeoutMs: 15_000, message: `expiration_date ${want}` },
  );
}

test('monthly dues through LiqPay: each charge extends the membership, a refunded one takes its days back', async () => {
  const { token, certificate } = await approvedMember('+380671235001', '300');
  assert.equal((await mobile('GET', '/user/payments/subscription', undefined, token)).body, null);

  const asked = await mobile('POST', '/user/payments/subscribe', undefined, token);
  assert.equal(asked.status, 200, JSON.stringify(asked.body));
  assert.deepEqual(Object.keys(asked.body), ['data', 'signature']);
  const params = JSON.parse(Buffer.from(asked.body.data, 'base64').toString('utf8'));
  assert.equal(params.action, 'subscribe');
  assert.equal(params.subscribe_periodicity, 'month');
  assert.equal(params.amount, 300, "the program's month price, in hryvnias");
  assert.equal(params.server_url, `${kasa().mobileUrl}/user/payments/liqpay-callback`);
  const pending = await mobile('GET', '/user/payments/subscription', undefined, token);
  assert.deepEqual(pending.body, { state: 'pending', sum: 300, since: seedDateOfCalendarDate(today()) });

  // The member pays the checkout: LiqPay calls the mobile gateway back, the first month is paid.
  assert.equal(await kasa().liqpay!.pay(asked.body), 200);
  await expirationBecomes(token, daysFromToday(30));
  const active = await mobile('GET', '/user/payments/subscription', undefined, token);
  assert.deepEqual(active.body, { state: 'active', sum: 300, since: seedDateOfCalendarDate(today()) });
  assert.equal((await mobile('POST', '/user/payments/subscribe', undefined, token)).status, 409);

  // A month later LiqPay charges the card by itself: another 30 days.
  const { answer } = await kasa().liqpay!.charge(params.order_id);
  assert.equal(answer, 200);
  await expirationBecomes(token, daysFromToday(60));
  await eventually(
    async () => {
      const list = await mobile('GET', '/user/payments/list', undefined, token);
      return list.body.length === 2 && list.body.every((one: { payed_to: unknown }) => one.payed_to)
        ? true
        : null;
    },
    { timeoutMs: 15_000, message: 'both charges in /user/payments/list' },
  );

  // An administrator refunds the monthly charge: LiqPay returns it, the membership loses its 30 days.
  const register = await admin('POST', '/payments', { certificate });
  assert.equal(register.status, 200, JSON.stringify(register.body));
  const latest = register.body.data[0];
  assert.equal(latest.state, 'confirmed');
  const refunded = await admin('POST', '/payment/refund', {
    payment: latest.id,
    reason: 'Помилкове списання',
  });
  assert.equal(refunded.status, 200, JSON.stringify(refunded.body));
  assert.deepEqual(Object.keys(refunded.body).sort(), ['message', 'status']);
  await expirationBecomes(token, daysFromToday(30));
  const again = await admin('POST', '/payment/refund', { payment: latest.id });
  assert.equal(again.status, 409);
  assert.equal(again.body.message, 'This payment has already been refunded');

  // The member stops the dues.
  const stopped = await mobile('POST', '/user/payments/unsubscribe', undefined, token);
  assert.equal(stopped.status, 200, JSON.stringify(stopped.body));
  assert.deepEqual(stopped.body, { status: 'success', message: 'Automatic monthly dues are cancelled' });
  assert.equal((await mobile('GET', '/user/payments/subscription', undefined, token)).body, null);
  const none = await mobile('POST', '/user/payments/unsubscribe', undefined, token);
  assert.equal(none.status, 404);
  assert.deepEqual(Object.keys(none.body), ['message']);
});

test('dues need an approved profile; only administrators refund', async () => {
  const token = await signUp('+380671235002');
  const early = await mobile('POST', '/user/payments/subscribe', undefined, token);
  assert.equal(early.status, 409);
  assert.deepEqual(early.body, {
    message: 'Automatic monthly dues start once the fund approves your profile',
  });
  assert.equal((await mobile('POST', '/user/payments/subscribe')).status, 401);

  const staffToken = signToken(kasa().keys.privateKey, claimsFor({ sub: '2', aud: 'staff', role: 'staff' }));
  const notAdmin = await admin('POST', '/payment/refund', { payment: 1 }, staffToken);
  assert.equal(notAdmin.status, 403);
  const unknown = await admin('POST', '/payment/refund', { payment: 999_999 });
  assert.equal(unknown.status, 404);
});

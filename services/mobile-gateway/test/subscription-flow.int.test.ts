import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addCalendarDays, kyivDateOf, seedDateOfCalendarDate } from '@kasa/contracts';
import { claimsFor, eventually, signToken } from '@kasa/testing';
import { jpeg, pdf, png } from '@kasa/testing/sample-files';
import { clientsOf, file } from './support/clients.ts';
import { type KasaUnderTest, startKasa } from './support/kasa-under-test.ts';

/**
 * Issue 6, automatic monthly dues: an approved member starts a LiqPay subscription at the
 * program's price through the mobile gateway, pays its checkout at (a local) LiqPay, and every
 * charge LiqPay reports back through the gateway extends the membership `profile/get` shows;
 * an administrator refunds one charge through the admin gateway and the membership shrinks
 * back; the member cancels. Real services, RabbitMQ and MariaDB.
 */
let kasa: KasaUnderTest;
let adminToken: string;
before(async () => {
  kasa = await startKasa({ withMembers: true, withStaff: true, withPayments: true });
  adminToken = signToken(kasa.keys.privateKey, claimsFor({ sub: '1', aud: 'staff', role: 'admin' }));
});
after(() => kasa?.stop());

const { mobile, admin, signUp } = clientsOf(
  () => kasa,
  () => adminToken,
);

/** A member staff approved on a new program of `monthPrice` hryvnias: the token and certificate. */
async function approvedMember(phone: string, monthPrice: string) {
  const terms = new FormData();
  terms.append('program_name', `Програма ${phone}`);
  terms.append('month_price', monthPrice);
  terms.append('is_active', 'true');
  terms.append('new_program_file', file(pdf(), 'terms.pdf', 'application/pdf'));
  const created = await admin('PUT', '/program', terms);
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const token = await signUp(phone);
  const form = new FormData();
  for (const [name, value] of Object.entries({
    first_name: 'Олена',
    last_name: 'Коваль',
    email: 'olena@example.org',
    program_id: String(created.body.data.program_id),
    iban: 'UA213223130000026007233566001',
  })) {
    form.append(name, value);
  }
  form.append('inn', file(pdf(), 'inn.pdf', 'application/pdf'));
  form.append('id_1', file(jpeg(), 'front.jpg', 'image/jpeg'));
  form.append('id_2', file(png(), 'back.png', 'image/png'));
  assert.equal((await mobile('POST', '/user/profile/create', form, token)).status, 200);
  const memberId = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub;
  const certificate: string = (await admin('GET', '/member/generate_certificate')).body.data;
  const approved = await admin('PUT', '/member', { id: Number(memberId), certificate, is_submited: true });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  return { token, certificate };
}

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
  assert.equal(params.server_url, `${kasa.mobileUrl}/user/payments/liqpay-callback`);
  const pending = await mobile('GET', '/user/payments/subscription', undefined, token);
  assert.deepEqual(pending.body, { state: 'pending', sum: 300, since: seedDateOfCalendarDate(today()) });

  // The member pays the checkout: LiqPay calls the mobile gateway back, the first month is paid.
  assert.equal(await kasa.liqpay!.pay(asked.body), 200);
  await expirationBecomes(token, daysFromToday(30));
  const active = await mobile('GET', '/user/payments/subscription', undefined, token);
  assert.deepEqual(active.body, { state: 'active', sum: 300, since: seedDateOfCalendarDate(today()) });
  assert.equal((await mobile('POST', '/user/payments/subscribe', undefined, token)).status, 409);

  // A month later LiqPay charges the card by itself: another 30 days.
  const { answer } = await kasa.liqpay!.charge(params.order_id);
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

  const staffToken = signToken(kasa.keys.privateKey, claimsFor({ sub: '2', aud: 'staff', role: 'staff' }));
  const notAdmin = await admin('POST', '/payment/refund', { payment: 1 }, staffToken);
  assert.equal(notAdmin.status, 403);
  const unknown = await admin('POST', '/payment/refund', { payment: 999_999 });
  assert.equal(unknown.status, 404);
});

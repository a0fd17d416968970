import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addCalendarDays, httpDateOfDay, kyivDateOf, seedDateOfCalendarDate } from '@kasa/contracts';
import { eventually } from '@kasa/testing';
import { jpeg } from '@kasa/testing/sample-files';
import { file } from './support/clients.ts';
import { wholeKasa } from './support/whole-kasa.ts';

/**
 * Staff's side of the money (SPEC §7 rows 16, 17, 21 and 11; §6 row 11): payouts for a request
 * held to what was granted, a contribution entered by hand extending the membership, the
 * register, the request's and the member's cards, a reversing entry, and the member's list of
 * payouts. Real services, RabbitMQ and MariaDB.
 */
const { mobile, admin, approvedMember } = wholeKasa();
const today = () => seedDateOfCalendarDate(kyivDateOf(new Date()));

test('payouts against a grant, a manual contribution, the register, both cards and a reversal', async () => {
  const { token, memberId, certificate } = await approvedMember('+380671250001', '300');
  const form = new FormData();
  form.append('comment', 'Ліки після операції');
  form.append('files', file(jpeg(), 'receipt.jpg', 'image/jpeg'));
  const opened = await mobile('POST', '/user/request/create', form, token);
  assert.equal(opened.status, 200, JSON.stringify(opened.body));
  const requestId = opened.body.id;

  const entry = (body: Record<string, unknown>) =>
    admin('PUT', '/payment', { member: memberId, date: today(), ...body });
  const early = await entry({ type: 3, request: requestId, amount: 100 });
  assert.equal(early.status, 409, 'nothing granted yet');
  assert.equal(
    (await admin('PUT', '/request', { id: requestId, diagnos: 'Перелом', suma: 1000 })).status,
    200,
  );
  // The grant reaches the payment service by event.
  const partial = await eventually(
    async () => {
      const answer = await entry({ type: 3, request: requestId, amount: '400.50' });
      return answer.status === 409 ? null : answer;
    },
    { timeoutMs: 15_000, message: 'the grant in the payment service' },
  );
  assert.equal(partial.status, 200, JSON.stringify(partial.body));
  assert.equal(partial.body.message, 'Інформацію про платіж додано');
  assert.deepEqual(
    {
      payment_type: partial.body.data.payment_type,
      amount: partial.body.data.amount,
      payment_date: partial.body.data.payment_date,
      iban: partial.body.data.iban,
    },
    {
      payment_type: { id: 3, name: 'Часткове відшкодування' },
      amount: 400.5,
      payment_date: httpDateOfDay(kyivDateOf(new Date())),
      iban: 'UA213223130000026007233566001',
    },
  );
  const over = await entry({ type: 2, request: requestId, amount: 600 });
  assert.equal(over.status, 409);
  assert.match(over.body.message, /599\.50 UAH/);
  assert.equal((await entry({ type: 2, request: requestId, amount: 599.5 })).status, 200);
  assert.equal((await entry({ type: 2, request: requestId, amount: 'ten' })).status, 400);
  assert.equal((await entry({ type: 9, amount: 1 })).status, 400);
  assert.equal((await entry({ type: 1, amount: 1, date: '31.02.2026' })).status, 400);
  assert.equal(
    (await admin('PUT', '/payment', { member: 999_999, type: 1, date: today(), amount: 1 })).status,
    404,
  );

  // The request's card: both payouts, the types staff can record, and what was paid.
  const card = await eventually(
    async () => {
      const answer = await admin('POST', '/request', { request: requestId });
      return answer.body.data.paid === 1000 ? answer.body.data : null;
    },
    { timeoutMs: 15_000, message: 'the payouts on the request' },
  );
  assert.deepEqual(
    card.charges.map((charge: { amount: number }) => charge.amount),
    [599.5, 400.5],
  );
  assert.deepEqual(card.types, [
    { id: 2, name: 'Відшкодування' },
    { id: 3, name: 'Часткове відшкодування' },
  ]);

  // The member's own list of payouts, with the diagnosis.
  const charges = await mobile('POST', '/user/charges/list', { begin: today(), end: today() }, token);
  assert.equal(charges.status, 200);
  assert.deepEqual(charges.body, [
    { date: today(), sum: '599.5', diagnosis: 'Перелом', request_id: requestId, type: 'Відшкодування' },
    {
      date: today(),
      sum: '400.5',
      diagnosis: 'Перелом',
      request_id: requestId,
      type: 'Часткове відшкодування',
    },
  ]);
  const lastYear = await mobile(
    'POST',
    '/user/charges/list',
    { begin: '01.01.2020', end: '31.12.2020' },
    token,
  );
  assert.deepEqual(lastYear.body, []);
  // The seed answered every payout for a date it could not read.
  const unread = await mobile('POST', '/user/charges/list', { begin: 'yesterday' }, token);
  assert.equal(unread.status, 200);
  assert.equal(unread.body.length, 2);

  // Cash at the office: a contribution entered by hand extends the membership by 30 days.
  const cash = await entry({ type: 1, amount: 300, note: 'готівкою в офісі' });
  assert.equal(cash.status, 200, JSON.stringify(cash.body));
  const want = seedDateOfCalendarDate(addCalendarDays(kyivDateOf(new Date()), 30));
  await eventually(
    async () =>
      (await mobile('GET', '/user/profile/get', undefined, token)).body.expiration_date === want
        ? true
        : null,
    { timeoutMs: 15_000, message: `expiration_date ${want}` },
  );

  // The register: by type, by amount, by certificate; AND.
  const register = (body: Record<string, unknown>) => admin('POST', '/payments', body);
  const contributions = await register({ type: [1] });
  assert.equal(contributions.status, 200);
  assert.ok(contributions.body.data.some((one: { id: number }) => one.id === cash.body.data.id));
  const theirs = await register({ certificate, type: [2, 3] });
  assert.equal(theirs.body.total, 2);
  assert.equal(theirs.body.data[0].member.certificate, certificate);
  const small = await register({ certificate, amount_start: 300, amount_end: 400.5 });
  assert.deepEqual(
    small.body.data.map((one: { amount: number }) => one.amount),
    [300, 400.5],
  );
  assert.equal((await register({ certificate: 'no-such-certificate' })).body.total, 0);

  // A mistake corrected: the partial payout reversed.
  const reversed = await admin('POST', '/payment/reverse', {
    payment: partial.body.data.id,
    note: 'не той рахунок',
  });
  assert.equal(reversed.status, 200, JSON.stringify(reversed.body));
  assert.equal(reversed.body.data.amount, -400.5);
  assert.equal(
    (await admin('POST', '/payment/reverse', { payment: partial.body.data.id, note: 'ще раз' })).status,
    409,
  );
  await eventually(
    async () =>
      (await admin('POST', '/request', { request: requestId })).body.data.paid === 599.5 ? true : null,
    { timeoutMs: 15_000, message: 'the reversal on the request' },
  );
  const memberCard = await admin('POST', '/member', { id: memberId });
  assert.deepEqual(
    memberCard.body.payments.map((one: { amount: number; payment_type: { id: number } }) => [
      one.payment_type.id,
      one.amount,
    ]),
    [
      [3, 400.5],
      [2, 599.5],
      [1, 300],
      [3, -400.5],
    ],
    'by payment date, then as entered, as the seed ordered them',
  );
});

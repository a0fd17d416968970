import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AdminPaymentCreateAnswer,
  AdminPaymentError,
  AdminPaymentsAnswer,
  httpDateOfDay,
  kyivDateOf,
  seedDateOfCalendarDate,
} from '@kasa/contracts';
import { assertSeedShape, eventually } from '@kasa/testing';
import { jpeg } from '@kasa/testing/sample-files';
import { file } from '../../../mobile-gateway/test/support/clients.ts';
import { wholeKasa } from '../../../mobile-gateway/test/support/whole-kasa.ts';

/**
 * Admin routes 16 and 17 answer what the seed's admin site reads (seeds/000 admin-app/main.py
 * payment_create, payments_get), on the whole of Kasa.
 */
const { mobile, admin, approvedMember } = wholeKasa();

const HTTP_DATE = /^[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$/;
const todayIso = () => kyivDateOf(new Date());

let made: ReturnType<typeof approvedMember> | undefined;
/** The member of this file, made once by the first test that needs them. */
const theMember = () => {
  made ??= approvedMember('+380671780001', '200');
  return made;
};

test('PUT /payment: `Інформацію про платіж додано` with the payment row', async () => {
  const { memberId, token } = await theMember();
  const contribution = await admin('PUT', '/payment', {
    member: memberId,
    type: 1,
    date: seedDateOfCalendarDate(todayIso()),
    amount: 200,
  });
  assert.equal(contribution.status, 200, JSON.stringify(contribution.body));
  assertSeedShape(AdminPaymentCreateAnswer, contribution.body, 'PUT /payment');
  assert.equal(contribution.body.status, 'success');
  assert.equal(contribution.body.message, 'Інформацію про платіж додано');
  const row = contribution.body.data;
  assert.deepEqual(row.payment_type, { id: 1, name: 'Поповнення' });
  assert.equal(row.amount, 200);
  assert.equal(row.payment_date, httpDateOfDay(todayIso()), "the day's midnight, RFC 1123");
  assert.match(row.created_at, HTTP_DATE);
  assert.equal(row.member.id, memberId);
  assert.equal(row.request, null, 'a contribution is for no request');
  assert.equal(row.payment_identifier, null, 'staff entered it: no LiqPay order');

  // A payout nests its request row, with the request's member.
  const form = new FormData();
  form.append('comment', 'Ліки');
  form.append('files', file(jpeg(), 'receipt.jpg', 'image/jpeg'));
  const opened = await mobile('POST', '/user/request/create', form, token);
  const requestId = opened.body.id ?? opened.body.data?.id;
  assert.equal(typeof requestId, 'number', JSON.stringify(opened.body));
  assert.equal((await admin('PUT', '/request', { id: requestId, diagnos: 'Грип', suma: 500 })).status, 200);
  const payout = await eventually(
    async () => {
      const answer = await admin('PUT', '/payment', {
        member: memberId,
        type: 2,
        request: requestId,
        date: todayIso(),
        amount: '500.00',
      });
      return answer.status === 200 ? answer : null;
    },
    { message: 'the payout accepted once the grant is known' },
  );
  assertSeedShape(AdminPaymentCreateAnswer, payout.body, 'PUT /payment (payout)');
  assert.deepEqual(payout.body.data.payment_type, { id: 2, name: 'Відшкодування' });
  assert.equal(payout.body.data.request.id, requestId);
  assert.equal(payout.body.data.request.suma, 500);
  assert.equal(payout.body.data.request.member.id, memberId);
  assert.equal(payout.body.data.iban, 'UA213223130000026007233566001', "the member's account");

  const unknownMember = await admin('PUT', '/payment', {
    member: 999_999,
    type: 1,
    date: todayIso(),
    amount: 1,
  });
  assert.equal(unknownMember.status, 404);
  assertSeedShape(AdminPaymentError, unknownMember.body, 'PUT /payment 404');
});

test('POST /payments: `{status, data}` of payment rows, filters ANDed, `total` and `sum` of all that match', async () => {
  const { memberId, certificate } = await theMember();
  const entered = await admin('PUT', '/payment', {
    member: memberId,
    type: 1,
    date: todayIso(),
    amount: 123.45,
  });
  assert.equal(entered.status, 200, JSON.stringify(entered.body));

  const register = await admin('POST', '/payments', {});
  assert.equal(register.status, 200, JSON.stringify(register.body));
  assertSeedShape(AdminPaymentsAnswer, register.body, 'POST /payments');
  assert.equal(register.body.status, 'success');
  assert.ok(register.body.total >= 1);
  const row = register.body.data.find((payment: { id: number }) => payment.id === entered.body.data.id);
  assert.ok(row, 'the entry is in the register, contributions included');
  assert.equal(row.amount, 123.45);
  assert.equal(row.member.certificate, certificate);
  assert.equal(row.state, 'confirmed', "Kasa's state kept");

  // AND, not the seed's OR: this member's contributions of at least 100 hryvnias.
  const narrowed = await admin('POST', '/payments', {
    certificate,
    type: [1],
    amount_start: 100,
    amount_end: 150,
    date_start: seedDateOfCalendarDate(todayIso()),
    date_end: seedDateOfCalendarDate(todayIso()),
  });
  assert.equal(narrowed.status, 200, JSON.stringify(narrowed.body));
  assertSeedShape(AdminPaymentsAnswer, narrowed.body, 'POST /payments (filtered)');
  assert.deepEqual(
    narrowed.body.data.map((payment: { id: number }) => payment.id),
    [entered.body.data.id],
  );
  // Kasa's `sum`: the amounts of everything that matches, in hryvnias, not of the page alone.
  assert.equal(narrowed.body.sum, 123.45);
  const paged = await admin('POST', '/payments', { certificate, limit: 1, offset: 0 });
  assert.equal(paged.body.data.length, 1);
  assert.ok(paged.body.total >= 2);
  const all = await admin('POST', '/payments', { certificate });
  assert.equal(all.body.data.length, all.body.total, 'one page holds them all');
  assert.equal(
    paged.body.sum,
    Math.round(
      all.body.data.reduce((sum: number, payment: { amount: number }) => sum + payment.amount * 100, 0),
    ) / 100,
  );
});

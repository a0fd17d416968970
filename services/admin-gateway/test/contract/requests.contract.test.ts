import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AdminRequestAnswer,
  AdminRequestMessageAnswer,
  AdminRequestNotFound,
  AdminRequestsAnswer,
  AdminRequestUpdateAnswer,
  kyivDateOf,
  SEED_REQUEST_STATUSES,
  seedDateOfCalendarDate,
} from '@kasa/contracts';
import { assertSeedShape, eventually } from '@kasa/testing';
import { jpeg } from '@kasa/testing/sample-files';
import { file } from '../../../mobile-gateway/test/support/clients.ts';
import { wholeKasa } from '../../../mobile-gateway/test/support/whole-kasa.ts';

/**
 * Admin routes 18–21 answer what the seed's admin site reads (seeds/000 admin-app/main.py
 * requests_get, request_get, request_update, request_message_new), on the whole of Kasa.
 */
const { mobile, admin, approvedMember } = wholeKasa();

const SEED_DAY = /^[0-9]{2}\.[0-9]{2}\.[0-9]{4}$/;
const SHORT_SEED_DAY = /^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$/;
const HTTP_DATE = /^[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$/;
const today = () => seedDateOfCalendarDate(kyivDateOf(new Date()));

/** A request the member opens through the app, with one receipt. */
async function openRequest(token: string, comment: string): Promise<number> {
  const form = new FormData();
  form.append('comment', comment);
  form.append('files', file(jpeg(), 'receipt.jpg', 'image/jpeg'));
  const opened = await mobile('POST', '/user/request/create', form, token);
  assert.ok(opened.status === 200 || opened.status === 201, JSON.stringify(opened.body));
  const id = opened.body.id ?? opened.body.data?.id;
  assert.equal(typeof id, 'number', JSON.stringify(opened.body));
  return id;
}

const memberA = approvedMemberOnce('+380671770001');
const memberB = approvedMemberOnce('+380671770002');

/** Each member is made once, by the first test that needs them. */
function approvedMemberOnce(phone: string) {
  let made: ReturnType<typeof approvedMember> | undefined;
  return () => {
    made ??= approvedMember(phone, '250');
    return made;
  };
}

test('POST /requests: the seed rows, opened by default, every match without a limit', async () => {
  const a = await memberA();
  const b = await memberB();
  const first = await openRequest(a.token, 'Ліки після операції');
  const second = await openRequest(b.token, 'Обстеження');

  const all = await admin('POST', '/requests', {});
  assert.equal(all.status, 200, JSON.stringify(all.body));
  assertSeedShape(AdminRequestsAnswer, all.body, 'POST /requests');
  const row = all.body.data.find((entry: { id: number }) => entry.id === first);
  assert.ok(row, 'the opened request is listed by default');
  assert.equal(row.request_text, 'Ліки після операції');
  assert.equal(row.suma, 0);
  assert.match(row.created_at, SEED_DAY);
  assert.equal(row.updated_at, today());
  assert.deepEqual(row.status, SEED_REQUEST_STATUSES[0]);
  assert.equal(row.member.id, a.memberId);
  assert.equal(row.member.certificate, a.certificate);
  assert.match(row.member.created_at, HTTP_DATE, 'the nested member row renders its datetimes');
  assert.ok(
    all.body.data.some((entry: { id: number }) => entry.id === second),
    'both members’ requests, without paging',
  );

  const page = await admin('POST', '/requests', { status: ['opened'], limit: 1, offset: 0 });
  assert.equal(page.status, 200);
  assert.equal(page.body.data.length, 1, 'a page when the site asks for one');
  assert.ok(page.body.total >= 2);

  const byCertificate = await admin('POST', '/requests', { query: b.certificate });
  assert.deepEqual(
    byCertificate.body.data.map((entry: { id: number }) => entry.id),
    [second],
  );
  const closedOnly = await admin('POST', '/requests', { status: ['closed'], query: a.certificate });
  assert.deepEqual(closedOnly.body.data, []);
  assert.equal((await admin('POST', '/requests', { status: ['lost'] })).status, 400, 'an unknown status');
});

test('PUT /request: `Запит успішно оновлено`, and 404 for an unknown request', async () => {
  const a = await memberA();
  const id = await openRequest(a.token, 'Реабілітація');
  const updated = await admin('PUT', '/request', {
    id,
    request_text: 'Реабілітація після травми',
    diagnos: 'Перелом',
    suma: 1500.5,
    member: a.memberId,
  });
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
  assertSeedShape(AdminRequestUpdateAnswer, updated.body, 'PUT /request');
  assert.deepEqual(updated.body, { status: 'success', message: 'Запит успішно оновлено' });
  const card = await admin('POST', '/request', { request: id, member: a.memberId });
  assert.equal(card.body.data.suma, 1500.5);
  assert.equal(card.body.data.diagnos, 'Перелом');
  assert.equal(card.body.data.request_text, 'Реабілітація після травми');

  const unknown = await admin('PUT', '/request', { id: 999_999, diagnos: 'x', suma: 1 });
  assert.equal(unknown.status, 404);
  assertSeedShape(AdminRequestNotFound, unknown.body, 'PUT /request 404');
  assert.deepEqual(unknown.body, { status: 'error', message: 'Запит не знайдено' });
});

test('POST /request/message: `Повідомлення додано`, the request awaits the member; 404 unknown', async () => {
  const a = await memberA();
  const id = await openRequest(a.token, 'Ліки');
  const posted = await admin('POST', '/request/message', { request_id: id, message: 'Надішліть виписку' });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  assertSeedShape(AdminRequestMessageAnswer, posted.body, 'POST /request/message');
  assert.deepEqual(posted.body, { status: 'success', message: 'Повідомлення додано' });
  const card = await admin('POST', '/request', { request: id });
  assert.deepEqual(
    card.body.data.status,
    SEED_REQUEST_STATUSES.find(({ alias }) => alias === 'awaiting_client'),
  );

  const unknown = await admin('POST', '/request/message', { request_id: 999_999, message: 'Є?' });
  assert.equal(unknown.status, 404);
  assertSeedShape(AdminRequestNotFound, unknown.body, 'POST /request/message 404');
  assert.deepEqual(unknown.body, { status: 'error', message: 'Запит не знайдено' });
});

test('POST /request: the row with messages, files, payouts and the payout types; 404 unknown', async () => {
  const a = await memberA();
  const id = await openRequest(a.token, 'Операція');
  assert.equal(
    (await mobile('POST', `/user/request/${id}/message`, { message: 'Додаю чек' }, a.token)).status,
    200,
  );
  assert.equal(
    (await admin('POST', '/request/message', { request_id: id, message: 'Прийнято' })).status,
    200,
  );
  assert.equal((await admin('PUT', '/request', { id, diagnos: 'Апендицит', suma: 800 })).status, 200);
  // The grant reaches the payment service by event; the payout then counts against it.
  await eventually(
    async () => {
      const paid = await admin('PUT', '/payment', {
        member: a.memberId,
        type: 3,
        request: id,
        date: today(),
        amount: 300,
      });
      return paid.status === 200 ? paid : null;
    },
    { message: 'a partial payout accepted once the grant is known' },
  );

  // What was paid reaches the request service by event too.
  const card = await eventually(
    async () => {
      const answer = await admin('POST', '/request', { request: id, member: a.memberId });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body.data.paid === 300 ? answer : null;
    },
    { message: 'the payout counted on the request' },
  );
  assertSeedShape(AdminRequestAnswer, card.body, 'POST /request');
  const data = card.body.data;
  assert.match(data.created_at, SHORT_SEED_DAY, 'the seed wrote %d.%m.%y here');
  assert.match(data.updated_at, SEED_DAY);
  assert.equal(data.member.id, a.memberId);
  assert.equal(data.suma, 800);

  const [fromMember, fromStaff] = data.messages;
  assert.equal(fromMember.message, 'Додаю чек');
  assert.equal(fromMember.member.id, a.memberId);
  assert.equal(fromMember.user, null);
  assert.equal(fromStaff.message, 'Прийнято');
  assert.equal(fromStaff.member, null);
  assert.match(fromStaff.created_at, HTTP_DATE);
  assert.equal(fromStaff.request.id, id);

  assert.equal(data.files.length, 1);
  assert.equal(data.files[0].request.id, id);
  assert.equal(data.files[0].member.id, a.memberId);
  assert.match(data.files[0].created_at, HTTP_DATE);

  assert.equal(data.charges.length, 1);
  assert.deepEqual(data.charges[0].payment_type, { id: 3, name: 'Часткове відшкодування' });
  assert.equal(data.charges[0].amount, 300);
  assert.equal(data.charges[0].request.id, id);
  assert.equal(data.paid, 300);
  assert.deepEqual(data.types, [
    { id: 2, name: 'Відшкодування' },
    { id: 3, name: 'Часткове відшкодування' },
  ]);

  const unknown = await admin('POST', '/request', { request: 999_999 });
  assert.equal(unknown.status, 404);
  assertSeedShape(AdminRequestNotFound, unknown.body, 'POST /request 404');
  assert.deepEqual(unknown.body, { status: 'error', message: 'Вказаний запит не знайдено' });
});

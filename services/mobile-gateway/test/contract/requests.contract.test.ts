import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  MobileRequestAnswer,
  MobileRequestCreateAnswer,
  MobileRequestFormError,
  MobileRequestListAnswer,
  MobileRequestMessageAnswer,
  MobileRequestMessageError,
  MobileRequestNotFound,
  MobileRequestUpdateAnswer,
  SeedUserRow,
} from '@kasa/contracts';
import { assertSeedShape, claimsFor, signToken } from '@kasa/testing';
import { jpeg, pdf, png } from '@kasa/testing/sample-files';
import { createFirstAdmin } from '../../../auth/src/application/create-first-admin.ts';
import { file } from '../support/clients.ts';
import { wholeKasa } from '../support/whole-kasa.ts';

/**
 * The app's aid request routes (SPEC §6 rows 13–17) against the seed's answers (seeds/000
 * kasa-app/main.py request_list, request_get, request_message_new, request_create,
 * request_update), on the whole of Kasa.
 */
const { kasa, mobile, admin, signUp } = wholeKasa();

const SEED_DAY = /^[0-9]{2}\.[0-9]{2}\.[0-9]{4}$/;
const HTTP_DATE = /^[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$/;

/** A member signed up once, by the first test that needs them (not approved: requests come first). */
function memberOnce(phone: string) {
  let made: Promise<{ token: string; memberId: number }> | undefined;
  return () => {
    made ??= signUp(phone).then((token) => ({
      token,
      memberId: Number(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub),
    }));
    return made;
  };
}
const owner = memberOnce('+380671790001');
const stranger = memberOnce('+380671790002');

/** The app's create form: the comment, and receipts under names of the app's own. */
async function openRequest(token: string, comment = 'Ліки після операції') {
  const form = new FormData();
  form.append('comment', comment);
  form.append('file0', file(jpeg(), 'receipt.jpg', 'image/jpeg'));
  form.append('photo', file(png(), 'scan.png', 'image/png'));
  return mobile('POST', '/user/request/create', form, token);
}

test('POST /user/request/create: 200, the request as request_get, files under any name', async () => {
  const { token, memberId } = await owner();
  const opened = await openRequest(token);
  assert.equal(opened.status, 200, JSON.stringify(opened.body));
  assertSeedShape(MobileRequestCreateAnswer, opened.body, 'POST /user/request/create');
  const body = opened.body;
  assert.equal(body.status, 'opened');
  assert.equal(body.comment, 'Ліки після операції');
  assert.equal(body.sum, 0);
  assert.match(body.date, SEED_DAY);
  assert.deepEqual(body.messages, []);
  assert.equal(body.files.length, 2);
  for (const one of body.files) {
    assert.equal(one.request.id, body.id);
    assert.deepEqual(one.request.status, { id: 1, name: one.request.status.name, alias: 'opened' });
    assert.equal(one.request.member.id, memberId);
    assert.equal(one.member.id, memberId);
    assert.match(one.created_at, HTTP_DATE);
    const download = await mobile('GET', new URL(one.url).pathname, undefined, token);
    assert.equal(download.status, 200);
  }

  const noComment = new FormData();
  noComment.append('file0', file(jpeg(), 'receipt.jpg', 'image/jpeg'));
  const refused = await mobile('POST', '/user/request/create', noComment, token);
  assert.equal(refused.status, 400);
  assertSeedShape(MobileRequestFormError, refused.body, 'POST /user/request/create 400');
  assert.equal(refused.body.error, 'Comment is absent');
});

test('POST /user/request/update: 200, the request with its new files; 400 without an id', async () => {
  const { token } = await owner();
  const { id } = (await openRequest(token, 'Аналізи')).body;
  const more = new FormData();
  more.append('id', String(id));
  more.append('file1', file(pdf(), 'statement.pdf', 'application/pdf'));
  const added = await mobile('POST', '/user/request/update', more, token);
  assert.equal(added.status, 200, JSON.stringify(added.body));
  assertSeedShape(MobileRequestUpdateAnswer, added.body, 'POST /user/request/update');
  assert.equal(added.body.id, id);
  assert.equal(added.body.files.length, 3);

  const bare = new FormData();
  bare.append('id', String(id));
  const unchanged = await mobile('POST', '/user/request/update', bare, token);
  assert.equal(unchanged.status, 200, 'no files: the request as it is');
  assert.equal(unchanged.body.files.length, 3);

  const noId = new FormData();
  noId.append('file1', file(jpeg(), 'receipt.jpg', 'image/jpeg'));
  const refused = await mobile('POST', '/user/request/update', noId, token);
  assert.equal(refused.status, 400);
  assertSeedShape(MobileRequestFormError, refused.body, 'POST /user/request/update 400');
  assert.equal(refused.body.error, 'Request id not valid');

  const other = new FormData();
  other.append('id', String(id));
  other.append('file1', file(jpeg(), 'receipt.jpg', 'image/jpeg'));
  assert.equal((await mobile('POST', '/user/request/update', other, (await stranger()).token)).status, 404);
});

test('POST /user/request/list: the seed items, the status filter, only the member’s own', async () => {
  const { token, memberId } = await owner();
  const { id } = (await openRequest(token, 'Стоматолог')).body;
  const list = await mobile('POST', '/user/request/list', {}, token);
  assert.equal(list.status, 200);
  assertSeedShape(MobileRequestListAnswer, list.body, 'POST /user/request/list');
  const item = list.body.find((one: { id: number }) => one.id === id);
  assert.equal(item.comment, 'Стоматолог');
  assert.equal(item.status, 'opened');
  assert.equal(item.files[0].request.member.id, memberId);
  assert.equal(item.messages, undefined, 'the list has no conversation');

  const bodiless = await mobile('POST', '/user/request/list', undefined, token);
  assert.equal(bodiless.status, 200, 'the seed took no body as {}');
  assert.ok(bodiless.body.some((one: { id: number }) => one.id === id));
  const closed = await mobile('POST', '/user/request/list', { status: ['closed'] }, token);
  assert.deepEqual(closed.body, []);
  assert.deepEqual((await mobile('POST', '/user/request/list', {}, (await stranger()).token)).body, []);
});

test('GET /user/request/:id: messages as seed rows with member or user; 404 for another’s', async () => {
  const { token, memberId } = await owner();
  const made = await createFirstAdmin(kasa().auth.context.messaging.unitOfWork, {
    login: 'fund-head',
    name: 'Голова фонду',
    email: 'head@example.org',
  });
  assert.equal(made.kind, 'created');
  const staffId = made.kind === 'created' ? made.created.user.id : 0;
  const staffToken = signToken(
    kasa().keys.privateKey,
    claimsFor({ sub: String(staffId), aud: 'staff', role: 'admin' }),
  );

  const { id } = (await openRequest(token, 'Операція')).body;
  const asked = await admin(
    'POST',
    '/request/message',
    { request_id: id, message: 'Додайте виписку' },
    staffToken,
  );
  assert.equal(asked.status, 200, JSON.stringify(asked.body));
  const note = await admin(
    'POST',
    '/request/message',
    { request_id: id, message: 'Перевірити аптеку', internal: true },
    staffToken,
  );
  assert.equal(note.status, 200);
  assert.equal(
    (await mobile('POST', `/user/request/${id}/message`, { message: 'Додала' }, token)).status,
    200,
  );

  const seen = await mobile('GET', `/user/request/${id}`, undefined, token);
  assert.equal(seen.status, 200, JSON.stringify(seen.body));
  assertSeedShape(MobileRequestAnswer, seen.body, 'GET /user/request/:id');
  assert.equal(seen.body.status, 'awaiting_agent');
  const [fromStaff, fromMember, ...rest] = seen.body.messages;
  assert.deepEqual(rest, [], 'the internal note stays with staff');
  assert.equal(fromStaff.message, 'Додайте виписку');
  assert.equal(fromStaff.member, null);
  assertSeedShape(SeedUserRow, fromStaff.user, 'the staff author');
  assert.equal(fromStaff.user.id, staffId);
  assert.equal(fromStaff.user.name, 'Голова фонду');
  assert.equal(fromStaff.user.password, undefined);
  assert.equal(fromMember.message, 'Додала');
  assert.equal(fromMember.user, null);
  assert.equal(fromMember.member.id, memberId);
  assert.match(fromMember.created_at, HTTP_DATE);
  assert.match(fromMember.updated_at, HTTP_DATE);
  assert.equal(fromMember.request.id, id);
  assert.equal(fromMember.request.request_text, 'Операція');

  const other = await mobile('GET', `/user/request/${id}`, undefined, (await stranger()).token);
  assert.equal(other.status, 404);
  assertSeedShape(MobileRequestNotFound, other.body, 'GET /user/request/:id 404');
  assert.deepEqual(other.body, { status: 'error', message: 'Вказаний запит не знайдено' });
});

test('POST /user/request/:id/message: {status, message}; 404 with status for another’s', async () => {
  const { token } = await owner();
  const { id } = (await openRequest(token, 'Ліки')).body;
  const sent = await mobile(
    'POST',
    `/user/request/${id}/message`,
    { request_id: id, message: 'Ще чек' },
    token,
  );
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  assertSeedShape(MobileRequestMessageAnswer, sent.body, 'POST /user/request/:id/message');
  assert.deepEqual(sent.body, { status: 'success', message: 'Повідомлення додано' });

  const other = await mobile(
    'POST',
    `/user/request/${id}/message`,
    { message: 'чуже' },
    (await stranger()).token,
  );
  assert.equal(other.status, 404);
  assertSeedShape(MobileRequestMessageError, other.body, 'POST /user/request/:id/message 404');
  assert.deepEqual(other.body, { status: 'error', message: 'Запит не знайдено' });
  const empty = await mobile('POST', `/user/request/${id}/message`, {}, token);
  assert.equal(empty.status, 400);
  assertSeedShape(MobileRequestMessageError, empty.body, 'POST /user/request/:id/message 400');
});

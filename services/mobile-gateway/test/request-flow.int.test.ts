import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { claimsFor, eventually, signToken } from '@kasa/testing';
import { jpeg, png } from '@kasa/testing/sample-files';
import { clientsOf, file } from './support/clients.ts';
import { type KasaUnderTest, startKasa } from './support/kasa-under-test.ts';

/**
 * Issue 5's story through both gateways: a member opens a request with photos, staff answer,
 * the member replies with another photo, staff set the diagnosis and the amount and close it,
 * and both sides read the same conversation. Real services, RabbitMQ and MariaDB.
 */
let kasa: KasaUnderTest;
let adminToken: string;
before(async () => {
  kasa = await startKasa({ withMembers: true, withStaff: true });
  adminToken = signToken(kasa.keys.privateKey, claimsFor({ sub: '1', aud: 'staff', role: 'admin' }));
});
after(() => kasa?.stop());

const { mobile, admin, signUp } = clientsOf(
  () => kasa,
  () => adminToken,
);

const idsOf = (list: { id: number }[]) => list.map(({ id }) => id);

test('open a request with photos, talk it through with staff, have it assessed and closed', async () => {
  const token = await signUp('+380671240001');
  const memberId = (await mobile('GET', '/user/session', undefined, token)).body.member_id;

  const form = new FormData();
  form.append('comment', 'Ліки після операції, чеки додаю');
  form.append('files', file(jpeg(), 'receipt-1.jpg', 'image/jpeg'));
  form.append('files', file(png(), 'receipt-2.png', 'image/png'));
  const opened = await mobile('POST', '/user/request/create', form, token);
  assert.equal(opened.status, 200, JSON.stringify(opened.body));
  const requestId = opened.body.id;
  assert.equal(opened.body.status, 'opened');
  assert.equal(opened.body.sum, 0);
  assert.equal(opened.body.files.length, 2);
  const photo = await mobile('GET', new URL(opened.body.files[0].url).pathname, undefined, token);
  assert.equal(photo.status, 200);
  assert.equal(photo.headers.get('content-type'), 'image/jpeg');
  assert.equal(photo.headers.get('x-content-type-options'), 'nosniff');

  const onAttentionList = async () =>
    idsOf((await admin('POST', '/members', { filter: { query: '' } })).body.data).includes(memberId);
  await eventually(async () => ((await onAttentionList()) ? true : null), {
    message: 'a member with a new request on the attention list',
  });

  const waiting = await admin('POST', '/requests', { status: ['opened'] });
  assert.equal(waiting.status, 200, JSON.stringify(waiting.body));
  const listed = waiting.body.data.find((entry: { id: number }) => entry.id === requestId);
  assert.equal(listed.member.id, memberId);
  const card = await admin('POST', '/member', { id: memberId });
  assert.deepEqual(idsOf(card.body.requests), [requestId], "on the member's card");

  const answered = await admin('POST', '/request/message', {
    request_id: requestId,
    message: 'Додайте, будь ласка, виписку лікаря',
  });
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
  await eventually(async () => ((await onAttentionList()) ? null : true), {
    message: 'off the attention list once staff answered',
  });
  const note = await admin('POST', '/request/message', {
    request_id: requestId,
    message: 'Перевірити суму в аптеці',
    internal: true,
  });
  assert.equal(note.status, 200);
  const asked = await mobile('GET', `/user/request/${requestId}`, undefined, token);
  assert.equal(asked.body.status, 'awaiting_client');
  assert.deepEqual(
    asked.body.messages.map((message: { message: string }) => message.message),
    ['Додайте, будь ласка, виписку лікаря'],
    'the internal note stays with staff',
  );

  const more = new FormData();
  more.append('id', String(requestId));
  more.append('files', file(jpeg(), 'statement.jpg', 'image/jpeg'));
  const added = await mobile('POST', '/user/request/update', more, token);
  assert.equal(added.status, 200, JSON.stringify(added.body));
  assert.equal(added.body.files.length, 3);
  const replied = await mobile('POST', `/user/request/${requestId}/message`, { message: 'Додала' }, token);
  assert.equal(replied.status, 200, JSON.stringify(replied.body));

  const assessed = await admin('PUT', '/request', {
    id: requestId,
    diagnos: 'Апендектомія',
    suma: '1500.50',
  });
  assert.equal(assessed.status, 200, JSON.stringify(assessed.body));
  const closed = await admin('POST', '/request/close', { request_id: requestId });
  assert.equal(closed.status, 200, JSON.stringify(closed.body));
  const late = await mobile('POST', `/user/request/${requestId}/message`, { message: 'Ще питання' }, token);
  assert.equal(late.status, 409);

  const memberSees = await mobile('GET', `/user/request/${requestId}`, undefined, token);
  const staffSees = await admin('POST', '/request', { request: requestId });
  assert.equal(staffSees.status, 200, JSON.stringify(staffSees.body));
  assert.equal(memberSees.body.status, 'closed');
  assert.equal(memberSees.body.diagnos, 'Апендектомія');
  assert.equal(memberSees.body.sum, 1500.5);
  assert.equal(staffSees.body.data.suma, 1500.5);
  // Both sides read the seed's message rows: who wrote one is its `member`, or else its `user`.
  type Said = { message: string; member: object | null };
  const conversation = (messages: Said[]) =>
    messages.map(({ message, member }) => [member === null ? 'staff' : 'member', message]);
  assert.deepEqual(
    conversation(staffSees.body.data.messages.filter((message: { internal: boolean }) => !message.internal)),
    conversation(memberSees.body.messages),
    'both sides read the same conversation',
  );
  assert.deepEqual(
    conversation(memberSees.body.messages).map(([who]) => who),
    ['staff', 'member'],
  );
  const mine = await mobile('POST', '/user/request/list', { status: ['closed'] }, token);
  assert.deepEqual(idsOf(mine.body), [requestId]);
});

test("a member never reaches another's request or its files", async () => {
  const owner = await signUp('+380671240002');
  const stranger = await signUp('+380671240003');
  const form = new FormData();
  form.append('comment', 'Аналізи');
  form.append('files', file(jpeg(), 'receipt.jpg', 'image/jpeg'));
  const opened = await mobile('POST', '/user/request/create', form, owner);
  assert.equal(opened.status, 200);
  const { id, files } = opened.body;
  assert.equal((await mobile('GET', `/user/request/${id}`, undefined, stranger)).status, 404);
  assert.equal((await mobile('GET', new URL(files[0].url).pathname, undefined, stranger)).status, 404);
  assert.equal(
    (await mobile('POST', `/user/request/${id}/message`, { message: 'чуже' }, stranger)).status,
    404,
  );
  assert.deepEqual((await mobile('POST', '/user/request/list', {}, stranger)).body, []);
  assert.equal((await admin('POST', '/requests', {}, owner)).status, 401, 'a member token on the admin site');
});

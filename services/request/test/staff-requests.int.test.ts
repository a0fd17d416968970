import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  AidRequestPage,
  MemberApproved,
  PayoutRecorded,
  PayoutReversed,
  StaffAidRequest,
  staffActor,
} from '@kasa/contracts';
import { newEvent } from '@kasa/messaging';
import { eventually, type FilePart, multipartBody } from '@kasa/testing';
import { jpeg } from '@kasa/testing/sample-files';
import { Value } from 'typebox/value';
import { MIN_PROGRAM_HISTORY } from '../src/domain/request-flags.ts';
import { caller } from './support/calls.ts';
import { type RequestUnderTest, startRequest } from './support/request-under-test.ts';

let kasa: RequestUnderTest;
before(async () => {
  kasa = await startRequest({ REQUEST_USUAL_MAX_AMOUNT: '1500000' });
});
after(() => kasa.close());

const call = caller(() => kasa);
const STAFF = 700;
const staff = () => kasa.staffAuth(STAFF);
const picture = () => Buffer.from(randomBytes(24).map((byte) => byte & 0x7f));
const receipt = (scan = picture()): FilePart => ({
  bytes: jpeg(undefined, { scan }),
  filename: 'receipt.jpg',
  type: 'image/jpeg',
});

async function open(memberId: number, files: FilePart[] = [receipt()]) {
  const form = await multipartBody({ comment: 'Операція', files });
  const answer = await call('POST', '/me/requests', kasa.memberAuth(memberId), form);
  assert.equal(answer.statusCode, 201, answer.body);
  return answer.json() as { id: number; files: { filename: string }[] };
}

async function card(id: number) {
  const answer = await call('GET', `/staff/requests/${id}`, staff());
  assert.equal(answer.statusCode, 200, answer.body);
  const body = answer.json();
  assert.ok(Value.Check(StaffAidRequest, body), JSON.stringify([...Value.Errors(StaffAidRequest, body)]));
  return body;
}

const status = async (id: number) => (await card(id)).status;

test('every staff transition, with the 409s, each status change an event', async () => {
  const { id } = await open(101);
  const post = (path: string, body?: object) => call('POST', `/staff/requests/${id}${path}`, staff(), body);

  const reopenOpen = await post('/reopen');
  assert.equal(reopenOpen.statusCode, 409);
  assert.equal(reopenOpen.json().message, 'This request is not closed');

  const message = await post('/messages', { message: 'Надішліть виписку' });
  assert.deepEqual(message.json(), { status: 'success', message: 'Message added' });
  assert.equal(await status(id), 'awaiting_client');

  const closed = await post('/close');
  assert.equal(closed.statusCode, 200);
  assert.deepEqual(closed.json(), { status: 'success', message: 'Request closed' });
  assert.equal(await status(id), 'closed');

  const again = await post('/close');
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().message, 'This request is already closed');
  const write = await post('/messages', { message: 'Ще одне' });
  assert.equal(write.statusCode, 409);
  assert.equal(write.json().message, 'This request is closed');
  const assess = await call('PATCH', `/staff/requests/${id}`, staff(), { granted_amount: 100 });
  assert.equal(assess.statusCode, 409);
  assert.equal(assess.json().message, 'Reopen the request to change it');

  const note = await post('/messages', { message: 'Перевірено', internal: true });
  assert.equal(note.statusCode, 200, 'internal notes are allowed on a closed request');
  assert.equal(await status(id), 'closed');

  const reopened = await post('/reopen');
  assert.deepEqual(reopened.json(), { status: 'success', message: 'Request reopened' });
  assert.equal(await status(id), 'awaiting_agent');

  assert.deepEqual(await kasa.outboxTypes(id), [
    'request.opened',
    'request.message_posted',
    'request.status_changed',
    'request.status_changed',
    'request.message_posted',
    'request.status_changed',
  ]);
  const changes = await kasa.query<{ payload: string }>(
    "SELECT payload FROM outbox WHERE aggregate_id = ? AND type = 'request.status_changed' ORDER BY id",
    [String(id)],
  );
  assert.deepEqual(
    changes.map(({ payload }) => {
      const event = JSON.parse(payload);
      return [event.data.from, event.data.to, event.actor.kind, event.actor.id];
    }),
    [
      ['opened', 'awaiting_client', 'staff', String(STAFF)],
      ['awaiting_client', 'closed', 'staff', String(STAFF)],
      ['closed', 'awaiting_agent', 'staff', String(STAFF)],
    ],
  );
  const [posted] = await kasa.query<{ payload: string }>(
    "SELECT payload FROM outbox WHERE aggregate_id = ? AND type = 'request.message_posted' ORDER BY id DESC",
    [String(id)],
  );
  assert.equal(JSON.parse(posted!.payload).data.internal, true);

  const detail = await card(id);
  assert.deepEqual(
    detail.messages.map((m: { internal: boolean; author: string }) => [m.author, m.internal]),
    [
      ['staff', false],
      ['staff', true],
    ],
  );
});

test('staff assess a request: diagnosis, amount and text, with an event and the unusual-amount flag', async () => {
  const { id } = await open(111);
  const patch = (body: object) => call('PATCH', `/staff/requests/${id}`, staff(), body);

  const done = await patch({ diagnosis: ' Перелом ', granted_amount: 1_200_000 });
  assert.equal(done.statusCode, 200, done.body);
  assert.deepEqual(done.json(), { status: 'success', message: 'Request updated' });
  let detail = await card(id);
  assert.equal(detail.diagnos, 'Перелом');
  assert.equal(detail.sum, 1_200_000);
  assert.equal(detail.status, 'opened', 'an assessment changes no status');
  assert.equal(detail.flags.unusual_amount, null);

  await patch({ granted_amount: 2_000_000, request_text: 'Операція на коліні' });
  detail = await card(id);
  assert.equal(detail.comment, 'Операція на коліні');
  assert.deepEqual(detail.flags.unusual_amount, {
    granted: 2_000_000,
    usual_max: 1_500_000,
    note: 'The granted 20000.00 UAH is above the usual most of 15000.00 UAH',
  });
  const member = await call('GET', `/me/requests/${id}`, kasa.memberAuth(111));
  assert.equal('flags' in member.json(), false, 'the member never sees the flags');

  const assessed = await kasa.query<{ payload: string }>(
    "SELECT payload FROM outbox WHERE aggregate_id = ? AND type = 'request.assessed' ORDER BY id",
    [String(id)],
  );
  assert.deepEqual(
    assessed.map(({ payload }) => JSON.parse(payload).data),
    [
      { requestId: id, memberId: 111, grantedAmount: 1_200_000, diagnosisSet: true },
      { requestId: id, memberId: 111, grantedAmount: 2_000_000, diagnosisSet: true },
    ],
  );

  const cases: [object, RegExp][] = [
    [{}, /at least one/],
    [{ granted_amount: -1 }, /granted_amount/],
    [{ granted_amount: 100_000_001 }, /granted_amount/],
    [{ granted_amount: 12.5 }, /granted_amount/],
    [{ granted_amount: 'lots' }, /granted_amount/],
    [{ diagnosis: 'x'.repeat(2001) }, /diagnosis/],
    [{ request_text: '' }, /request_text/],
    // Unknown fields are dropped, as everywhere: this one asks for nothing.
    [{ status: 'closed' }, /at least one/],
  ];
  for (const [body, message] of cases) {
    const answer = await patch(body);
    assert.equal(answer.statusCode, 400, `${JSON.stringify(body)}: ${answer.body}`);
    assert.match(answer.json().message, message);
  }
  const missing = await call('PATCH', '/staff/requests/999999', staff(), { diagnosis: 'x' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().message, 'Request not found');
});

test('the same receipt on two members’ requests is flagged on both', async () => {
  const scan = picture();
  const first = await open(121, [receipt(scan), receipt()]);
  const second = await open(122, [receipt(scan)]);
  const third = await open(121, [receipt()]);

  const firstFlags = (await card(first.id)).flags;
  assert.deepEqual(firstFlags.duplicate_files, [
    { filename: first.files[0]!.filename, request_ids: [second.id] },
  ]);
  assert.deepEqual((await card(second.id)).flags.duplicate_files, [
    { filename: second.files[0]!.filename, request_ids: [first.id] },
  ]);
  assert.deepEqual((await card(third.id)).flags.duplicate_files, []);

  const file = await call('GET', `/staff/requests/${second.id}/files/${second.files[0]!.filename}`, staff());
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'image/jpeg');
  const elsewhere = await call(
    'GET',
    `/staff/requests/${third.id}/files/${second.files[0]!.filename}`,
    staff(),
  );
  assert.equal(elsewhere.statusCode, 404);
  assert.equal(elsewhere.json().message, 'File not found');
  const junk = await call('GET', `/staff/requests/${second.id}/files/nope`, staff());
  assert.equal(junk.statusCode, 404);
});

test('search narrows by members, statuses and Kyiv days, latest changed first, with the total', async () => {
  const ids: number[] = [];
  for (let index = 0; index < 5; index += 1) ids.push((await open(131 + (index % 2), [])).id);
  const at = (id: number, when: string) =>
    kasa.query('UPDATE requests SET updated_at = ? WHERE id = ?', [new Date(when), id]);
  // Kyiv is UTC+3 in summer: 21:30 UTC on 9 July is already 10 July there.
  await at(ids[0]!, '2026-07-09T20:59:00Z'); // 9 July, Kyiv
  await at(ids[1]!, '2026-07-09T21:30:00Z'); // 10 July, Kyiv
  await at(ids[2]!, '2026-07-11T12:00:00Z'); // 11 July
  await at(ids[3]!, '2026-07-11T20:59:59Z'); // still 11 July
  await at(ids[4]!, '2026-07-11T21:00:00Z'); // 12 July
  await kasa.query("UPDATE requests SET status = 'closed' WHERE id = ?", [ids[2]]);

  const search = async (body: object) => {
    const answer = await call('POST', '/staff/requests/search', staff(), body);
    assert.equal(answer.statusCode, 200, answer.body);
    const page = answer.json();
    assert.ok(Value.Check(AidRequestPage, page));
    return { ids: page.data.map(({ id }: { id: number }) => id), total: page.total };
  };
  const mine = { member_ids: [131, 132] };
  assert.deepEqual(await search(mine), { ids: [...ids].reverse(), total: 5 });
  assert.deepEqual(await search({ ...mine, limit: 2, offset: 1 }), { ids: [ids[3], ids[2]], total: 5 });
  assert.deepEqual(await search({ ...mine, date_start: '2026-07-10', date_end: '2026-07-11' }), {
    ids: [ids[3], ids[2], ids[1]],
    total: 3,
  });
  assert.deepEqual(await search({ ...mine, date_end: '2026-07-09' }), { ids: [ids[0]], total: 1 });
  assert.deepEqual(await search({ ...mine, date_start: '2026-07-12' }), { ids: [ids[4]], total: 1 });
  assert.deepEqual(await search({ ...mine, statuses: ['closed'] }), { ids: [ids[2]], total: 1 });
  assert.deepEqual(await search({ member_ids: [132] }), { ids: [ids[3], ids[1]], total: 2 });
  assert.deepEqual(await search({ member_ids: [] }), { ids: [], total: 0 });
  assert.ok((await search({})).total >= 5);

  const cases: [object, RegExp][] = [
    [{ limit: 0 }, /limit/],
    [{ limit: 10_001 }, /limit/],
    [{ offset: -1 }, /offset/],
    [{ statuses: ['lost'] }, /statuses/],
    [{ member_ids: ['x'] }, /member_ids/],
    [{ member_ids: Array.from({ length: 5001 }, (_, index) => index + 1) }, /member_ids/],
    [{ date_start: '10.07.2026' }, /date_start/],
    [{ date_start: '2026-02-30' }, /date_start/],
    [{ date_start: '2026-07-12', date_end: '2026-07-10' }, /date_start/],
  ];
  for (const [body, message] of cases) {
    const answer = await call('POST', '/staff/requests/search', staff(), body);
    assert.equal(answer.statusCode, 400, `${JSON.stringify(body).slice(0, 80)}: ${answer.body}`);
    assert.match(answer.json().message, message);
  }
});

test('records: requests by id with their files, in the order asked, unknown ids left out', async () => {
  const first = await open(151);
  const second = await open(152, []);
  const answer = await call('POST', '/staff/requests/records', staff(), {
    ids: [second.id, 999_999, first.id],
  });
  assert.equal(answer.statusCode, 200, answer.body);
  const { data } = answer.json();
  assert.deepEqual(
    data.map(({ id, member_id }: { id: number; member_id: number }) => [id, member_id]),
    [
      [second.id, 152],
      [first.id, 151],
    ],
  );
  assert.equal(data[1].files.length, first.files.length);
  assert.ok(!Number.isNaN(Date.parse(data[0].created)), 'the ISO instants the gateways render');
});

test('staff routes take only staff tokens, from staff who may act', async () => {
  const { id, files } = await open(141);
  const routes: ['GET' | 'POST' | 'PATCH', string, object?][] = [
    ['POST', '/staff/requests/search', {}],
    ['POST', '/staff/requests/records', { ids: [id] }],
    ['GET', `/staff/requests/${id}`],
    ['PATCH', `/staff/requests/${id}`, { diagnosis: 'x' }],
    ['POST', `/staff/requests/${id}/messages`, { message: 'x' }],
    ['POST', `/staff/requests/${id}/close`],
    ['POST', `/staff/requests/${id}/reopen`],
    ['GET', `/staff/requests/${id}/files/${files[0]!.filename}`],
  ];
  const mustChange = kasa.staffAuth(STAFF, 'staff', { must_change_password: true });
  for (const [method, url, body] of routes) {
    for (const auth of [kasa.memberAuth(141), '']) {
      assert.equal((await call(method, url, auth, body)).statusCode, 401, `${method} ${url}`);
    }
    const answer = await call(method, url, mustChange, body);
    assert.equal(answer.statusCode, 403, `${method} ${url}`);
    assert.equal(answer.json().message, 'Password must be changed');
  }
  assert.equal(await status(id), 'opened', 'nothing was changed');
  const admin = await call('GET', `/staff/requests/${id}`, kasa.staffAuth(1, 'admin'));
  assert.equal(admin.statusCode, 200, 'any staff role');
});

test("an amount is judged against what is usual on the member's program once it has history", async () => {
  const program = 7;
  const approved = (memberId: number) =>
    newEvent(
      MemberApproved,
      { memberId, programId: program },
      { aggregateId: memberId, actor: staffActor(STAFF) },
    );
  const members = Array.from({ length: MIN_PROGRAM_HISTORY }, (_, index) => 7000 + index);
  for (const memberId of [...members, 7100]) await kasa.publish(approved(memberId));
  await eventually(async () => {
    const [row] = await kasa.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM member_programs WHERE program_id = ?',
      [program],
    );
    return Number(row!.n) === members.length + 1 ? true : null;
  });
  for (const [index, memberId] of members.entries()) {
    const { id } = await open(memberId);
    // 1,000.00 to 2,900.00 UAH: 95% of them are at most 2,800.00.
    const granted = await call('PATCH', `/staff/requests/${id}`, staff(), {
      granted_amount: 100_000 + index * 10_000,
    });
    assert.equal(granted.statusCode, 200, granted.body);
  }
  const { id } = await open(7100);
  await call('PATCH', `/staff/requests/${id}`, staff(), { granted_amount: 450_000 });
  assert.deepEqual((await card(id)).flags.unusual_amount, {
    granted: 450_000,
    usual_max: 280_000,
    note: "The granted 4500.00 UAH is above what is usual on the member's program: 95% of the 20 amounts granted on it are at most 2800.00 UAH",
  });
  await call('PATCH', `/staff/requests/${id}`, staff(), { granted_amount: 250_000 });
  assert.equal((await card(id)).flags.unusual_amount, null, 'within what is usual on the program');
});

test('payouts the payment service records show on the card, once each, and hold the grant up', async () => {
  const member = 7200;
  const { id } = await open(member);
  await call('PATCH', `/staff/requests/${id}`, staff(), { granted_amount: 100_000 });
  const meta = { aggregateId: 1, actor: staffActor(STAFF) };
  const recorded = newEvent(
    PayoutRecorded,
    {
      paymentId: 1,
      memberId: member,
      requestId: id,
      kind: 'partial_payout',
      amount: 60_000,
      currency: 'UAH',
    },
    meta,
  );
  await kasa.publish(recorded);
  await kasa.publish(recorded); // redelivered: counted once
  await kasa.publish(
    newEvent(
      PayoutRecorded,
      {
        paymentId: 2,
        memberId: member,
        requestId: id,
        kind: 'partial_payout',
        amount: 30_000,
        currency: 'UAH',
      },
      meta,
    ),
  );
  await eventually(async () => ((await card(id)).paid === 90_000 ? true : null));

  const below = await call('PATCH', `/staff/requests/${id}`, staff(), { granted_amount: 80_000 });
  assert.equal(below.statusCode, 409, 'not below what was paid out');
  assert.match(below.json().message, /900\.00 UAH/);

  await kasa.publish(
    newEvent(
      PayoutReversed,
      {
        paymentId: 3,
        memberId: member,
        requestId: id,
        reversedPaymentId: 2,
        amount: 30_000,
        currency: 'UAH',
      },
      meta,
    ),
  );
  await eventually(async () => ((await card(id)).paid === 60_000 ? true : null));
  const lowered = await call('PATCH', `/staff/requests/${id}`, staff(), { granted_amount: 80_000 });
  assert.equal(lowered.statusCode, 200, lowered.body);
});

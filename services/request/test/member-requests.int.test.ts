import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { AidRequest, AidRequestDetail } from '@kasa/contracts';
import { type FilePart, multipartBody } from '@kasa/testing';
import { jpeg, pdf, png } from '@kasa/testing/sample-files';
import { Value } from 'typebox/value';
import { caller } from './support/calls.ts';
import { type RequestUnderTest, startRequest } from './support/request-under-test.ts';

let kasa: RequestUnderTest;
before(async () => {
  kasa = await startRequest({ FILES_MAX_BYTES: String(64 * 1024) });
});
after(() => kasa.close());

const call = caller(() => kasa);
const as = (memberId: number) => kasa.memberAuth(memberId);
/** A receipt photo with a picture of its own: no two are the same bytes. */
const receipt = (): FilePart => ({
  // Scan data never holds 0xFF, which would start a marker.
  bytes: jpeg(undefined, { scan: Buffer.from(randomBytes(24).map((byte) => byte & 0x7f)) }),
  filename: 'receipt.jpg',
  type: 'image/jpeg',
});
const scan = (): FilePart => ({ bytes: pdf(), filename: 'scan.pdf', type: 'application/pdf' });

async function open(memberId: number, files: FilePart[] = [receipt()], comment = 'Ліки після операції') {
  const answer = await call('POST', '/me/requests', as(memberId), await multipartBody({ comment, files }));
  assert.equal(answer.statusCode, 201, answer.body);
  return answer.json();
}

test('a member opens a request with receipts and reads it back in the contract shape', async () => {
  const before = (await kasa.storedFiles()).length;
  const form = await multipartBody({
    comment: '  Ліки після операції  ',
    files: [receipt(), { bytes: png(), filename: 'r.png', type: 'image/png' }, scan()],
  });
  const answer = await call('POST', '/me/requests', as(11), form);
  assert.equal(answer.statusCode, 201, answer.body);
  const detail = answer.json();
  assert.ok(
    Value.Check(AidRequestDetail, detail),
    JSON.stringify([...Value.Errors(AidRequestDetail, detail)]),
  );
  assert.equal(detail.member_id, 11);
  assert.equal(detail.status, 'opened');
  assert.equal(detail.comment, 'Ліки після операції');
  assert.equal(detail.diagnos, '');
  assert.equal(detail.sum, 0);
  assert.deepEqual(
    detail.files.map((file: { mime: string }) => file.mime),
    ['image/jpeg', 'image/png', 'application/pdf'],
  );
  assert.deepEqual(detail.messages, []);
  assert.equal((await kasa.storedFiles()).length, before + 3);
  assert.deepEqual(await kasa.outboxTypes(detail.id), ['request.opened']);
  const [event] = await kasa.query<{ payload: string }>('SELECT payload FROM outbox WHERE aggregate_id = ?', [
    String(detail.id),
  ]);
  assert.deepEqual(JSON.parse(event!.payload).data, { requestId: detail.id, memberId: 11, fileCount: 3 });

  const read = await call('GET', `/me/requests/${detail.id}`, as(11));
  assert.equal(read.statusCode, 200);
  assert.deepEqual(read.json(), detail);

  const file = await call('GET', `/me/requests/${detail.id}/files/${detail.files[2]!.filename}`, as(11));
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.deepEqual(file.rawPayload, pdf());
});

test('a request needs no files, and a JSON body opens one too', async () => {
  const form = await call('POST', '/me/requests', as(12), await multipartBody({ comment: 'Без чеків' }));
  assert.equal(form.statusCode, 201, form.body);
  assert.deepEqual(form.json().files, []);
  const json = await call('POST', '/me/requests', as(12), { comment: 'JSON' });
  assert.equal(json.statusCode, 201, json.body);
});

test('bad forms are refused with a clear 4xx and leave no file on disk', async () => {
  const before = (await kasa.storedFiles()).length;
  const cases: [Record<string, string | FilePart | FilePart[]>, number, RegExp][] = [
    [{ files: [receipt()] }, 400, /comment/],
    [{ comment: '', files: [receipt()] }, 400, /comment/],
    [{ comment: '   ', files: [receipt()] }, 400, /comment/],
    [{ comment: 'x'.repeat(5001) }, 400, /comment/],
    [{ comment: 'text named like a photo', files: [receipt(), fakeJpeg()] }, 415, /JPEG/],
    [
      { comment: 'too large', files: [{ bytes: jpeg(undefined, { trailer: Buffer.alloc(80 * 1024) }) }] },
      413,
      /larger/,
    ],
    [{ comment: 'too many', files: Array.from({ length: 21 }, receipt) }, 413, /At most 20 files/],
    [{ comment: receipt() }, 400, /does not take a file/],
    [{ comment: 'a name, not a file', files: 'a'.repeat(32) }, 400, /must be an uploaded file/],
  ];
  for (const [fields, status, message] of cases) {
    const answer = await call('POST', '/me/requests', as(13), await multipartBody(fields));
    assert.equal(answer.statusCode, status, `${JSON.stringify(Object.keys(fields))}: ${answer.body}`);
    assert.match(answer.json().message, message);
  }
  const wrongType = await call('POST', '/me/requests', as(13), { comment: { text: 'x' } });
  assert.equal(wrongType.statusCode, 400);
  assert.equal((await kasa.storedFiles()).length, before, 'nothing was left on disk');
  const [row] = await kasa.query<{ n: number }>('SELECT COUNT(*) AS n FROM requests WHERE member_id = 13');
  assert.equal(Number(row!.n), 0);
});

function fakeJpeg(): FilePart {
  return { bytes: Buffer.from('just text, named like a photo'), filename: 'x.jpg', type: 'image/jpeg' };
}

test('the list is newest first, with files, and narrows by repeated status', async () => {
  const first = await open(21);
  const second = await open(21, [receipt(), receipt()]);
  await call('POST', `/me/requests/${first.id}/messages`, as(21), { message: 'Коли буде відповідь?' });

  const all = await call('GET', '/me/requests', as(21));
  assert.equal(all.statusCode, 200);
  const list = all.json();
  assert.ok(Value.Check(AidRequest, list[0]));
  assert.deepEqual(
    list.map((request: { id: number }) => request.id),
    [second.id, first.id],
  );
  assert.equal(list[0].files.length, 2);
  assert.equal('messages' in list[0], false);

  const opened = await call('GET', '/me/requests?status=opened', as(21));
  assert.deepEqual(
    opened.json().map((request: { id: number }) => request.id),
    [second.id],
  );
  const both = await call('GET', '/me/requests?status=opened&status=awaiting_agent', as(21));
  assert.equal(both.json().length, 2);
  const none = await call('GET', '/me/requests?status=closed', as(21));
  assert.deepEqual(none.json(), []);
  const bad = await call('GET', '/me/requests?status=lost', as(21));
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().message, /status/);
});

test('messages: the request then waits on staff; internal notes never reach the member', async () => {
  const request = await open(31);
  const staff = kasa.staffAuth(900);
  const posted = await call('POST', `/me/requests/${request.id}/messages`, as(31), { message: ' Ось чек ' });
  assert.equal(posted.statusCode, 200, posted.body);
  assert.deepEqual(posted.json(), { status: 'success', message: 'Message added' });
  await call('POST', `/staff/requests/${request.id}/messages`, staff, { message: 'Нотатка', internal: true });
  await call('POST', `/staff/requests/${request.id}/messages`, staff, { message: 'Потрібен ще чек' });

  const detail = (await call('GET', `/me/requests/${request.id}`, as(31))).json();
  assert.equal(detail.status, 'awaiting_client');
  assert.deepEqual(
    detail.messages.map((message: Record<string, unknown>) => [
      message.author,
      message.message,
      message.member_id,
      message.user_id,
      message.internal,
    ]),
    [
      ['member', 'Ось чек', 31, null, false],
      ['staff', 'Потрібен ще чек', null, 900, false],
    ],
  );
  for (const body of [{}, { message: '' }, { message: { text: 'x' } }, { message: 'x'.repeat(5001) }]) {
    const answer = await call('POST', `/me/requests/${request.id}/messages`, as(31), body);
    assert.equal(answer.statusCode, 400, JSON.stringify(body));
    assert.match(answer.json().message, /message/);
  }
  assert.deepEqual(await kasa.outboxTypes(request.id), [
    'request.opened',
    'request.message_posted',
    'request.status_changed',
    'request.message_posted',
    'request.message_posted',
    'request.status_changed',
  ]);
});

test('files added to a request waiting on the member send it back to staff; closed refuses them', async () => {
  const request = await open(41, []);
  const staff = kasa.staffAuth(900);
  await call('POST', `/staff/requests/${request.id}/messages`, staff, { message: 'Додайте чек' });

  const added = await call(
    'POST',
    '/me/request-files',
    as(41),
    await multipartBody({ id: String(request.id), files: [receipt(), scan()] }),
  );
  assert.equal(added.statusCode, 200, added.body);
  const detail = added.json();
  assert.ok(Value.Check(AidRequestDetail, detail));
  assert.equal(detail.status, 'awaiting_agent');
  assert.equal(detail.files.length, 2);

  const none = await call(
    'POST',
    '/me/request-files',
    as(41),
    await multipartBody({ id: String(request.id) }),
  );
  // The seed's update answered the request as it was when no file came.
  assert.equal(none.statusCode, 200, none.body);
  assert.equal(none.json().files.length, 2);
  assert.equal(none.json().status, 'awaiting_agent');

  const named = await call(
    'POST',
    '/me/request-files',
    as(41),
    await multipartBody({ id: String(request.id), file0: receipt() }),
  );
  assert.equal(named.statusCode, 200, named.body);
  assert.equal(named.json().files.length, 3, 'a file under any field name is a receipt');

  await call('POST', `/staff/requests/${request.id}/close`, staff);
  const before = (await kasa.storedFiles()).length;
  const closed = await call(
    'POST',
    '/me/request-files',
    as(41),
    await multipartBody({ id: String(request.id), files: [receipt()] }),
  );
  assert.equal(closed.statusCode, 409);
  assert.equal(closed.json().message, 'This request is closed');
  const message = await call('POST', `/me/requests/${request.id}/messages`, as(41), { message: 'Ще?' });
  assert.equal(message.statusCode, 409);
  assert.equal(message.json().message, 'This request is closed');
  assert.equal((await kasa.storedFiles()).length, before, 'the refused files were removed');
  assert.deepEqual(await kasa.outboxTypes(request.id), [
    'request.opened',
    'request.message_posted',
    'request.status_changed',
    'request.files_added',
    'request.status_changed',
    'request.files_added',
    'request.status_changed',
  ]);
});

test("a member never reaches another member's request, files or messages", async () => {
  const theirs = await open(51);
  const name = theirs.files[0].filename;
  const before = (await kasa.storedFiles()).length;
  const attempts = [
    await call('GET', `/me/requests/${theirs.id}`, as(52)),
    await call('POST', `/me/requests/${theirs.id}/messages`, as(52), { message: 'Привіт' }),
    await call(
      'POST',
      '/me/request-files',
      as(52),
      await multipartBody({ id: String(theirs.id), files: [receipt()] }),
    ),
    await call('GET', '/me/requests/999999', as(52)),
  ];
  for (const answer of attempts) {
    assert.equal(answer.statusCode, 404, answer.body);
    assert.equal(answer.json().message, 'Request not found');
  }
  assert.equal((await kasa.storedFiles()).length, before, 'the refused upload left nothing');
  assert.deepEqual((await call('GET', '/me/requests', as(52))).json(), []);

  const mine = await open(52);
  const probes: [number, string][] = [
    [52, `/me/requests/${theirs.id}/files/${name}`],
    [52, `/me/requests/${mine.id}/files/${name}`],
    [51, `/me/requests/${mine.id}/files/${name}`],
    [51, `/me/requests/${mine.id}/files/${mine.files[0].filename}`],
    [52, `/me/requests/${theirs.id}/files/${'0'.repeat(32)}`],
    [52, `/me/requests/${theirs.id}/files/..%2F..%2Fetc%2Fpasswd`],
  ];
  for (const [memberId, url] of probes) {
    const answer = await call('GET', url, as(memberId));
    assert.equal(answer.statusCode, 404, `${memberId} ${url}`);
    assert.equal(answer.json().message, 'File not found');
  }
  const own = await call('GET', `/me/requests/${theirs.id}/files/${name.toUpperCase()}`, as(51));
  assert.equal(own.statusCode, 404, 'names are exact');
  assert.equal((await call('GET', `/me/requests/${theirs.id}/files/${name}`, as(51))).statusCode, 200);
  assert.deepEqual(await kasa.outboxTypes(theirs.id), ['request.opened']);
});

test('member routes take only member tokens', async () => {
  const request = await open(61);
  const routes: ['GET' | 'POST', string, object?][] = [
    ['GET', '/me/requests'],
    ['GET', `/me/requests/${request.id}`],
    ['POST', `/me/requests/${request.id}/messages`, { message: 'x' }],
    ['POST', '/me/requests', { comment: 'x' }],
    ['GET', `/me/requests/${request.id}/files/${request.files[0].filename}`],
  ];
  for (const [method, url, body] of routes) {
    for (const auth of [kasa.staffAuth(61), '', 'Bearer nonsense']) {
      const answer = await call(method, url, auth, body);
      assert.equal(answer.statusCode, 401, `${method} ${url} with ${auth.slice(0, 12)}`);
    }
  }
  const bad = await call('GET', '/me/requests/abc', as(61));
  assert.equal(bad.statusCode, 400);
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { SENSITIVE_EVENT_TYPES } from '@kasa/contracts';
import { type FakeDiia, type FakeDiiaCallback, startFakeDiia } from '@kasa/testing';
import { processPendingDiiaCallbacks } from '../src/application/diia-process-pending.ts';
import type { MemberDeps } from '../src/deps.ts';
import type { DiiaDecryptor } from '../src/diia/diia-decryptor.ts';
import { DiiaDecryptorUnavailableError } from '../src/diia/diia-errors.ts';
import { TestDiiaDecryptor } from './support/diia-test-decryptor.ts';
import { type MemberUnderTest, startMember } from './support/member-under-test.ts';

let diia: FakeDiia;
/** Diia and the test decryptor configured: callbacks are processed as they arrive. */
let member: MemberUnderTest;
/** Diia configured, no decryptor: callbacks are kept and answered 503. */
let keeping: MemberUnderTest;
/** No Diia at all. */
let manual: MemberUnderTest;

before(async () => {
  diia = await startFakeDiia();
  const diiaEnv = {
    DIIA_API_URL: diia.url,
    DIIA_ACQUIRER_TOKEN: diia.acquirerToken,
    DIIA_AUTH_ACQUIRER_TOKEN: diia.authAcquirerToken,
    DIIA_BRANCH_ID: diia.branchId,
    DIIA_OFFER_ID: diia.offerId,
  };
  [member, keeping, manual] = await Promise.all([
    startMember({ ...diiaEnv, DIIA_DECRYPTOR: 'test' }),
    startMember(diiaEnv),
    startMember(),
  ]);
});
after(async () => {
  await Promise.all([member?.close(), keeping?.close(), manual?.close()]);
  await diia?.close();
});

const depsOf = (service: MemberUnderTest): MemberDeps => service.service.deps;

async function requestDiia(service: MemberUnderTest, memberId: number | null) {
  return service.service.app.inject({
    method: 'POST',
    url: '/me/diia-requests',
    headers: memberId === null ? {} : { authorization: service.memberAuth(memberId) },
  });
}

/** A signed-up member with a Diia request made through the route; its request id. */
async function memberWaitingForDiia(service: MemberUnderTest, memberId: number): Promise<string> {
  await service.signUp(memberId, `+3806710${String(memberId).padStart(5, '0')}`);
  const answer = await requestDiia(service, memberId);
  assert.equal(answer.statusCode, 200, answer.body);
  return answer.json().request_id;
}

function deliver(service: MemberUnderTest, callback: FakeDiiaCallback, headers = callback.headers) {
  return service.service.app.inject({
    method: 'POST',
    url: '/diia/callbacks',
    headers,
    payload: callback.body,
  });
}

const memberRow = async (service: MemberUnderTest, id: number) =>
  (
    await service.query<Record<string, unknown>>(
      `SELECT first_name, middle_name, last_name, DATE_FORMAT(birth_date, '%Y-%m-%d') AS birth_date,
              tax_number, passport_data, profile_sent_at, has_new_documents, diia_request_id
         FROM members WHERE id = ?`,
      [id],
    )
  )[0]!;

const documentsOf = (service: MemberUnderTest, memberId: number) =>
  service.query<{ type: string; status: string; source: string; file_name: string }>(
    'SELECT type, status, source, file_name FROM identity_documents WHERE member_id = ? ORDER BY type',
    [memberId],
  );

const callbacksFor = (service: MemberUnderTest, requestId: string) =>
  service.query<{ status: string; error: string | null; body_file: string; content_type: string }>(
    'SELECT status, error, body_file, content_type FROM diia_callbacks WHERE request_id = ? ORDER BY id',
    [requestId],
  );

const eventsOf = async (service: MemberUnderTest, memberId: number) =>
  (
    await service.query<{ payload: string }>(
      'SELECT payload FROM outbox WHERE aggregate_id = ? ORDER BY id',
      [String(memberId)],
    )
  )
    .map(({ payload }) => {
      const event = JSON.parse(payload) as { type: string; data: unknown };
      return { type: event.type, data: event.data };
    })
    // Personal events leave the outbox as soon as the broker has them.
    .filter(({ type }) => !SENSITIVE_EVENT_TYPES.has(type));

/** What the fake Diia's sample person fills in. */
async function assertFilledFromDiia(service: MemberUnderTest, memberId: number, callback: FakeDiiaCallback) {
  const row = await memberRow(service, memberId);
  assert.deepEqual(
    { ...row, passport_data: undefined, profile_sent_at: undefined },
    {
      first_name: 'Надія',
      middle_name: 'Володимирівна',
      last_name: 'Дія',
      birth_date: '1980-01-24',
      tax_number: '2924300123',
      passport_data: undefined,
      profile_sent_at: undefined,
      has_new_documents: 1,
      diia_request_id: null,
    },
  );
  assert.match(String(row.passport_data), /^ID-картка № 123456789, УНЗР 19800124-01234/);
  assert.ok(row.profile_sent_at instanceof Date);

  const documents = await documentsOf(service, memberId);
  assert.deepEqual(
    documents.map(({ type, status, source }) => ({ type, status, source })),
    [
      { type: 'id_card_front', status: 'pending', source: 'diia' },
      { type: 'tax_number_card', status: 'pending', source: 'diia' },
    ],
  );
  const files = depsOf(service).files;
  const sent = (fieldName: string) => callback.files.find((file) => file.fieldName === fieldName)!.content;
  const opened = await Promise.all(documents.map(({ file_name }) => files.open(file_name)));
  assert.deepEqual(
    opened.map(({ bytes, mime }) => [bytes.toString('latin1'), mime]),
    [
      [sent('internal-passport').toString('latin1'), 'application/pdf'],
      [sent('taxpayer-card').toString('latin1'), 'application/pdf'],
    ],
  );
  const owned = await service.query<{ name: string }>('SELECT name FROM member_files WHERE member_id = ?', [
    memberId,
  ]);
  assert.deepEqual(owned.map(({ name }) => name).sort(), documents.map(({ file_name }) => file_name).sort());
}

test('a member asks for a Diia deeplink and the request id is remembered for them', async () => {
  const requestId = await memberWaitingForDiia(member, 201);
  const waiting = await member.service.app.inject({
    method: 'GET',
    url: '/staff/members/201',
    headers: { authorization: member.staffAuth(1) },
  });
  assert.equal(
    waiting.json().member.diia_answer,
    requestId,
    'while Diia is awaited, the request id (as the seed)',
  );
  const asked = diia.offerRequests.find((request) => request.requestId === requestId);
  assert.ok(asked, 'Diia was asked with the remembered request id');
  assert.equal((await memberRow(member, 201)).diia_request_id, requestId);

  const again = await requestDiia(member, 201);
  assert.equal(again.statusCode, 200);
  const { deeplink, request_id, ...fromDiia } = again.json();
  assert.deepEqual(fromDiia, {}, 'Diia’s answer as it came: the fake answers only the deeplink');
  assert.equal(deeplink, diia.offerRequests.find((request) => request.requestId === request_id)?.deeplink);
  assert.notEqual(request_id, requestId);
  assert.equal(
    (await memberRow(member, 201)).diia_request_id,
    request_id,
    'the newer request replaces the older',
  );
});

test('a blocked member cannot ask Diia, and Diia is not called', async () => {
  await member.signUp(202, '+380671000202');
  await member.query('UPDATE members SET is_active = 0 WHERE id = 202');
  const asked = diia.offerRequests.length;
  const answer = await requestDiia(member, 202);
  assert.equal(answer.statusCode, 403);
  assert.equal(diia.offerRequests.length, asked);
  assert.equal((await memberRow(member, 202)).diia_request_id, null);
});

test('without a member token the deeplink route answers 401', async () => {
  assert.equal((await requestDiia(member, null)).statusCode, 401);
});

test('when the fund has not connected Diia the deeplink route answers 503', async () => {
  await manual.signUp(203, '+380671000203');
  const answer = await requestDiia(manual, 203);
  assert.equal(answer.statusCode, 503);
  assert.match(answer.json().message, /^Import from Diia is not available/);
});

test('Diia’s callback fills the profile and keeps the shared documents as pending', async () => {
  const requestId = await memberWaitingForDiia(member, 211);
  const callback = diia.callbackFor(requestId);
  const answer = await deliver(member, callback);
  assert.equal(answer.statusCode, 200, answer.body);
  assert.deepEqual(answer.json(), { success: true });

  await assertFilledFromDiia(member, 211, callback);
  const card = await member.service.app.inject({
    method: 'GET',
    url: '/staff/members/211',
    headers: { authorization: member.staffAuth(1) },
  });
  assert.equal(card.statusCode, 200, card.body);
  assert.deepEqual(
    JSON.parse(card.json().member.diia_answer),
    callback.data,
    'the decrypted answer is kept as the seed’s diia_answer',
  );
  const [kept] = await callbacksFor(member, requestId);
  assert.deepEqual({ status: kept!.status, error: kept!.error }, { status: 'processed', error: null });
  assert.match(kept!.content_type, /^multipart\/form-data; boundary=/);
  assert.ok(
    !(await member.storedFiles()).includes(kept!.body_file),
    'the raw callback is let go once processed',
  );

  const events = (await eventsOf(member, 211)).filter(({ type }) => type !== 'member.signed_up');
  assert.deepEqual(events, [
    {
      type: 'member.documents_uploaded',
      data: { memberId: 211, documentTypes: ['id_card_front', 'tax_number_card'], source: 'diia' },
    },
    {
      type: 'member.updated',
      data: {
        memberId: 211,
        fields: ['first_name', 'middle_name', 'last_name', 'birth_date', 'inn', 'passport_data'],
      },
    },
  ]);
});

test('the same callback delivered again answers success and adds nothing', async () => {
  const requestId = await memberWaitingForDiia(member, 212);
  const callback = diia.callbackFor(requestId);
  assert.equal((await deliver(member, callback)).statusCode, 200);
  const files = (await member.storedFiles()).length;

  const again = await deliver(member, callback);
  assert.equal(again.statusCode, 200);
  assert.deepEqual(again.json(), { success: true });
  assert.equal((await documentsOf(member, 212)).length, 2);
  assert.equal((await callbacksFor(member, requestId)).length, 1);
  assert.equal((await member.storedFiles()).length, files);
});

test('two deliveries of one callback at the same time import the documents once', async () => {
  const requestId = await memberWaitingForDiia(member, 213);
  const callback = diia.callbackFor(requestId);
  const answers = await Promise.all([deliver(member, callback), deliver(member, callback)]);
  assert.deepEqual(
    answers.map((answer) => answer.statusCode),
    [200, 200],
  );
  assert.equal((await documentsOf(member, 213)).length, 2);
  const owned = await member.query<{ name: string }>('SELECT name FROM member_files WHERE member_id = 213');
  const stored = await member.storedFiles();
  assert.ok(owned.every(({ name }) => stored.includes(name)));
  const kept = await callbacksFor(member, requestId);
  assert.ok(kept.length >= 1 && kept.every(({ status }) => status === 'processed'), JSON.stringify(kept));
});

test('a callback for a request nobody waits for answers 404 and keeps nothing', async () => {
  const callbacks = await member.query<{ n: number }>('SELECT COUNT(*) AS n FROM diia_callbacks');
  const files = await member.storedFiles();
  const answer = await deliver(member, diia.callbackFor(randomUUID()));
  assert.equal(answer.statusCode, 404);
  assert.equal(answer.json().message, 'Unknown Diia request');
  assert.deepEqual(await member.query('SELECT COUNT(*) AS n FROM diia_callbacks'), callbacks);
  assert.deepEqual(await member.storedFiles(), files);
});

test('a callback for a request the member has since replaced is unknown', async () => {
  const older = await memberWaitingForDiia(member, 214);
  assert.equal((await requestDiia(member, 214)).statusCode, 200);
  assert.equal((await deliver(member, diia.callbackFor(older))).statusCode, 404);
});

test('a callback without the request id header, or with one that is not ours, answers 400', async () => {
  const callback = diia.callbackFor(randomUUID(), { withoutRequestIdHeader: true });
  const missing = await deliver(member, callback);
  assert.equal(missing.statusCode, 400);
  assert.match(missing.json().message, /X-Document-Request-Trace-Id/);
  const odd = await deliver(member, callback, {
    ...callback.headers,
    'x-document-request-trace-id': '../../x',
  });
  assert.equal(odd.statusCode, 400);
});

test('a callback larger than the default body limit (1 MiB) is taken; what is not a document is not kept', async () => {
  const requestId = await memberWaitingForDiia(member, 217);
  const callback = diia.callbackFor(requestId);
  const boundary = /boundary=(.+)$/.exec(callback.contentType)![1]!;
  const closing = Buffer.from(`--${boundary}--\r\n`, 'latin1');
  const extra = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="driver-license"; filename="licence.pdf.p7s.p7e"\r\n\r\n` +
      `${Buffer.alloc(3 * 1024 * 1024, 7).toString('base64')}\r\n`,
    'latin1',
  );
  const body = Buffer.concat([
    callback.body.subarray(0, callback.body.length - closing.length),
    extra,
    closing,
  ]);
  const answer = await deliver(member, { ...callback, body });
  assert.equal(answer.statusCode, 200, answer.body);
  assert.deepEqual(
    (await documentsOf(member, 217)).map(({ type }) => type),
    ['id_card_front', 'tax_number_card'],
  );
});

test('a callback that is not a multipart form answers 415', async () => {
  const answer = await member.service.app.inject({
    method: 'POST',
    url: '/diia/callbacks',
    headers: { 'x-document-request-trace-id': randomUUID() },
    payload: { encodeData: 'x' },
  });
  assert.equal(answer.statusCode, 415);
});

test('documents Diia sent malformed are refused with 422, kept as failed, and the profile is untouched', async () => {
  const requestId = await memberWaitingForDiia(member, 215);
  const files = await member.storedFiles();
  const answer = await deliver(member, diia.callbackFor(requestId, { data: { data: 'nothing' } }));
  assert.equal(answer.statusCode, 422);
  const [kept] = await callbacksFor(member, requestId);
  assert.equal(kept!.status, 'failed');
  assert.match(kept!.error!, /does not have the shape Diia sends/);
  assert.deepEqual(
    (await member.storedFiles()).sort(),
    [...files, kept!.body_file].sort(),
    'only the raw callback',
  );
  const row = await memberRow(member, 215);
  assert.deepEqual([row.first_name, row.profile_sent_at, row.diia_request_id], [null, null, requestId]);
  assert.equal((await documentsOf(member, 215)).length, 0);
});

test('documents shared for another request than the header names are refused', async () => {
  const requestId = await memberWaitingForDiia(member, 216);
  const foreign = diia.callbackFor(randomUUID());
  const answer = await deliver(member, foreign, {
    ...foreign.headers,
    'x-document-request-trace-id': requestId,
  });
  assert.equal(answer.statusCode, 400);
  assert.equal((await callbacksFor(member, requestId))[0]!.status, 'failed');
  assert.equal((await memberRow(member, 216)).first_name, null);
});

test('without a decryptor the callback answers 503 and is kept, then processed once a decryptor is there', async () => {
  const requestId = await memberWaitingForDiia(keeping, 221);
  const callback = diia.callbackFor(requestId);
  const answer = await deliver(keeping, callback);
  assert.equal(answer.statusCode, 503);
  assert.equal(
    answer.json().message,
    'Diia documents cannot be decrypted yet: no decryptor is configured; the callback is kept',
  );
  const [kept] = await callbacksFor(keeping, requestId);
  assert.equal(kept!.status, 'received');
  assert.equal(kept!.content_type, callback.contentType);
  assert.deepEqual(await depsOf(keeping).files.openRaw(kept!.body_file), callback.body);
  assert.equal((await memberRow(keeping, 221)).first_name, null);

  const totals = await processPendingDiiaCallbacks({
    ...depsOf(keeping),
    decryptor: new TestDiiaDecryptor(),
  });
  assert.deepEqual(totals, { processed: 1, duplicates: 0, failed: 0, kept: 0 });
  await assertFilledFromDiia(keeping, 221, callback);
  assert.equal((await callbacksFor(keeping, requestId))[0]!.status, 'processed');
  assert.ok(!(await keeping.storedFiles()).includes(kept!.body_file));
});

test('a callback kept twice is imported once, the repeat settled as a duplicate', async () => {
  const requestId = await memberWaitingForDiia(keeping, 222);
  const callback = diia.callbackFor(requestId);
  assert.equal((await deliver(keeping, callback)).statusCode, 503);
  assert.equal((await deliver(keeping, callback)).statusCode, 503);
  const totals = await processPendingDiiaCallbacks({
    ...depsOf(keeping),
    decryptor: new TestDiiaDecryptor(),
  });
  assert.deepEqual(totals, { processed: 1, duplicates: 1, failed: 0, kept: 0 });
  assert.equal((await documentsOf(keeping, 222)).length, 2);
  assert.deepEqual(
    (await callbacksFor(keeping, requestId)).map(({ status }) => status),
    ['processed', 'processed'],
  );
  const stored = await keeping.storedFiles();
  assert.ok((await callbacksFor(keeping, requestId)).every(({ body_file }) => !stored.includes(body_file)));
});

test('while the decryptor is down, kept callbacks stay waiting with the reason', async () => {
  const requestId = await memberWaitingForDiia(keeping, 223);
  assert.equal((await deliver(keeping, diia.callbackFor(requestId))).statusCode, 503);
  const down: DiiaDecryptor = {
    decryptData: () => Promise.reject(new DiiaDecryptorUnavailableError('The Diia decryptor answered 502')),
    decryptFile: () => Promise.reject(new DiiaDecryptorUnavailableError('The Diia decryptor answered 502')),
  };
  const totals = await processPendingDiiaCallbacks({ ...depsOf(keeping), decryptor: down });
  assert.deepEqual(totals, { processed: 0, duplicates: 0, failed: 0, kept: 1 });
  const [kept] = await callbacksFor(keeping, requestId);
  assert.deepEqual(
    { status: kept!.status, error: kept!.error },
    {
      status: 'received',
      error: 'The Diia decryptor answered 502',
    },
  );
  assert.ok((await keeping.storedFiles()).includes(kept!.body_file));

  await processPendingDiiaCallbacks({ ...depsOf(keeping), decryptor: new TestDiiaDecryptor() });
  assert.equal((await callbacksFor(keeping, requestId))[0]!.status, 'processed');
  assert.equal((await memberRow(keeping, 223)).first_name, 'Надія');
});

test('without a decryptor there is nothing to process', async () => {
  assert.deepEqual(await processPendingDiiaCallbacks(depsOf(keeping)), {
    processed: 0,
    duplicates: 0,
    failed: 0,
    kept: 0,
  });
});

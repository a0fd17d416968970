import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  openSeedSource,
  runSeedImport,
  SEED_TABLE_ORDER,
  type SeedChange,
  type SeedChanges,
  type SeedRow,
  type SeedSource,
  type ServiceImport,
  seedContextOf,
  seedDateTimeOfInstant,
  type VerifyContext,
} from '@kasa/seed-import';
import {
  createSeedDatabase,
  type FilePart,
  fillSeedFixture,
  multipartBody,
  type SeedDatabase,
} from '@kasa/testing';
import { jpeg, pdf, png } from '@kasa/testing/sample-files';
import { extendMembershipBy } from '../src/application/extend-membership.ts';
import { lockMemberRequests, refreshNewRequestFlag } from '../src/db/member-requests.repository.ts';
import { insertSignedUpMember } from '../src/db/members.repository.ts';
import type { MemberDeps } from '../src/deps.ts';
import { openSeedImport } from '../src/import/seed-import.ts';
import { type MemberUnderTest, startMember } from './support/member-under-test.ts';

/**
 * A switch back (issue 19, item 9), the member service's side: after a time on Kasa, what the old
 * `programs`, `members`, `member_program`, `files` and `member_identity` tables lack, as their
 * rows, with the files they name; and what they cannot hold, by row. Right after an import there
 * is nothing; once the rows are written, there is nothing more.
 */
const ADMIN = 1;
const STAFF = 2;
const NEW_MEMBER = 500;
const WAITING_PAYMENT = 9002;
const IBAN = 'UA743052990000026007233566001';
const PENDING_DIIA = '3f2c1a7e-5b6d-4e8f-9a0b-1c2d3e4f5a6b';

let seed: SeedDatabase;
let source: SeedSource;
let kasa: MemberUnderTest;
let service: ServiceImport;
let context: VerifyContext;
let first: SeedChanges;

/**
 * Beside the fixture: what the import reads otherwise than the old rows say, so that a switch
 * back must read them as it does. Member 11's documents (one awaiting staff, one of a type Kasa
 * does not know, one whose file is missing); an earlier ID card of member 10 still marked active
 * (the import keeps the later one current); member 14 on two programs at once; member 10's
 * change to the program it is on; an undated row; a Diia request still awaited; texts longer than
 * Kasa keeps; two members sharing a certificate.
 */
async function addCases({ connection, filesDir }: SeedDatabase): Promise<void> {
  await mkdir(join(filesDir, '11'), { recursive: true });
  await writeFile(join(filesDir, '11', '1709641000_passport1.jpg'), jpeg());
  await writeFile(join(filesDir, '1709641300_other.jpg'), jpeg());
  await writeFile(join(filesDir, '1709639000_id_front_old.jpg'), jpeg());
  await connection.query('UPDATE members SET diia_answer = ? WHERE id = 12', [PENDING_DIIA]);
  await connection.query('UPDATE members SET passport_data = ?, inn = ? WHERE id = 14', [
    'паспорт '.repeat(40),
    '12345678901',
  ]);
  await connection.query(
    `INSERT INTO members (id, first_name, last_name, phone, certificate, created_at, is_active, is_submited) VALUES
     (15, 'Перший', 'Власник', '380671234515', '000015', '2023-01-01 10:00:00', 1, 1),
     (16, 'Другий', 'Власник', '380671234516', '000015', '2023-01-02 10:00:00', 1, 1)`,
  );
  await connection.query(
    `INSERT INTO files (id, filename, request_id, created_at, updated_at, member_id) VALUES
     (105, '1709641000_passport1.jpg', NULL, '2023-11-01 10:00:00', NULL, 11),
     (106, '1709641300_other.jpg', NULL, '2023-11-01 10:00:00', NULL, 11),
     (107, '1709641100_missing.jpg', NULL, '2023-11-01 10:00:00', NULL, 11),
     (108, '1709639000_id_front_old.jpg', NULL, '2023-02-01 10:00:00', NULL, 10)`,
  );
  await connection.query(
    `INSERT INTO member_identity (id, member_id, file_id, identity_type, created_at, updated_at, is_active, is_new) VALUES
     (10, 11, 105, 3, '2023-11-01 10:00:00', NULL, 0, 1),
     (11, 11, 106, 9, '2023-11-01 10:00:00', NULL, 0, 1),
     (13, 11, 107, 4, '2023-11-01 10:00:00', NULL, 0, 1),
     (14, 10, 108, 1, '2023-02-01 10:00:00', NULL, 1, 0)`,
  );
  await connection.query(
    `INSERT INTO member_program (member_id, program_id, created_at, updated_at, is_active, is_new) VALUES
     (14, 1, '2023-05-01 10:00:00', NULL, 1, 0),
     (14, 2, '2023-06-01 10:00:00', NULL, 1, 0),
     (14, 3, '2023-01-01 10:00:00', '2023-04-30 10:00:00', 0, 0),
     (10, 1, '2024-05-01 10:00:00', NULL, 0, 1),
     (12, 3, NULL, NULL, 0, 0)`,
  );
}

before(async () => {
  seed = await createSeedDatabase();
  await fillSeedFixture(seed);
  await addCases(seed);
  source = await openSeedSource(seed.url);
  kasa = await startMember();
  service = await openSeedImport(kasa.env);
  // Two rows a batch: a member's rows fall into different batches, as in a large fund.
  await runSeedImport({ source, services: [service], filesDir: seed.filesDir, batch: 2 });
  context = seedContextOf(source);
});

after(async () => {
  await service?.close();
  await source?.close();
  await seed?.drop();
  await kasa?.close();
});

const changesSince = () => service.changesSince!(context);

test('right after the import, a switch back finds nothing to write and nothing to leave behind', async () => {
  assert.deepEqual(await changesSince(), { changes: [], leftBehind: [] });
});

type Body = object | { payload: Buffer; headers: Record<string, string> };
async function call(method: 'POST' | 'PATCH' | 'PUT', url: string, authorization: string, body: Body) {
  const form = 'payload' in body && Buffer.isBuffer(body.payload) ? body : null;
  const answer = await kasa.service.app.inject({
    method,
    url,
    headers: { authorization, ...(form ? form.headers : {}) },
    payload: form ? form.payload : (body as object),
  });
  assert.equal(answer.statusCode, 200, `${method} ${url}: ${answer.body}`);
  return answer.json();
}
const asMember = (id: number, method: 'POST' | 'PATCH', url: string, body: Body) =>
  call(method, url, kasa.memberAuth(id), body);
const asStaff = (id: number, body: object) =>
  call('PATCH', `/staff/members/${id}`, kasa.staffAuth(STAFF), body);
const asAdmin = (body: Body) => call('PUT', '/staff/programs', kasa.staffAuth(ADMIN, 'admin'), body);
const file = (bytes: Buffer, filename: string, type: string): FilePart => ({ bytes, filename, type });

/** The service's own work on an event, as its consumer does it (in one unit of work). */
const onEvent = (work: Parameters<MemberDeps['context']['messaging']['unitOfWork']['run']>[0]) =>
  kasa.service.deps.context.messaging.unitOfWork.run(work);

/** What members, staff and payments do in Kasa after the cut-over, through the service's own routes and events. */
async function liveOnKasa(): Promise<void> {
  await asAdmin({ id: 2, program_name: 'Розширена плюс', month_price: 55_000 });
  await asAdmin(
    await multipartBody({
      program_name: 'Нова',
      month_price: '25000',
      new_program_file: file(pdf(), 'terms.pdf', 'application/pdf'),
    }),
  );
  // Staff approve member 11: the program and the document asked for become current.
  await asStaff(11, { is_submited: true });
  // Member 12 has not sent a profile to approve: blocking it is no state the old table has.
  await asStaff(12, { is_active: false });
  await asStaff(13, { certificate: '000013' });
  await asStaff(10, { certificate: '' });
  await asStaff(15, { certificate: '' });
  await asStaff(14, { phone: '+380671234514' });
  await asMember(
    10,
    'PATCH',
    '/me/profile',
    await multipartBody({ email: 'olena@new.example', photo: file(jpeg(), 'me.jpg', 'image/jpeg') }),
  );
  await asMember(10, 'POST', '/me/program-change', { program_id: 2 });
  await asMember(10, 'POST', '/me/corrections', { last_name: 'Ковальчук' });

  // A first sign-in (auth's member.signed_up), as messaging/auth.handlers.ts opens the profile.
  await onEvent(async ({ tx }) => {
    await insertSignedUpMember(tx, NEW_MEMBER, '+380671000500');
    await lockMemberRequests(tx, NEW_MEMBER);
    await refreshNewRequestFlag(tx, NEW_MEMBER, new Date());
  });
  await asMember(
    NEW_MEMBER,
    'POST',
    '/me/profile',
    await multipartBody({
      first_name: 'Марія',
      last_name: 'Нова',
      email: 'maria@example.org',
      program_id: '1',
      iban: IBAN,
      inn: file(pdf(), 'inn.pdf', 'application/pdf'),
      id_1: file(jpeg(), 'front.jpg', 'image/jpeg'),
      id_2: file(png(), 'back.png', 'image/png'),
    }),
  );

  // Contributions confirmed (payment.confirmed), as payment.handlers.ts credits them; member 13
  // has no program: the money waits for one.
  await onEvent((unit) => extendMembershipBy(unit, { paymentId: 9001, memberId: 10, amount: 30_000 }));
  await onEvent((unit) =>
    extendMembershipBy(unit, { paymentId: WAITING_PAYMENT, memberId: 13, amount: 30_000 }),
  );
}

const kyiv = (at: Date) => seedDateTimeOfInstant(at);
const one = async <T>(sql: string, values: unknown[] = []) => (await kasa.query<T>(sql, values))[0]!;
const changeOf = (changes: SeedChanges, table: string, action: SeedChange['action']) =>
  changes.changes.find((change) => change.table === table && change.action === action);
const rowsOf = (changes: SeedChanges, table: string, action: SeedChange['action']) =>
  [...(changeOf(changes, table, action)?.rows ?? [])].sort(
    (a, b) =>
      Number(a.id ?? a.member_id) - Number(b.id ?? b.member_id) || Number(a.file_id) - Number(b.file_id),
  );
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The old `files` table's largest id. */
const largestFileId = async () => {
  const [rows] = await seed.connection.query('SELECT MAX(id) AS largest FROM files');
  return Number((rows as Array<{ largest: number }>)[0]!.largest);
};
let largestBefore = 0;

test('what was done in Kasa goes back as rows of the old tables, with its files', async () => {
  await liveOnKasa();
  largestBefore = await largestFileId();
  first = await changesSince();

  const program2 = await one<{ updated_at: Date }>('SELECT updated_at FROM programs WHERE id = 2');
  const program4 = await one<{ id: number; terms_file: string; created_at: Date; updated_at: Date }>(
    'SELECT id, terms_file, created_at, updated_at FROM programs WHERE name = ?',
    ['Нова'],
  );
  assert.equal(program4.id, 4, 'Kasa’s sequence starts past the seed’s');
  const terms = `${Math.floor(program4.updated_at.getTime() / 1000)}_kasa-terms-${program4.terms_file.slice(0, 12)}.pdf`;
  assert.deepEqual(rowsOf(first, 'programs', 'update'), [
    {
      id: 2,
      program_name: 'Розширена плюс',
      month_price: 550,
      updated_by: ADMIN,
      updated_at: kyiv(program2.updated_at),
    },
  ]);
  assert.deepEqual(rowsOf(first, 'programs', 'insert'), [
    {
      id: 4,
      program_name: 'Нова',
      // Named as the old rows name their terms: by the old site's URL.
      program_file: `https://old.fund.example/uploads/${terms}`,
      month_price: 250,
      is_active: 1,
      created_by: ADMIN,
      updated_by: ADMIN,
      created_at: kyiv(program4.created_at),
      updated_at: kyiv(program4.updated_at),
    },
  ]);
  const [termsOut] = changeOf(first, 'programs', 'insert')!.files!;
  assert.deepEqual(
    { ...termsOut, bytes: undefined },
    { name: terms, memberId: null, row: 'programs 4', bytes: undefined },
  );
  assert.equal((await termsOut!.bytes()).subarray(0, 5).toString('latin1'), '%PDF-');

  const member = async (id: number) =>
    one<Record<string, unknown> & { updated_at: Date; created_at: Date; photo_file: string | null }>(
      "SELECT *, DATE_FORMAT(paid_until, '%Y-%m-%d') AS paid_until FROM members WHERE id = ?",
      [id],
    );
  const [m10, m11, m13, m14, m500] = await Promise.all([10, 11, 13, 14, NEW_MEMBER].map(member));
  const photo = await one<{ created_at: Date; sha256: string }>(
    'SELECT created_at, sha256 FROM member_files WHERE name = ?',
    [m10!.photo_file],
  );
  const photoName = `${Math.floor(photo.created_at.getTime() / 1000)}_kasa-photo-${m10!.photo_file!.slice(0, 12)}.jpg`;
  assert.deepEqual(rowsOf(first, 'members', 'update'), [
    {
      id: 10,
      email: 'olena@new.example',
      // Cleared in Kasa, and the old table has it on no other member (13's moved on).
      certificate: null,
      expiration_date: `${m10!.paid_until} 00:00:00`,
      has_new_program_change: 1,
      photo: photoName,
      updated_at: kyiv(m10!.updated_at),
    },
    {
      id: 11,
      is_submited: 1,
      has_new_program_change: 0,
      has_new_passport_data: 0,
      updated_at: kyiv(m11!.updated_at),
    },
    { id: 13, certificate: '000013', updated_at: kyiv(m13!.updated_at) },
    // The stand-in that held the place of a phone the seed did not have, typed over by staff.
    { id: 14, phone: '380671234514', updated_at: kyiv(m14!.updated_at) },
  ]);
  assert.notEqual(m10!.paid_until, '2024-12-31', 'the contribution moved the paid-until day');
  const [photoOut] = changeOf(first, 'members', 'update')!.files!;
  assert.equal(photoOut!.name, photoName);
  assert.equal(photoOut!.memberId, 10);
  assert.equal(sha256(await photoOut!.bytes()), photo.sha256, 'decrypted, as stored');

  assert.deepEqual(rowsOf(first, 'members', 'insert'), [
    {
      id: NEW_MEMBER,
      first_name: 'Марія',
      middle_name: null,
      last_name: 'Нова',
      phone: '380671000500',
      email: 'maria@example.org',
      birth_date: null,
      passport_data: null,
      inn: null,
      actual_iban: IBAN,
      photo: null,
      diia_answer: null,
      certificate: null,
      expiration_date: null,
      has_new_request: 0,
      is_active: 1,
      is_submited: 0,
      has_new_program_change: 1,
      has_new_passport_data: 1,
      created_at: kyiv(m500!.created_at),
      updated_at: kyiv(m500!.updated_at),
    },
  ]);

  // Member 11's approval: the change asked for becomes the active row, as the seed's review form
  // made it; the earlier change, replaced before the cut-over, is no longer asked for. Member 10's
  // change takes the place of the one it asked before (to the program it is on).
  const started = await one<{ started_at: Date }>(
    'SELECT started_at FROM member_programs WHERE member_id = 11 AND ended_at IS NULL',
  );
  assert.deepEqual(rowsOf(first, 'member_program', 'update'), [
    { id: 2, is_new: 0, updated_at: kyiv(m11!.updated_at) },
    { id: 3, is_active: 1, is_new: 0, updated_at: kyiv(started.started_at) },
    { id: 7, program_id: 2, updated_at: kyiv(m10!.updated_at) },
  ]);
  assert.deepEqual(rowsOf(first, 'member_program', 'insert'), [
    {
      member_id: NEW_MEMBER,
      program_id: 1,
      created_at: kyiv(m500!.updated_at),
      updated_at: kyiv(m500!.updated_at),
      is_active: 0,
      is_new: 1,
    },
  ]);

  const approved = await one<{ updated_at: Date }>(
    "SELECT updated_at FROM identity_documents WHERE member_id = 11 AND type = 'passport_page_1'",
  );
  assert.deepEqual(rowsOf(first, 'member_identity', 'update'), [
    { id: 10, is_active: 1, is_new: 0, updated_at: kyiv(approved.updated_at) },
  ]);
  const sent = await kasa.query<{
    id: number;
    type: string;
    created_at: Date;
    updated_at: Date;
    mime: string;
    sha256: string;
  }>(
    `SELECT d.id, d.type, d.created_at, d.updated_at, f.mime, f.sha256 FROM identity_documents d
     JOIN member_files f ON f.name = d.file_name WHERE d.member_id = ? ORDER BY d.id`,
    [NEW_MEMBER],
  );
  const typeIds: Record<string, number> = { id_card_front: 1, id_card_back: 2, tax_number_card: 6 };
  const extension: Record<string, string> = {
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'application/pdf': 'pdf',
  };
  // Under the ids past the old table's largest, one after another.
  const fileIdOf = new Map(sent.map((document, index) => [document.id, largestBefore + 1 + index]));
  assert.deepEqual(
    rowsOf(first, 'files', 'insert'),
    sent.map((document) => ({
      id: fileIdOf.get(document.id),
      filename: `${Math.floor(document.created_at.getTime() / 1000)}_kasa-document-${document.id}.${extension[document.mime]}`,
      request_id: null,
      created_at: kyiv(document.created_at),
      updated_at: kyiv(document.created_at),
      member_id: NEW_MEMBER,
    })),
  );
  assert.deepEqual(
    rowsOf(first, 'member_identity', 'insert'),
    sent.map((document) => ({
      member_id: NEW_MEMBER,
      file_id: fileIdOf.get(document.id),
      identity_type: typeIds[document.type],
      created_at: kyiv(document.created_at),
      updated_at: kyiv(document.updated_at),
      is_active: 0,
      is_new: 1,
    })),
  );
  const documentFiles = changeOf(first, 'files', 'insert')!.files!;
  assert.deepEqual(
    await Promise.all(
      documentFiles.map(async (out) => ({
        row: out.row,
        memberId: out.memberId,
        sha256: sha256(await out.bytes()),
      })),
    ),
    sent.map((document) => ({
      row: `files ${fileIdOf.get(document.id)}`,
      memberId: NEW_MEMBER,
      sha256: document.sha256,
    })),
  );

  assert.deepEqual(
    first.leftBehind.map(({ table, what, ids }) => ({ table, what, ids })),
    [
      { table: 'members', what: 'mistakes members reported in their name or birth date', ids: [10] },
      { table: 'members', what: 'members changed in Kasa: is_active', ids: [12] },
      { table: 'members', what: 'members changed in Kasa: certificate', ids: [15] },
      {
        table: 'payments',
        what: 'contributions waiting for the member to have a program',
        ids: [WAITING_PAYMENT],
      },
    ],
  );
  // Rows and columns by id and name only: no phone, name or number in the report's texts.
  const texts = JSON.stringify(first.leftBehind.map(({ what, why }) => [what, why]));
  for (const value of ['380', 'Коваль', '000015']) assert.ok(!texts.includes(value), value);
});

/**
 * Receipts the request service's switch back writes into the same `files` table, as its rows are:
 * without an id (the old table's sequence gives one), found again by their name.
 */
const receiptsWrittenBack = (kasaIds: readonly number[]): SeedChange => ({
  what: 'receipts attached in Kasa',
  table: 'files',
  action: 'insert',
  rows: kasaIds.map((id) => ({
    filename: `1736935200_kasa-receipt-${id}.jpg`,
    request_id: 1,
    member_id: 10,
    created_at: '2025-01-15 12:00:00',
    updated_at: '2025-01-15 12:00:00',
  })),
});
const receiptIds = async () => {
  const [rows] = await seed.connection.query(
    "SELECT id FROM files WHERE filename LIKE '%\\_kasa-receipt-%' ORDER BY id",
  );
  return (rows as Array<{ id: number }>).map(({ id }) => id);
};

test('once the rows and files are written into the old database, a switch back finds nothing more', async () => {
  // The request service's receipts go in after the member service's rows (services are asked in
  // order, inserts written in the seed's table order).
  await writeIntoOldDatabase(first, [receiptsWrittenBack([1, 2])]);
  const again = await changesSince();
  assert.deepEqual(again.changes, []);
  assert.deepEqual(again.leftBehind, first.leftBehind);
  // The old table's sequence gave the receipts the ids right past the documents': no jump.
  const documents = rowsOf(first, 'files', 'insert').length;
  assert.deepEqual(await receiptIds(), [largestBefore + documents + 1, largestBefore + documents + 2]);
});

test('documents sent after a switch back go back at the next one under fresh ids, past the receipts written back', async () => {
  // Back on Kasa (the rollback aborted): member 500 sends its documents again, before approval.
  const sentBefore = await kasa.query<{ id: number }>(
    'SELECT id FROM identity_documents WHERE member_id = ? ORDER BY id',
    [NEW_MEMBER],
  );
  await asMember(
    NEW_MEMBER,
    'POST',
    '/me/profile',
    await multipartBody({
      first_name: 'Марія',
      last_name: 'Нова',
      email: 'maria@example.org',
      program_id: '1',
      iban: IBAN,
      inn: file(pdf(), 'inn-2.pdf', 'application/pdf'),
      id_1: file(jpeg(), 'front-2.jpg', 'image/jpeg'),
      id_2: file(png(), 'back-2.png', 'image/png'),
    }),
  );
  const resent = await kasa.query<{ id: number; created_at: Date; mime: string }>(
    `SELECT d.id, d.created_at, f.mime FROM identity_documents d
     JOIN member_files f ON f.name = d.file_name WHERE d.member_id = ? AND d.id > ? ORDER BY d.id`,
    [NEW_MEMBER, sentBefore.at(-1)!.id],
  );
  assert.equal(resent.length, 3);

  const largest = await largestFileId();
  assert.equal(largest, (await receiptIds()).at(-1), 'the last id the old table gave is a receipt’s');
  const second = await changesSince();
  const extension: Record<string, string> = {
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'application/pdf': 'pdf',
  };
  const fileIdOf = new Map(resent.map((document, index) => [document.id, largest + 1 + index]));
  assert.deepEqual(
    rowsOf(second, 'files', 'insert').map(({ id, filename }) => ({ id, filename })),
    resent.map((document) => ({
      id: fileIdOf.get(document.id),
      filename: `${Math.floor(document.created_at.getTime() / 1000)}_kasa-document-${document.id}.${extension[document.mime]}`,
    })),
  );
  assert.deepEqual(
    rowsOf(second, 'member_identity', 'insert').map(({ file_id, is_new }) => ({ file_id, is_new })),
    resent.map((document) => ({ file_id: fileIdOf.get(document.id), is_new: 1 })),
  );

  // Written, with a receipt attached since: it gets the next id, and nothing is left to write.
  await writeIntoOldDatabase(second, [receiptsWrittenBack([3])]);
  assert.deepEqual((await changesSince()).changes, []);
  const receipts = await receiptIds();
  assert.equal(receipts.at(-1), largest + resent.length + 1);
  // Every document row of the member names the file written for it, none a receipt's.
  const [named] = await seed.connection.query(
    `SELECT i.file_id, f.filename FROM member_identity i LEFT JOIN files f ON f.id = i.file_id
     WHERE i.member_id = ? ORDER BY i.file_id`,
    [NEW_MEMBER],
  );
  const documentIds = [...sentBefore, ...resent].map(({ id }) => String(id));
  assert.deepEqual(
    (named as Array<{ file_id: number; filename: string | null }>).map(
      ({ filename }) => /_kasa-document-([0-9]+)\./.exec(filename ?? '')?.[1],
    ),
    documentIds,
  );
  for (const { file_id } of named as Array<{ file_id: number }>) assert.ok(!receipts.includes(file_id));
});

/** What the lead's switch back does with the changes: files into the old folder, then the rows in one transaction. */
async function writeIntoOldDatabase(changes: SeedChanges, later: readonly SeedChange[] = []): Promise<void> {
  for (const change of changes.changes)
    for (const out of change.files ?? []) {
      const folder = out.memberId === null ? seed.filesDir : join(seed.filesDir, String(out.memberId));
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, out.name), await out.bytes());
    }
  const rank = ({ table, action }: SeedChange) =>
    (action === 'insert' ? 0 : SEED_TABLE_ORDER.length) + SEED_TABLE_ORDER.indexOf(table);
  const { connection } = seed;
  await connection.beginTransaction();
  for (const change of [...changes.changes, ...later].sort((a, b) => rank(a) - rank(b)))
    for (const row of change.rows) {
      if (change.action === 'insert') {
        const columns = Object.keys(row);
        await connection.query(
          `INSERT INTO ${change.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
          columns.map((column) => row[column]),
        );
      } else {
        const { id, ...set } = row as SeedRow & { id: number };
        const columns = Object.keys(set);
        await connection.query(
          `UPDATE ${change.table} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`,
          [...columns.map((column) => set[column]), id],
        );
      }
    }
  await connection.commit();
}

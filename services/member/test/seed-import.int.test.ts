import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  type ImportOutcome,
  type ImportStep,
  openSeedSource,
  runSeedImport,
  type SeedProblem,
  type SeedSource,
  type ServiceImport,
} from '@kasa/seed-import';
import { createSeedDatabase, fillSeedFixture, type SeedDatabase } from '@kasa/testing';
import { GPS_MARKER, jpeg, png, pngExif } from '@kasa/testing/sample-files';
import { openSeedImport } from '../src/import/seed-import.ts';
import { type MemberUnderTest, startMember } from './support/member-under-test.ts';

/**
 * The seed's programs, members, member programs and identity documents brought over into the
 * member service, then read back through the service's own staff and member routes, as the
 * gateways read them: imported members answer as members made in Kasa do.
 */
const STAFF = 2;
const PENDING_DIIA = '3f2c1a7e-5b6d-4e8f-9a0b-1c2d3e4f5a6b';

let seed: SeedDatabase;
let source: SeedSource;
let kasa: MemberUnderTest;
let first: ImportOutcome;
let searchedBefore: number[];

/**
 * The fixture (libs/testing) with what this service's part adds: files where the seed kept a
 * member's uploads (`UPLOAD_FOLDER/<member id>/`), a photo carrying a location, a document of a
 * type Kasa does not know, one whose file row is gone, one whose file is missing, a member on two
 * programs at once (rows in different batches), a change asked for to the program a member is
 * on, a Diia request still awaited, texts longer than Kasa's columns.
 */
async function addMemberCases(db: SeedDatabase): Promise<void> {
  const { connection, filesDir } = db;
  await mkdir(join(filesDir, '11'), { recursive: true });
  await writeFile(join(filesDir, '11', '1709641200_me.png'), png([pngExif()]));
  await writeFile(join(filesDir, '11', '1709641000_passport1.jpg'), jpeg());
  await writeFile(join(filesDir, '1709641300_other.jpg'), jpeg());
  await connection.query("UPDATE members SET photo = '1709641200_me.png' WHERE id = 11");
  await connection.query('UPDATE members SET diia_answer = ? WHERE id = 12', [PENDING_DIIA]);
  await connection.query('UPDATE members SET passport_data = ?, inn = ? WHERE id = 14', [
    'паспорт '.repeat(40),
    '12345678901',
  ]);
  await connection.query(
    `INSERT INTO files (id, filename, request_id, created_at, updated_at, member_id) VALUES
     (105, '1709641000_passport1.jpg', NULL, '2023-11-01 10:00:00', NULL, 11),
     (106, '1709641300_other.jpg', NULL, '2023-11-01 10:00:00', NULL, 11),
     (107, '1709641100_missing.jpg', NULL, '2023-11-01 10:00:00', NULL, 11)`,
  );
  await connection.query(
    `INSERT INTO member_identity (id, member_id, file_id, identity_type, created_at, updated_at, is_active, is_new) VALUES
     (10, 11, 105, 3, '2023-11-01 10:00:00', NULL, 0, 1),
     (11, 11, 106, 9, '2023-11-01 10:00:00', NULL, 0, 1),
     (12, 11, 999, 4, '2023-11-01 10:00:00', NULL, 0, 1),
     (13, 11, 107, 4, '2023-11-01 10:00:00', NULL, 0, 1)`,
  );
  await connection.query(
    `INSERT INTO member_program (member_id, program_id, created_at, updated_at, is_active, is_new) VALUES
     (14, 1, '2023-05-01 10:00:00', NULL, 1, 0),
     (14, 2, '2023-06-01 10:00:00', NULL, 1, 0),
     (14, 3, '2023-01-01 10:00:00', '2023-04-30 10:00:00', 0, 0),
     (10, 1, '2024-05-01 10:00:00', NULL, 0, 1)`,
  );
}

const call = (member: MemberUnderTest, method: 'GET' | 'POST', url: string, auth: string, body?: object) =>
  member.service.app.inject({
    method,
    url,
    headers: { authorization: auth },
    ...(body === undefined ? {} : { payload: body }),
  });
const asStaff = (member: MemberUnderTest, method: 'GET' | 'POST', url: string, body?: object) =>
  call(member, method, url, member.staffAuth(STAFF), body);

async function importInto(member: MemberUnderTest, wrap?: (service: ServiceImport) => ServiceImport) {
  const opened = await openSeedImport(member.env);
  const service = wrap ? wrap(opened) : opened;
  try {
    // Two rows a batch: a member's rows fall into different batches, and transactions.
    return await runSeedImport({ source, services: [service], filesDir: seed.filesDir, batch: 2 });
  } finally {
    await opened.close();
  }
}

/** What the import leaves in the service's tables, without the store's random names and Kasa's own ids. */
async function snapshot(member: MemberUnderTest) {
  const rows = (sql: string) => member.query<Record<string, unknown>>(sql);
  return {
    programs: await rows(
      'SELECT id, name, month_price, terms_file IS NOT NULL AS terms, is_active, created_by, updated_by, created_at, updated_at FROM programs ORDER BY id',
    ),
    members: (await rows('SELECT * FROM members ORDER BY id')).map(({ photo_file, ...row }) => ({
      ...row,
      photo: photo_file !== null,
    })),
    memberPrograms: await rows(
      'SELECT member_id, program_id, started_at, ended_at FROM member_programs ORDER BY member_id, started_at, program_id',
    ),
    documents: await rows(
      'SELECT member_id, type, status, source, created_at, updated_at FROM identity_documents ORDER BY member_id, type, created_at',
    ),
    memberFiles: await rows('SELECT member_id, mime FROM member_files ORDER BY member_id, mime'),
    requests: await rows('SELECT * FROM member_requests ORDER BY request_id'),
    counter: await rows('SELECT * FROM certificate_counter'),
    settled: await rows(
      'SELECT seed_table, seed_key, file_name IS NOT NULL AS stored FROM seed_imports ORDER BY 1, 2',
    ),
  };
}

before(async () => {
  seed = await createSeedDatabase();
  await fillSeedFixture(seed);
  await addMemberCases(seed);
  source = await openSeedSource(seed.url);
  kasa = await startMember();
  // A search before the import: the index has read the (empty) members and will only look for changes.
  searchedBefore = (await asStaff(kasa, 'POST', '/staff/members/search', { query: 'Коваль' })).json().data;
  first = await importInto(kasa);
});

after(async () => {
  await kasa?.close();
  await source?.close();
  await seed?.drop();
});

/** The report holds a problem with these fields (and maybe others). */
const has = (problems: readonly SeedProblem[], expected: Record<string, unknown>) =>
  assert.ok(
    problems.some((problem) =>
      Object.entries(expected).every(
        ([key, value]) => JSON.stringify((problem as Record<string, unknown>)[key]) === JSON.stringify(value),
      ),
    ),
    `no problem like ${JSON.stringify(expected)} in ${JSON.stringify(problems)}`,
  );

test('programs come over with their ids, prices in kopiyky and terms stored as a PDF', async () => {
  assert.deepEqual(searchedBefore, []);
  const catalogue = await kasa.service.app.inject({ method: 'GET', url: '/programs' });
  assert.equal(catalogue.statusCode, 200);
  const programs = await asStaff(kasa, 'GET', '/staff/programs');
  assert.equal(programs.statusCode, 200, programs.body);
  const all = programs.json().data as Array<Record<string, unknown>>;
  assert.deepEqual(
    all.map(({ program_id, program_name, month_price, is_active, created_by, updated_by }) => ({
      program_id,
      program_name,
      month_price,
      is_active,
      created_by,
      updated_by,
    })),
    [
      {
        program_id: 1,
        program_name: 'Базова',
        month_price: 30_000,
        is_active: true,
        created_by: 1,
        updated_by: 1,
      },
      {
        program_id: 2,
        program_name: 'Розширена',
        month_price: 49_999,
        is_active: true,
        created_by: 1,
        updated_by: null,
      },
      {
        program_id: 3,
        program_name: 'Стара',
        month_price: 15_050,
        is_active: false,
        created_by: null,
        updated_by: null,
      },
    ],
  );
  assert.equal(all[0]!.created_at, '2023-01-10T07:30:00.000Z');
  const terms = all[0]!.program_file as string;
  assert.match(terms, /^[0-9a-f]{32}$/);
  const file = await kasa.service.app.inject({ method: 'GET', url: `/programs/terms/${terms}` });
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  // The sequence moves past the seed's ids.
  const [next] = await kasa.query<{ AUTO_INCREMENT: number }>(
    "SELECT AUTO_INCREMENT FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'programs'",
  );
  assert.ok(Number(next!.AUTO_INCREMENT) > 3);
});

test("an imported member's card answers as a member made in Kasa", async () => {
  const answer = await asStaff(kasa, 'GET', '/staff/members/10');
  assert.equal(answer.statusCode, 200, answer.body);
  const card = answer.json();
  const { photo, ...member } = card.member;
  assert.match(photo, /^[0-9a-f]{32}$/);
  assert.deepEqual(member, {
    id: 10,
    first_name: 'Олена',
    middle_name: 'Петрівна',
    last_name: 'Коваль',
    phone: '+380671234510',
    email: 'olena@example.org',
    birth_date: '1985-04-12',
    passport_data: 'ID 001234567',
    inn: '3012345678',
    actual_iban: 'UA213223130000026007233566001',
    certificate: '000010',
    expiration_date: '2024-12-31',
    is_active: true,
    is_submited: true,
    has_new_request: true,
    has_new_program_change: false,
    has_new_passport_data: false,
    has_correction_request: false,
    diia_answer: null,
    created_at: '2023-03-05T10:00:00.000Z',
    updated_at: '2024-03-05T10:00:00.000Z',
    pricing_program_id: 1,
  });
  assert.equal(card.actual_program.program_id, 1);
  assert.equal(card.new_program, null);
  assert.deepEqual(
    card.current_identities.map(({ identity_type, status, source, mime }: Record<string, unknown>) => ({
      identity_type,
      status,
      source,
      mime,
    })),
    [
      { identity_type: 1, status: 'current', source: 'upload', mime: 'image/jpeg' },
      { identity_type: 2, status: 'current', source: 'upload', mime: 'image/png' },
      { identity_type: 6, status: 'current', source: 'upload', mime: 'application/pdf' },
    ],
  );
  assert.equal(card.actual_member_program.program.program_id, 1);
  assert.equal(card.actual_member_program.created_at, '2023-03-05T10:00:00.000Z');
  // Each document opens for staff, as an upload does.
  for (const { file } of card.identities) {
    const opened = await asStaff(kasa, 'GET', `/staff/members/10/files/${file}`);
    assert.equal(opened.statusCode, 200, opened.body);
  }
  const photoFile = await asStaff(kasa, 'GET', `/staff/members/10/files/${photo}`);
  assert.equal(photoFile.statusCode, 200);
});

test('a pending program change and pending documents await staff; files from the member’s folder are stripped', async () => {
  const card = (await asStaff(kasa, 'GET', '/staff/members/11')).json();
  assert.equal(card.member.is_submited, false);
  assert.equal(card.member.has_new_program_change, true);
  assert.equal(card.member.has_new_passport_data, true);
  assert.equal(card.member.diia_answer, '{"data":"from Diia"}');
  assert.equal(card.actual_program, null);
  // Of the two changes the seed kept, the later one.
  assert.equal(card.new_program.program_id, 2);
  assert.equal(card.new_member_program.is_new, true);
  assert.deepEqual(
    card.new_identities.map(({ type, status }: Record<string, unknown>) => ({ type, status })),
    [{ type: 'passport_page_1', status: 'pending' }],
  );
  const photo = await asStaff(kasa, 'GET', `/staff/members/11/files/${card.member.photo}`);
  assert.equal(photo.statusCode, 200);
  assert.equal(photo.headers['content-type'], 'image/png');
  assert.ok(!photo.rawPayload.includes(Buffer.from(GPS_MARKER, 'latin1')), 'the location is stripped');

  const awaited = (await asStaff(kasa, 'GET', '/staff/members/12')).json().member;
  assert.equal(awaited.diia_answer, PENDING_DIIA);
  const [row] = await kasa.query<{ diia_request_id: string; profile_sent_at: Date | null }>(
    'SELECT diia_request_id, profile_sent_at FROM members WHERE id = 12',
  );
  assert.equal(row!.diia_request_id, PENDING_DIIA);
  assert.equal(row!.profile_sent_at, null);
});

test('a member on two programs at once is on the later one; the earlier ends where it begins', async () => {
  const card = (await asStaff(kasa, 'GET', '/staff/members/14')).json();
  assert.equal(card.actual_program.program_id, 2);
  assert.deepEqual(
    card.member_programs.map(
      ({
        program,
        is_active,
        created_at,
        updated_at,
      }: { program: { program_id: number } } & Record<string, unknown>) => ({
        program: program.program_id,
        is_active,
        created_at,
        updated_at,
      }),
    ),
    [
      {
        program: 2,
        is_active: true,
        created_at: '2023-06-01T07:00:00.000Z',
        updated_at: '2023-06-01T07:00:00.000Z',
      },
      {
        program: 1,
        is_active: false,
        created_at: '2023-05-01T07:00:00.000Z',
        updated_at: '2023-06-01T07:00:00.000Z',
      },
      {
        program: 3,
        is_active: false,
        created_at: '2023-01-01T08:00:00.000Z',
        updated_at: '2023-04-30T07:00:00.000Z',
      },
    ],
  );
  assert.equal(card.member.phone, 'seed-14');
  assert.equal([...card.member.passport_data].length, 255);
  assert.equal(card.member.inn, null);
});

test('the member routes answer an imported member: the profile with its program, 403 until approved', async () => {
  const profile = await call(kasa, 'GET', '/me/profile', kasa.memberAuth(10));
  assert.equal(profile.statusCode, 200, profile.body);
  const body = profile.json();
  assert.equal(body.id, 10);
  assert.equal(body.expiration_date, '2024-12-31');
  assert.equal(body.program.program_id, 1);
  assert.equal(body.program.month_price, 30_000);
  const own = await call(kasa, 'GET', `/me/files/${body.photo}`, kasa.memberAuth(10));
  assert.equal(own.statusCode, 200);

  const waiting = await call(kasa, 'GET', '/me/profile', kasa.memberAuth(11));
  assert.equal(waiting.statusCode, 403);
  assert.equal(waiting.json().message, 'Your profile is not approved yet');
  // 13's cleared is_active is the seed's "sent for review", not a block: still waiting.
  const cleared = await call(kasa, 'GET', '/me/profile', kasa.memberAuth(13));
  assert.equal(cleared.statusCode, 403);
  assert.equal(cleared.json().message, 'Your profile is not approved yet');
});

test('staff search finds imported members, even by an index that had read the members before', async () => {
  const found = await asStaff(kasa, 'POST', '/staff/members/search', { query: 'коваль' });
  assert.deepEqual(
    found.json().data.map(({ id }: { id: number }) => id),
    [10],
  );
  const byCertificate = await asStaff(kasa, 'POST', '/staff/members/search', {
    query: '000011',
    fields: { certificate: true },
  });
  assert.deepEqual(
    byCertificate.json().data.map(({ id }: { id: number }) => id),
    [11],
  );
  const attention = await asStaff(kasa, 'POST', '/staff/members/search', { query: '' });
  assert.deepEqual(
    attention
      .json()
      .data.map(({ id }: { id: number }) => id)
      .sort(),
    [10, 11, 13, 14],
  );
  const counts = (await asStaff(kasa, 'GET', '/staff/members/counts')).json();
  assert.equal(counts.total, 5);
  // 13's flag was cleared as the seed's profile form cleared it for review: not blocked.
  assert.equal(counts.blocked, 0);
  assert.equal(counts.signed_up, 1);
});

test('phones and certificates held twice stay with the first member; the others are reported by row', async () => {
  const rows = await kasa.query<{ id: number; phone: string; certificate: string | null; is_active: number }>(
    'SELECT id, phone, certificate, is_active FROM members WHERE id IN (13, 14) ORDER BY id',
  );
  assert.deepEqual(
    rows.map((row) => ({ ...row, is_active: Boolean(row.is_active) })),
    [
      { id: 13, phone: 'seed-13', certificate: null, is_active: true },
      { id: 14, phone: 'seed-14', certificate: null, is_active: true },
    ],
  );
  const problems = first.problems;
  has(problems, { kind: 'duplicate_phone', table: 'members', ids: [10, 13] });
  has(problems, { kind: 'bad_phone', table: 'members', id: 14 });
  has(problems, { kind: 'duplicate_certificate', certificate: '000010', ids: [10, 13] });
  has(problems, { kind: 'date_unknown', table: 'members', id: 13 });
  has(problems, { kind: 'value_replaced', table: 'members', id: 14, column: 'passport_data' });
  has(problems, { kind: 'value_replaced', table: 'members', id: 14, column: 'inn' });
  has(problems, { kind: 'file_missing', table: 'files', id: 107, file: '1709641100_missing.jpg' });
  has(problems, { kind: 'not_imported', table: 'member_identity', id: '11' });
  has(problems, { kind: 'not_imported', table: 'member_identity', id: '12' });
  // The earlier of member 11's two changes, and member 10's change to the program it is on.
  has(problems, { kind: 'not_imported', table: 'member_program', id: '2' });
  has(problems, { kind: 'not_imported', table: 'member_program', id: '7' });
  const text = JSON.stringify(problems);
  for (const phone of ['671234510', '671234511', 'не знаю'])
    assert.ok(!text.includes(phone), 'no phone in the report');
  // The certificate counter moves past the numbers brought over.
  const generated = await asStaff(kasa, 'POST', '/staff/certificates');
  assert.equal(generated.statusCode, 200, generated.body);
  assert.ok(Number(generated.json().data) > 11);
});

test('the "new request" flag follows the seed’s requests, as the request handlers keep it; no event goes out', async () => {
  const requests = await kasa.query<Record<string, unknown>>(
    'SELECT request_id, member_id, waiting_for_staff, version FROM member_requests ORDER BY request_id',
  );
  assert.deepEqual(
    requests.map((row) => ({ ...row, waiting_for_staff: Boolean(row.waiting_for_staff) })),
    [
      { request_id: 200, member_id: 10, waiting_for_staff: false, version: 2 },
      { request_id: 201, member_id: 10, waiting_for_staff: true, version: 1 },
      { request_id: 202, member_id: 99, waiting_for_staff: false, version: 2 },
    ],
  );
  const [outbox] = await kasa.query<{ n: number }>('SELECT COUNT(*) AS n FROM outbox');
  assert.equal(Number(outbox!.n), 0);
});

test('the verification agrees, but for the document whose file is missing', async () => {
  const lines = first.verification;
  const disagreeing = lines.filter(({ agrees }) => !agrees);
  assert.deepEqual(
    disagreeing.map(({ what, seed, kasa }) => ({ what, seed, kasa })),
    [{ what: 'identity documents', seed: 7, kasa: 4 }],
    JSON.stringify(lines, null, 2),
  );
  const files = lines.find(({ what }) => what === 'stored files opened against their checksums')!;
  assert.equal(files.kasa, 7);
  for (const what of ['members', 'programs', 'paid-until days', 'certificates', 'programs members are on'])
    assert.ok(
      lines.some((line) => line.what === what && line.agrees),
      what,
    );
});

test('a second run writes nothing, stores no file again and changes nothing', async () => {
  const before = await snapshot(kasa);
  const stored = (await kasa.storedFiles()).length;
  const again = await importInto(kasa);
  assert.deepEqual(
    again.written.filter(({ written }) => written !== 0),
    [],
  );
  assert.equal((await kasa.storedFiles()).length, stored);
  assert.deepEqual(await snapshot(kasa), before);
  // Only the file still missing is reported again: it is tried at every run.
  assert.deepEqual(
    again.problems.map(({ kind }) => kind),
    ['file_missing'],
  );
  assert.deepEqual(
    again.verification.map(({ what, agrees }) => ({ what, agrees })),
    first.verification.map(({ what, agrees }) => ({ what, agrees })),
  );
});

test('a run that stops part way is resumed by running again, to the same result', async () => {
  const other = await startMember();
  try {
    // Batches fail after their work, as a crash before the commit would: their transactions roll
    // back. One run stops in the members, the next in their programs, the next in their documents.
    for (const failing of ['members', 'member programs', 'identity documents']) {
      const crashing = (service: ServiceImport): ServiceImport => ({
        ...service,
        steps: service.steps.map((step): ImportStep => {
          if (step.name !== failing) return step;
          let calls = 0;
          return {
            ...step,
            async write(tx, rows, context) {
              const written = await step.write(tx, rows, context);
              calls += 1;
              if (calls === 2) throw new Error(`crash in ${step.name}`);
              return written;
            },
          };
        }),
      });
      await assert.rejects(importInto(other, crashing), /crash in/);
    }
    const resumed = await importInto(other);
    assert.deepEqual(
      resumed.verification.map(({ what, seed, kasa, agrees }) => ({ what, seed, kasa, agrees })),
      first.verification.map(({ what, seed, kasa, agrees }) => ({ what, seed, kasa, agrees })),
    );
    const [mine, theirs] = [await snapshot(other), await snapshot(kasa)];
    // The first Kasa has handed out a certificate since (above): this one is where the import left it.
    assert.deepEqual(mine.counter, [{ id: 1, last: 11 }]);
    for (const part of Object.keys(mine).filter((name) => name !== 'counter') as (keyof typeof mine)[]) {
      assert.deepEqual(withoutTimes(mine[part]), withoutTimes(theirs[part]), part);
    }
    // Every file a row names opens with the checksum taken when it was stored.
    const named = await other.query<{ name: string; sha256: string }>(
      'SELECT name, sha256 FROM member_files',
    );
    const { files } = other.service.deps;
    for (const { name, sha256 } of named) {
      const { bytes } = await files.open(name);
      assert.equal(createHash('sha256').update(bytes).digest('hex'), sha256);
    }
  } finally {
    await other.close();
  }
});

/**
 * Rows as compared between two Kasas that imported the same seed: the times that are the
 * import's own (rows the seed left undated take the run's start) aside.
 */
function withoutTimes(rows: readonly Record<string, unknown>[]) {
  return rows.map(({ imported_at: _i, created_at: _c, updated_at: _u, profile_sent_at: _p, ...row }) => row);
}

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SENSITIVE_EVENT_TYPES } from '@kasa/contracts';
import { jpeg, pdf } from '@kasa/testing/sample-files';
import type { MemberDeps } from '../src/deps.ts';
import { type MemberUnderTest, startMember } from './support/member-under-test.ts';

/** Ukrainian IBANs and tax numbers with valid checks; no real accounts or people. */
const IBAN = 'UA743052990000026007233566001';
const OTHER_IBAN = 'UA213223130000026007233566001';
const TAX_NUMBER = '2924300123';
const STAFF = 7;

let member: MemberUnderTest;
let deps: MemberDeps;
let basic: number;
let extended: number;

before(async () => {
  member = await startMember();
  deps = member.service.deps;
  basic = await addProgram('Базова', 20_000);
  extended = await addProgram('Розширена', 35_000);
});
after(() => member.close());

async function addProgram(name: string, monthPrice: number): Promise<number> {
  await member.query('INSERT INTO programs (name, month_price) VALUES (?, ?)', [name, monthPrice]);
  const [row] = await member.query<{ id: number }>('SELECT MAX(id) AS id FROM programs');
  return row!.id;
}

/** A member as the database holds one, without going through the app. */
async function addMember(id: number, columns: Record<string, unknown> = {}): Promise<void> {
  const row = { id, phone: `+38067${String(id).padStart(7, '0')}`, ...columns };
  const names = Object.keys(row);
  await member.query(
    `INSERT INTO members (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    Object.values(row),
  );
}

/** A stored file recorded as the member's; documents also get their identity row. */
async function addFile(memberId: number, bytes: Buffer = jpeg()): Promise<string> {
  const file = await deps.files.save(bytes, deps.policies.document);
  await member.query(
    'INSERT INTO member_files (name, member_id, mime, size, sha256) VALUES (?, ?, ?, ?, ?)',
    [file.name, memberId, file.mime, file.size, file.sha256],
  );
  return file.name;
}

async function addDocument(memberId: number, type: string, status: string): Promise<string> {
  const name = await addFile(memberId, type === 'tax_number_card' ? pdf() : jpeg());
  await member.query(
    "INSERT INTO identity_documents (member_id, type, file_name, status, source) VALUES (?, ?, ?, ?, 'upload')",
    [memberId, type, name, status],
  );
  return name;
}

function call(method: 'GET' | 'POST' | 'PATCH', url: string, body?: object, auth = member.staffAuth(STAFF)) {
  return member.service.app.inject({
    method,
    url,
    headers: { authorization: auth },
    ...(body === undefined ? {} : { payload: body }),
  });
}

const search = (body: object) => call('POST', '/staff/members/search', body);
const edit = (id: number, body: object) => call('PATCH', `/staff/members/${id}`, body);
const idsOf = (answer: { json(): { data: { id: number }[] } }) => answer.json().data.map(({ id }) => id);

const memberRow = async (id: number) =>
  (await member.query<Record<string, unknown>>('SELECT * FROM members WHERE id = ?', [id]))[0]!;

const eventsOf = async (memberId: number) =>
  (
    await member.query<{ payload: string }>('SELECT payload FROM outbox WHERE aggregate_id = ? ORDER BY id', [
      String(memberId),
    ])
  )
    .map(({ payload }) => {
      const event = JSON.parse(payload) as { type: string; actor: unknown; data: unknown };
      return { type: event.type, actor: event.actor, data: event.data };
    })
    // Personal events leave the outbox as soon as the broker has them.
    .filter(({ type }) => !SENSITIVE_EVENT_TYPES.has(type));

const staffActor = { kind: 'staff', id: String(STAFF) };

test('only a staff token opens the staff routes', async () => {
  await addMember(100);
  const routes: [method: 'GET' | 'POST' | 'PATCH', url: string, body?: object][] = [
    ['POST', '/staff/members/search', {}],
    ['GET', '/staff/members/100'],
    ['PATCH', '/staff/members/100', { is_active: false }],
    ['POST', '/staff/certificates'],
    ['GET', '/staff/members/100/files/00000000000000000000000000000000'],
  ];
  for (const [method, url, body] of routes) {
    assert.equal((await call(method, url, body, member.memberAuth(100))).statusCode, 401, `${method} ${url}`);
    assert.equal((await call(method, url, body, '')).statusCode, 401, `${method} ${url} without a token`);
  }
  assert.equal((await memberRow(100)).is_active, 1);
});

test('a search finds members with any of the words in some field, in any case, as the seed did', async () => {
  await addMember(201, {
    first_name: 'Олена',
    last_name: 'Зорянська',
    passport_data: 'КВ 123456, виданий Печерським РВ',
    tax_number: TAX_NUMBER,
    iban: IBAN,
    certificate: 'Z-2001',
  });
  await addMember(202, { first_name: 'Олег', last_name: 'Зорянський', passport_data: 'МЕ 654321' });
  await addMember(203, { first_name: 'Зоряна', middle_name: 'Олегівна', last_name: 'Іванова' });

  const found = async (query: string, fields?: object) => {
    const answer = await search({ query, ...(fields ? { fields } : {}) });
    assert.equal(answer.statusCode, 200, answer.body);
    return idsOf(answer).sort();
  };
  assert.deepEqual(await found('зорян'), [201, 202, 203]);
  assert.deepEqual(await found('ЗОРЯН'), [201, 202, 203]);
  assert.deepEqual(await found('  олена   іванова  '), [201, 203], 'either word, in some field');
  assert.deepEqual(await found('олег'), [202, 203]);
  assert.deepEqual(await found('печерським невідомо'), [201]);
  assert.deepEqual(await found('зорян', { name: false }), []);
  assert.deepEqual(await found('кв 123456', { passport: true, name: false }), [201]);
  assert.deepEqual(await found('кв 654321', { passport: true, name: false }), [201, 202]);
  assert.deepEqual(await found('123456', { passport: false }), []);
  assert.deepEqual(await found('4300123'), [201], 'inn');
  assert.deepEqual(await found('ua7430529900'), [201], 'IBAN, typed in small letters');
  assert.deepEqual(await found('ua7430529900', { iban: false }), []);
  assert.deepEqual(await found('z-2001'), [201], 'certificate');
  assert.deepEqual(await found('%'), [], 'a wildcard is a character like any other');
  assert.deepEqual(await found('зорян_'), []);
  assert.deepEqual(
    await found('зорян', { name: false, passport: false, inn: false, iban: false, certificate: false }),
    [],
  );
});

test('a search pages the latest changed first and counts them all', async () => {
  for (let id = 301; id <= 305; id += 1) {
    await addMember(id, {
      last_name: `Сторінченко-${id}`,
      // Written now, as every change is: the search reads what changed since it last looked.
      updated_at: new Date(Date.now() + (id - 300) * 1000),
    });
  }
  const page = async (offset: number, limit: number) => {
    const answer = await search({ query: 'сторінченко', offset, limit });
    assert.equal(answer.statusCode, 200, answer.body);
    return { ids: idsOf(answer), total: answer.json().total };
  };
  assert.deepEqual(await page(0, 2), { ids: [305, 304], total: 5 });
  assert.deepEqual(await page(2, 2), { ids: [303, 302], total: 5 });
  assert.deepEqual(await page(4, 2), { ids: [301], total: 5 });
  assert.deepEqual(await page(10, 2), { ids: [], total: 5 });
  assert.equal((await search({ limit: 10_001 })).statusCode, 400, 'at most 10,000 a page');
  assert.equal((await search({ offset: -1 })).statusCode, 400);
  assert.equal((await search({ query: 'x'.repeat(201) })).statusCode, 400);

  const first = (await search({ query: 'сторінченко' })).json();
  assert.equal(first.data.length, 5);
  assert.deepEqual(Object.keys(first.data[0]).sort(), [
    'actual_iban',
    'birth_date',
    'certificate',
    'created_at',
    'diia_answer',
    'email',
    'expiration_date',
    'first_name',
    'has_correction_request',
    'has_new_passport_data',
    'has_new_program_change',
    'has_new_request',
    'id',
    'inn',
    'is_active',
    'is_submited',
    'last_name',
    'middle_name',
    'passport_data',
    'phone',
    'photo',
    'pricing_program_id',
    'updated_at',
  ]);
});

test('an empty query lists the members that need attention, latest changed first', async () => {
  const at = (day: number) => new Date(Date.UTC(2030, 0, day));
  const sent = new Date(Date.UTC(2029, 11, 1));
  await addMember(401, { updated_at: at(1) }); // only signed in
  await addMember(402, { profile_sent_at: sent, updated_at: at(2) });
  await addMember(403, { profile_sent_at: sent, is_submitted: 1, updated_at: at(3) }); // approved
  await addMember(404, {
    profile_sent_at: sent,
    is_submitted: 1,
    has_new_program_change: 1,
    updated_at: at(4),
  });
  await addMember(405, { profile_sent_at: sent, is_submitted: 1, has_new_documents: 1, updated_at: at(5) });
  await addMember(406, {
    profile_sent_at: sent,
    is_submitted: 1,
    has_correction_request: 1,
    updated_at: at(6),
  });
  await addMember(407, { profile_sent_at: sent, is_submitted: 1, has_new_request: 1, updated_at: at(7) });

  const answer = await search({ query: '   ', fields: { name: false }, limit: 5 });
  assert.equal(answer.statusCode, 200, answer.body);
  assert.deepEqual(idsOf(answer), [407, 406, 405, 404, 402]);
  const all = await search({ limit: 200 });
  const ids = idsOf(all);
  assert.equal(all.json().total, ids.length);
  assert.ok(!ids.includes(401) && !ids.includes(403));
});

test("a member's card: profile, programs and program rows, documents and unresolved mistakes", async () => {
  await addMember(501, {
    first_name: 'Марія',
    last_name: 'Гнатюк',
    birth_date: '1990-03-02',
    program_id: basic,
    pending_program_id: extended,
    has_new_program_change: 1,
    has_new_documents: 1,
    profile_sent_at: new Date(),
  });
  await member.query(
    "INSERT INTO member_programs (member_id, program_id, started_at, ended_at) VALUES (501, ?, '2024-01-01', '2025-01-01')",
    [extended],
  );
  await member.query(
    "INSERT INTO member_programs (member_id, program_id, started_at) VALUES (501, ?, '2025-01-01 00:00:00.001')",
    [basic],
  );
  const old = await addDocument(501, 'id_card_front', 'history');
  const current = await addDocument(501, 'id_card_front', 'current');
  const pending = await addDocument(501, 'tax_number_card', 'pending');
  await member.query(
    "INSERT INTO profile_corrections (member_id, last_name, birth_date) VALUES (501, 'Гнатюк-Левицька', '1990-03-03')",
  );
  await member.query(
    "INSERT INTO profile_corrections (member_id, first_name, resolved_at) VALUES (501, 'Марта', NOW(3))",
  );

  const answer = await call('GET', '/staff/members/501');
  assert.equal(answer.statusCode, 200, answer.body);
  const card = answer.json();
  assert.equal(card.member.id, 501);
  assert.equal(card.member.birth_date, '1990-03-02');
  assert.equal(card.member.has_new_passport_data, true);
  assert.equal(card.actual_program.program_id, basic);
  assert.deepEqual(
    { ...card.new_program, created_at: undefined, updated_at: undefined },
    {
      program_id: extended,
      program_name: 'Розширена',
      program_file: null,
      month_price: 35_000,
      is_active: true,
      created_by: null,
      updated_by: null,
      created_at: undefined,
      updated_at: undefined,
    },
  );
  assert.ok(card.programs.length >= 2);

  // The program rows (the seed's Member_program): the change asked for, then the history.
  const row = (entry: {
    id: number;
    program: { program_id: number };
    is_active: boolean;
    is_new: boolean;
  }) => ({
    id: entry.id,
    program: entry.program.program_id,
    is_active: entry.is_active,
    is_new: entry.is_new,
  });
  const [{ current: currentRow } = { current: 0 }] = await member.query<{ current: number }>(
    'SELECT id AS current FROM member_programs WHERE member_id = 501 AND ended_at IS NULL',
  );
  assert.deepEqual(row(card.new_member_program), {
    id: 501,
    program: extended,
    is_active: false,
    is_new: true,
  });
  assert.deepEqual(row(card.actual_member_program), {
    id: currentRow,
    program: basic,
    is_active: true,
    is_new: false,
  });
  assert.equal(card.actual_member_program.created_at, '2025-01-01T00:00:00.001Z');
  assert.deepEqual(card.member_programs.map(row), [
    row(card.new_member_program),
    row(card.actual_member_program),
    { id: currentRow - 1, program: extended, is_active: false, is_new: false },
  ]);
  assert.equal(card.member_programs[2].updated_at, '2025-01-01T00:00:00.000Z', 'a past row ends');
  assert.deepEqual(
    card.identities.map((document: { file: string; status: string }) => [document.file, document.status]),
    [
      [old, 'history'],
      [current, 'current'],
      [pending, 'pending'],
    ],
  );
  assert.deepEqual(
    card.current_identities.map((document: { file: string }) => document.file),
    [current],
  );
  assert.deepEqual(card.new_identities, [card.identities[2]]);
  assert.ok(card.new_identities[0].created <= card.new_identities[0].updated);
  assert.deepEqual(
    { ...card.new_identities[0], created_at: undefined, created: undefined, updated: undefined },
    {
      id: card.new_identities[0].id,
      identity_type: 6,
      type: 'tax_number_card',
      file: pending,
      mime: 'application/pdf',
      status: 'pending',
      source: 'upload',
      is_new: true,
      created_at: undefined,
      created: undefined,
      updated: undefined,
    },
  );
  assert.equal(card.corrections.length, 1);
  assert.deepEqual(
    { ...card.corrections[0], id: undefined, created_at: undefined },
    {
      id: undefined,
      first_name: null,
      middle_name: null,
      last_name: 'Гнатюк-Левицька',
      birth_date: '03.03.1990',
      created_at: undefined,
    },
  );

  const missing = await call('GET', '/staff/members/999999');
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().message, 'Member not found');
});

test('an invalid edit is refused in words and changes nothing', async () => {
  await addMember(601, { first_name: 'Тарас', certificate: '601' });
  await addMember(602, { certificate: '602' });
  const before = await memberRow(601);
  const cases: [body: object, status: number, message: RegExp][] = [
    [{ iban: 'UA00 1234' }, 400, /IBAN/],
    [{ inn: '1234567890' }, 400, /tax number/],
    [{ phone: '067 123' }, 400, /Phone/],
    [{ birth_date: '31.02.1990' }, 400, /birth_date/],
    [{ birth_date: '01.01.2999' }, 400, /future/],
    [{ first_name: '   ' }, 400, /./],
    [{ email: 'not an email' }, 400, /./],
    [{ phone: '+380670000602' }, 422, /^Can not assign this phone number$/],
    [{ certificate: '602' }, 422, /^This certificate number is already taken$/],
    [{ first_name: 'Тарас', certificate: ' 602 ' }, 422, /^This certificate number is already taken$/],
    [{ is_submited: true }, 409, /^The member has not sent a profile yet$/],
  ];
  for (const [body, status, message] of cases) {
    const answer = await edit(601, body);
    assert.equal(answer.statusCode, status, `${JSON.stringify(body)}: ${answer.body}`);
    assert.match(answer.json().message, message);
  }
  assert.deepEqual(await memberRow(601), before);
  assert.deepEqual(await eventsOf(601), []);
  const missing = await edit(999_999, { first_name: 'Ніхто' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().message, 'Member not found');
});

test('an edit stores canonical values and announces the changed fields, never their values', async () => {
  await addMember(701, { first_name: 'Тарас', email: 'old@example.org' });
  const answer = await edit(701, {
    first_name: ' Тарас ',
    last_name: 'Мельник',
    middle_name: '',
    email: 'taras@example.org',
    iban: 'ua74 3052 9900 0002 6007 2335 6600 1',
    birth_date: '24.08.1991',
    inn: TAX_NUMBER,
    passport_data: 'КВ 000701',
    certificate: '70001',
    phone: '+380 67 000 7001',
  });
  assert.equal(answer.statusCode, 200, answer.body);
  assert.deepEqual(answer.json(), { status: 'success', message: 'Member updated' });
  const row = await memberRow(701);
  assert.equal(row.last_name, 'Мельник');
  assert.equal(row.middle_name, null);
  assert.equal(row.iban, IBAN);
  assert.equal(row.tax_number, TAX_NUMBER);
  assert.equal(row.phone, '+380670007001');
  assert.equal(row.certificate, '70001');
  const [{ birth } = { birth: '' }] = await member.query<{ birth: string }>(
    "SELECT DATE_FORMAT(birth_date, '%Y-%m-%d') AS birth FROM members WHERE id = 701",
  );
  assert.equal(birth, '1991-08-24');

  assert.deepEqual(await eventsOf(701), [
    {
      type: 'member.updated',
      actor: staffActor,
      data: {
        memberId: 701,
        fields: ['last_name', 'email', 'iban', 'birth_date', 'certificate', 'passport_data', 'inn', 'phone'],
      },
    },
    { type: 'member.phone_changed', actor: staffActor, data: { memberId: 701, phone: '+380670007001' } },
    { type: 'member.certificate_assigned', actor: staffActor, data: { memberId: 701, certificate: '70001' } },
  ]);

  const again = await edit(701, {
    first_name: 'Тарас',
    last_name: 'Мельник',
    iban: IBAN,
    birth_date: '24.08.1991',
  });
  assert.equal(again.statusCode, 200);
  assert.deepEqual(await memberRow(701), row, 'the same values again change nothing');
  assert.equal((await eventsOf(701)).length, 3);

  assert.equal((await edit(701, { iban: OTHER_IBAN, certificate: null })).statusCode, 200);
  assert.equal((await memberRow(701)).certificate, null);
  assert.deepEqual((await eventsOf(701)).at(-1), {
    type: 'member.updated',
    actor: staffActor,
    data: { memberId: 701, fields: ['iban', 'certificate'] },
  });
});

test('approval makes the pending program and documents current and resolves reported mistakes', async () => {
  await addMember(801, {
    first_name: 'Ганна',
    profile_sent_at: new Date(),
    pending_program_id: basic,
    has_new_program_change: 1,
    has_new_documents: 1,
    has_correction_request: 1,
  });
  const front = await addDocument(801, 'id_card_front', 'pending');
  const back = await addDocument(801, 'id_card_back', 'pending');
  const card = await addDocument(801, 'tax_number_card', 'pending');
  await member.query("INSERT INTO profile_corrections (member_id, first_name) VALUES (801, 'Анна')");

  const answer = await edit(801, { first_name: 'Анна', is_submited: true });
  assert.equal(answer.statusCode, 200, answer.body);
  const row = await memberRow(801);
  assert.deepEqual(
    {
      first_name: row.first_name,
      is_submitted: row.is_submitted,
      program_id: row.program_id,
      pending_program_id: row.pending_program_id,
      has_new_program_change: row.has_new_program_change,
      has_new_documents: row.has_new_documents,
      has_correction_request: row.has_correction_request,
    },
    {
      first_name: 'Анна',
      is_submitted: 1,
      program_id: basic,
      pending_program_id: null,
      has_new_program_change: 0,
      has_new_documents: 0,
      has_correction_request: 0,
    },
  );
  const documents = await member.query<{ file_name: string; status: string }>(
    'SELECT file_name, status FROM identity_documents WHERE member_id = 801 ORDER BY id',
  );
  assert.deepEqual(
    documents.map(({ file_name, status }) => [file_name, status]),
    [
      [front, 'current'],
      [back, 'current'],
      [card, 'current'],
    ],
  );
  const [open] = await member.query<{ n: number }>(
    'SELECT COUNT(*) AS n FROM profile_corrections WHERE member_id = 801 AND resolved_at IS NULL',
  );
  assert.equal(Number(open!.n), 0);
  const history = await member.query<{ program_id: number; ended_at: Date | null }>(
    'SELECT program_id, ended_at FROM member_programs WHERE member_id = 801',
  );
  assert.deepEqual(
    history.map((entry) => ({ ...entry })),
    [{ program_id: basic, ended_at: null }],
  );
  assert.deepEqual(
    (await eventsOf(801)).map(({ type, data }) => ({ type, data })),
    [
      { type: 'member.updated', data: { memberId: 801, fields: ['first_name'] } },
      { type: 'member.approved', data: { memberId: 801, programId: basic } },
    ],
  );
  assert.equal((await edit(801, { is_submited: true })).statusCode, 200);
  assert.equal((await eventsOf(801)).length, 2, 'approving an approved member changes nothing');
  assert.ok(!idsOf(await search({ limit: 200 })).includes(801), 'off the attention list');
});

test('a later approval moves the member to the new program and replaces documents of the same type', async () => {
  await addMember(802, {
    profile_sent_at: new Date(),
    is_submitted: 1,
    program_id: basic,
    pending_program_id: extended,
    has_new_program_change: 1,
    has_new_documents: 1,
  });
  await member.query(
    "INSERT INTO member_programs (member_id, program_id, started_at) VALUES (802, ?, '2025-01-01')",
    [basic],
  );
  const oldFront = await addDocument(802, 'id_card_front', 'current');
  const oldCard = await addDocument(802, 'tax_number_card', 'current');
  const newFront = await addDocument(802, 'id_card_front', 'pending');

  assert.equal((await edit(802, { is_submited: true })).statusCode, 200);
  const row = await memberRow(802);
  assert.equal(row.program_id, extended);
  assert.equal(row.pending_program_id, null);
  const history = await member.query<{ program_id: number; ended: number }>(
    'SELECT program_id, ended_at IS NOT NULL AS ended FROM member_programs WHERE member_id = 802 ORDER BY id',
  );
  assert.deepEqual(
    history.map(({ program_id, ended }) => [program_id, Number(ended)]),
    [
      [basic, 1],
      [extended, 0],
    ],
  );
  const documents = await member.query<{ file_name: string; status: string }>(
    'SELECT file_name, status FROM identity_documents WHERE member_id = 802 ORDER BY id',
  );
  assert.deepEqual(
    documents.map(({ file_name, status }) => [file_name, status]),
    [
      [oldFront, 'history'],
      [oldCard, 'current'],
      [newFront, 'current'],
    ],
  );
  assert.deepEqual(
    (await eventsOf(802)).map(({ type, data }) => ({ type, data })),
    [{ type: 'member.approved', data: { memberId: 802, programId: extended } }],
  );
});

test('approval needs a program; an approval can be withdrawn', async () => {
  await addMember(803, { profile_sent_at: new Date(), has_new_documents: 1 });
  const refused = await edit(803, { is_submited: true });
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().message, 'The member has not chosen a program');
  assert.equal((await memberRow(803)).is_submitted, 0);

  await addMember(804, { profile_sent_at: new Date(), is_submitted: 1, program_id: basic });
  assert.equal((await edit(804, { is_submited: false })).statusCode, 200);
  assert.equal((await memberRow(804)).is_submitted, 0);
  assert.deepEqual(
    (await eventsOf(804)).map(({ type, data }) => ({ type, data })),
    [{ type: 'member.updated', data: { memberId: 804, fields: ['is_submited'] } }],
  );
  assert.equal((await edit(804, { is_submited: false })).statusCode, 200);
  assert.equal((await eventsOf(804)).length, 1);
});

test("with approve_pending, any edit approves an approved member's pending program and documents, as the seed's save did", async () => {
  await addMember(805, {
    profile_sent_at: new Date(),
    is_submitted: 1,
    program_id: basic,
    pending_program_id: extended,
    has_new_program_change: 1,
    has_new_documents: 1,
  });
  const front = await addDocument(805, 'id_card_front', 'pending');
  assert.equal((await edit(805, { email: 'nina@example.org' })).statusCode, 200);
  assert.equal((await memberRow(805)).pending_program_id, extended, 'an edit alone approves nothing');
  assert.equal((await edit(805, { is_submited: false, approve_pending: true })).statusCode, 200);
  assert.equal((await memberRow(805)).pending_program_id, extended, 'nor one that withdraws the approval');

  await member.query('UPDATE members SET is_submitted = 1 WHERE id = 805');
  assert.equal((await edit(805, { last_name: 'Бойко', approve_pending: true })).statusCode, 200);
  const row = await memberRow(805);
  assert.deepEqual(
    [
      row.last_name,
      row.program_id,
      row.pending_program_id,
      row.has_new_program_change,
      row.has_new_documents,
    ],
    ['Бойко', extended, null, 0, 0],
  );
  const [document] = await member.query<{ status: string }>(
    'SELECT status FROM identity_documents WHERE file_name = ?',
    [front],
  );
  assert.equal(document!.status, 'current');
  assert.deepEqual(
    (await eventsOf(805)).slice(-2).map(({ type, data }) => ({ type, data })),
    [
      { type: 'member.updated', data: { memberId: 805, fields: ['last_name'] } },
      { type: 'member.approved', data: { memberId: 805, programId: extended } },
    ],
  );

  await addMember(806, { profile_sent_at: new Date(), pending_program_id: basic, has_new_program_change: 1 });
  assert.equal((await edit(806, { first_name: 'Ніна', approve_pending: true })).statusCode, 200);
  const fresh = await memberRow(806);
  assert.deepEqual(
    [fresh.is_submitted, fresh.pending_program_id],
    [0, basic],
    'a profile never approved waits for is_submited',
  );
});

test('blocking and unblocking are announced once each', async () => {
  await addMember(901);
  assert.equal((await edit(901, { is_active: false })).statusCode, 200);
  assert.equal((await memberRow(901)).is_active, 0);
  assert.equal((await edit(901, { is_active: false })).statusCode, 200);
  assert.equal((await edit(901, { is_active: true })).statusCode, 200);
  assert.equal((await memberRow(901)).is_active, 1);
  assert.deepEqual(await eventsOf(901), [
    { type: 'member.blocked', actor: staffActor, data: { memberId: 901 } },
    { type: 'member.unblocked', actor: staffActor, data: { memberId: 901 } },
  ]);
});

test('two staff assigning one certificate to two members at once: one wins, the other hears 422', async () => {
  await addMember(1001);
  await addMember(1002);
  const answers = await Promise.all([
    edit(1001, { certificate: '1000500' }),
    edit(1002, { certificate: '1000500' }),
  ]);
  assert.deepEqual(answers.map(({ statusCode }) => statusCode).sort(), [200, 422]);
  const holders = await member.query<{ id: number }>("SELECT id FROM members WHERE certificate = '1000500'");
  assert.equal(holders.length, 1);
});

test('certificate numbers are unique and increasing, also when asked for at once', async () => {
  const generate = async () => {
    const answer = await call('POST', '/staff/certificates');
    assert.equal(answer.statusCode, 200, answer.body);
    return Number(answer.json().data);
  };
  const first = await generate();
  const parallel = await Promise.all(Array.from({ length: 50 }, generate));
  assert.equal(new Set(parallel).size, 50);
  assert.ok(parallel.every((number) => number > first));
  assert.equal(Math.max(...parallel) - first, 50, 'no number lost');
  const next = await generate();
  assert.equal(next, first + 51);

  await addMember(1101, { certificate: String(next + 1) });
  await addMember(1102, { certificate: String(next + 2) });
  assert.equal(await generate(), next + 3, 'past the numbers staff typed by hand');
});

test("staff read a member's file; another member's name, or a name that is none, is not found", async () => {
  await addMember(1201);
  await addMember(1202);
  const name = await addFile(1201);
  const answer = await call('GET', `/staff/members/1201/files/${name}`);
  assert.equal(answer.statusCode, 200);
  assert.equal(answer.headers['content-type'], 'image/jpeg');
  assert.equal(answer.headers['x-content-type-options'], 'nosniff');
  assert.equal(answer.rawPayload.subarray(0, 2).toString('hex'), 'ffd8');

  for (const url of [
    `/staff/members/1202/files/${name}`,
    `/staff/members/1201/files/${name.toUpperCase()}`,
    '/staff/members/1201/files/..%2F..%2F..%2Fetc%2Fpasswd',
    '/staff/members/1201/files/%2e%2e%2fschema.ts',
    '/staff/members/1201/files/00000000000000000000000000000000',
  ]) {
    const missing = await call('GET', url);
    assert.equal(missing.statusCode, 404, url);
    assert.equal(missing.json().message, 'File not found');
  }
  // Longer than any URL parameter fastify takes: refused before any route runs.
  assert.equal((await call('GET', `/staff/members/1201/files/${'a'.repeat(300)}`)).statusCode, 414);
});

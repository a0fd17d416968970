import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type FilePart, multipartBody } from '@kasa/testing';
import { jpeg, pdf } from '@kasa/testing/sample-files';
import { type MemberUnderTest, startMember } from './support/member-under-test.ts';

const ADMIN = 1;
const OTHER_ADMIN = 2;
const STAFF = 3;

let member: MemberUnderTest;
before(async () => {
  member = await startMember();
});
after(() => member.close());

const terms = (): FilePart => ({ bytes: pdf(), filename: 'terms.pdf', type: 'application/pdf' });

async function save(fields: Record<string, string | FilePart>, auth = member.staffAuth(ADMIN, 'admin')) {
  const form = await multipartBody(fields);
  return member.service.app.inject({
    method: 'PUT',
    url: '/staff/programs',
    headers: { authorization: auth, ...form.headers },
    payload: form.payload,
  });
}

function call(method: 'GET' | 'PUT', url: string, body?: object, auth = member.staffAuth(STAFF)) {
  return member.service.app.inject({
    method,
    url,
    headers: { authorization: auth },
    ...(body === undefined ? {} : { payload: body }),
  });
}

const programRow = async (id: number) =>
  (await member.query<Record<string, unknown>>('SELECT * FROM programs WHERE id = ?', [id]))[0]!;
const programCount = async () =>
  Number((await member.query<{ n: number }>('SELECT COUNT(*) AS n FROM programs'))[0]!.n);
const eventsOf = async (programId: number) =>
  (
    await member.query<{ type: string; payload: string }>(
      "SELECT type, payload FROM outbox WHERE type = 'program.saved' AND aggregate_id = ? ORDER BY id",
      [String(programId)],
    )
  ).map(({ payload }) => JSON.parse(payload).data);

test('an administrator creates a program with its terms; members can read them', async () => {
  const answer = await save({
    program_name: ' Базова ',
    month_price: '20000',
    is_active: 'true',
    new_program_file: terms(),
  });
  assert.equal(answer.statusCode, 200, answer.body);
  const { status, message, data } = answer.json();
  assert.deepEqual({ status, message }, { status: 'success', message: 'Program saved' });
  assert.match(data.program_file, /^[0-9a-f]{32}$/);
  assert.deepEqual(
    { ...data, program_id: undefined, program_file: undefined, created_at: undefined, updated_at: undefined },
    {
      program_id: undefined,
      program_name: 'Базова',
      program_file: undefined,
      month_price: 20_000,
      is_active: true,
      created_at: undefined,
      updated_at: undefined,
      created_by: ADMIN,
      updated_by: ADMIN,
    },
  );
  assert.equal(data.created_at, data.updated_at);
  assert.ok(Date.parse(data.created_at) > Date.now() - 60_000, 'an ISO instant, just now');
  const row = await programRow(data.program_id);
  assert.equal(row.created_by, ADMIN);
  assert.equal(row.updated_by, ADMIN);
  assert.ok((await member.storedFiles()).includes(data.program_file));
  assert.deepEqual(await eventsOf(data.program_id), [
    { programId: data.program_id, name: 'Базова', monthPrice: 20_000, isActive: true },
  ]);

  const published = await call('GET', `/programs/terms/${data.program_file}`);
  assert.equal(published.statusCode, 200);
  assert.equal(published.headers['content-type'], 'application/pdf');
});

test('new terms replace a program’s terms, and the old ones stay stored', async () => {
  const created = (
    await save({
      program_name: 'Розширена',
      month_price: '35000',
      is_active: 'true',
      new_program_file: terms(),
    })
  ).json().data;
  const answer = await save(
    {
      id: String(created.program_id),
      program_name: 'Розширена',
      month_price: '40000',
      is_active: 'false',
      new_program_file: terms(),
    },
    member.staffAuth(OTHER_ADMIN, 'admin'),
  );
  assert.equal(answer.statusCode, 200, answer.body);
  const updated = answer.json().data;
  assert.equal(updated.month_price, 40_000);
  assert.equal(updated.is_active, false);
  assert.notEqual(updated.program_file, created.program_file);
  const stored = await member.storedFiles();
  assert.ok(stored.includes(created.program_file) && stored.includes(updated.program_file));
  const row = await programRow(created.program_id);
  assert.deepEqual([row.created_by, row.updated_by], [ADMIN, OTHER_ADMIN]);

  const json = await call(
    'PUT',
    '/staff/programs',
    { id: created.program_id, program_name: 'Розширена+', month_price: 40_000, is_active: false },
    member.staffAuth(ADMIN, 'admin'),
  );
  assert.equal(json.statusCode, 200, json.body);
  assert.equal(json.json().data.program_file, updated.program_file, 'without a file the terms stay');
  assert.equal(json.json().data.program_name, 'Розширена+');
  assert.equal((await eventsOf(created.program_id)).length, 3);

  const same = await call(
    'PUT',
    '/staff/programs',
    { id: created.program_id, program_name: 'Розширена+', month_price: 40_000, is_active: false },
    member.staffAuth(ADMIN, 'admin'),
  );
  assert.equal(same.statusCode, 200);
  assert.equal((await eventsOf(created.program_id)).length, 3, 'saving the same again announces nothing');
});

test('staff list every program, inactive ones too, and read one', async () => {
  const inactive = (await save({ program_name: 'Закрита', month_price: '10000', is_active: 'false' })).json()
    .data;
  const list = await call('GET', '/staff/programs');
  assert.equal(list.statusCode, 200, list.body);
  assert.equal(list.json().status, 'success');
  assert.ok(
    list.json().data.some((program: { program_id: number }) => program.program_id === inactive.program_id),
  );
  const catalogue = await call('GET', '/programs');
  assert.ok(
    !catalogue
      .json()
      .data.some((program: { program_id: number }) => program.program_id === inactive.program_id),
  );

  const one = await call('GET', `/staff/programs/${inactive.program_id}`);
  assert.equal(one.statusCode, 200);
  assert.deepEqual(one.json(), { status: 'success', data: inactive });
  const missing = await call('GET', '/staff/programs/999999');
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().message, 'Program not found');
});

test('terms that are not a PDF are refused and nothing is left on disk', async () => {
  const [files, programs] = [await member.storedFiles(), await programCount()];
  const answer = await save({
    program_name: 'Картинка',
    month_price: '20000',
    is_active: 'true',
    new_program_file: { bytes: jpeg(), filename: 'terms.pdf', type: 'application/pdf' },
  });
  assert.equal(answer.statusCode, 415, answer.body);
  assert.deepEqual(await member.storedFiles(), files);
  assert.equal(await programCount(), programs);
});

test('only administrators save programs; nobody else leaves a file behind', async () => {
  const files = await member.storedFiles();
  const programs = await programCount();
  const answer = await save(
    { program_name: 'Чужа', month_price: '20000', is_active: 'true', new_program_file: terms() },
    member.staffAuth(STAFF, 'staff'),
  );
  assert.equal(answer.statusCode, 403);
  assert.equal(answer.json().message, 'Only administrators may do this');
  const asMember = await save(
    { program_name: 'Чужа', month_price: '20000', is_active: 'true', new_program_file: terms() },
    member.memberAuth(5),
  );
  assert.equal(asMember.statusCode, 401);
  assert.equal((await call('GET', '/staff/programs', undefined, member.memberAuth(5))).statusCode, 401);
  assert.deepEqual(await member.storedFiles(), files);
  assert.equal(await programCount(), programs);
});

test('an invalid or unknown program is refused, its file removed again', async () => {
  const files = await member.storedFiles();
  const programs = await programCount();
  const unknown = await save({
    id: '999999',
    program_name: 'Нова',
    month_price: '20000',
    is_active: 'true',
    new_program_file: terms(),
  });
  assert.equal(unknown.statusCode, 404, unknown.body);
  assert.equal(unknown.json().message, 'Program not found');
  const forms: Record<string, string | FilePart>[] = [
    { program_name: 'Нова', month_price: '0', is_active: 'true' },
    { program_name: 'Нова', month_price: '200.50', is_active: 'true' },
    { program_name: '  ', month_price: '20000', is_active: 'true' },
    {
      program_name: 'Нова',
      month_price: '20000',
      is_active: 'true',
      unknown: 'x',
      new_program_file: terms(),
      extra: terms(),
    },
  ];
  for (const fields of forms) {
    const answer = await save(fields);
    assert.equal(answer.statusCode, 400, `${JSON.stringify(Object.keys(fields))}: ${answer.body}`);
  }
  assert.deepEqual(await member.storedFiles(), files);
  assert.equal(await programCount(), programs);
});

test('a form cannot make some other stored file the terms', async () => {
  const stored = (
    await save({ program_name: 'Перша', month_price: '20000', is_active: 'true', new_program_file: terms() })
  ).json().data.program_file;
  const programs = await programCount();
  const asJson = await call(
    'PUT',
    '/staff/programs',
    { program_name: 'Друга', month_price: 20_000, is_active: true, new_program_file: stored },
    member.staffAuth(ADMIN, 'admin'),
  );
  assert.equal(asJson.statusCode, 400);
  const asText = await save({
    program_name: 'Друга',
    month_price: '20000',
    is_active: 'true',
    new_program_file: stored,
  });
  assert.equal(asText.statusCode, 400);
  assert.equal(await programCount(), programs);
});

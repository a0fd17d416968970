import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import {
  AdminProgramAnswer,
  AdminProgramMissing,
  AdminProgramSaveAnswer,
  AdminProgramSaveInvalid,
  AdminProgramsAnswer,
  AdminProgramTermsMissing,
  HttpDate,
  SeedUserRow,
} from '@kasa/contracts';
import { assertSeedShape } from '@kasa/testing';
import { pdf } from '@kasa/testing/sample-files';
import { Value } from 'typebox/value';
import { call, file } from '../../../mobile-gateway/test/support/clients.ts';
import { wholeKasa } from '../../../mobile-gateway/test/support/whole-kasa.ts';
import { rootSession, type StaffSession } from './staff-session.ts';

/** SPEC §7 rows 2, 13–15 against the seed's `program_*` routes (seeds/000 admin-app/main.py). */

const { kasa, admin } = wholeKasa();
let root: StaffSession;

// Root-level `before` hooks do not wait for each other: this one runs once Kasa has started.
let session: Promise<void> | undefined;
beforeEach(() => {
  session ??= rootSession(kasa(), admin).then((signedIn) => {
    root = signedIn;
  });
  return session;
});

/** A new program as the admin site makes one: a multipart form with the terms. */
async function newProgram(name: string, price: string) {
  const form = new FormData();
  form.append('program_name', name);
  form.append('month_price', price);
  form.append('is_active', 'true');
  form.append('new_program_file', file(pdf(), 'terms.pdf', 'application/pdf'));
  return admin('PUT', '/program', form, root.token);
}

test('PUT /program creates a program: {status, message, data: model_to_dict(program)}', async () => {
  const created = await newProgram('Базова', '150.50');
  assert.equal(created.status, 200, JSON.stringify(created.body));
  assertSeedShape(AdminProgramSaveAnswer, created.body, 'PUT /program (create)');
  assert.equal(created.body.status, 'success');
  assert.equal(created.body.message, 'Програма успішно створена');
  const row = created.body.data;
  assert.equal(row.program_name, 'Базова');
  assert.equal(row.month_price, 150.5);
  assert.equal(row.is_active, 1);
  assert.equal(row.program_id, row.id, 'Kasa’s own field stays');
  assert.ok(Value.Check(HttpDate, row.created_at) && Value.Check(HttpDate, row.updated_at));
  for (const author of [row.created_by, row.updated_by]) {
    assert.ok(Value.Check(SeedUserRow, author), 'the author nested as their user row');
    assert.equal(author.id, root.id);
    assert.equal(author.login, 'root');
  }

  // `program_file` is the full URL of the terms, served by GET /program/<filename>.
  assert.match(row.program_file, /^http:\/\/127\.0\.0\.1:\d+\/program\/[0-9a-f]{32}$/);
  assert.ok(row.program_file.startsWith(kasa().adminUrl));
  const terms = await fetch(row.program_file);
  assert.equal(terms.status, 200);
  assert.equal(terms.headers.get('content-type'), 'application/pdf');
  assert.deepEqual(Buffer.from(await terms.arrayBuffer()), pdf());
});

test('PUT /program without a name or price for a new program is 400 {status, message}', async () => {
  const form = new FormData();
  form.append('month_price', '100');
  const refused = await admin('PUT', '/program', form, root.token);
  assert.equal(refused.status, 400);
  assertSeedShape(AdminProgramSaveInvalid, refused.body, 'PUT /program (no name)');
  assert.equal(refused.body.status, 'error');
});

test('PUT /program with an id changes only the fields sent: {status, message, data}', async () => {
  const { id } = (await newProgram('Стандарт', '200')).body.data;
  const repriced = await admin('PUT', '/program', { id, month_price: '250.75' }, root.token);
  assert.equal(repriced.status, 200, JSON.stringify(repriced.body));
  assertSeedShape(AdminProgramSaveAnswer, repriced.body, 'PUT /program (update)');
  assert.equal(repriced.body.message, 'Програму успішно оновлено');
  assert.equal(repriced.body.data.program_name, 'Стандарт', 'the name left out stays');
  assert.equal(repriced.body.data.month_price, 250.75);
  assert.equal(repriced.body.data.is_active, 1);
  assert.equal(repriced.body.data.updated_by.login, 'root');

  const form = new FormData();
  form.append('id', String(id));
  form.append('is_active', 'false');
  const switchedOff = await admin('PUT', '/program', form, root.token);
  assert.equal(switchedOff.status, 200, JSON.stringify(switchedOff.body));
  assert.equal(switchedOff.body.data.is_active, 0, 'a program can be switched off');
  assert.equal(switchedOff.body.data.month_price, 250.75);

  const unknown = await admin('PUT', '/program', { id: 999999, month_price: '10' }, root.token);
  assert.equal(unknown.status, 404);
  assertSeedShape(AdminProgramMissing, unknown.body, 'PUT /program (unknown id)');
});

test('GET /programs answers {status, data: [model_to_dict(program)]}', async () => {
  const { id } = (await newProgram('Розширена', '300')).body.data;
  const listed = await admin('GET', '/programs', undefined, root.token);
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  assertSeedShape(AdminProgramsAnswer, listed.body, 'GET /programs');
  assert.equal(listed.body.status, 'success');
  const row = listed.body.data.find((program: { id: number }) => program.id === id);
  assert.equal(row.month_price, 300);
  assert.equal(row.created_by.login, 'root');
});

test('POST /program answers {status, data: model_to_dict(program)}; an unknown id is 404 {status, message}', async () => {
  const { id } = (await newProgram('Сімейна', '400')).body.data;
  const one = await admin('POST', '/program', { id }, root.token);
  assert.equal(one.status, 200, JSON.stringify(one.body));
  assertSeedShape(AdminProgramAnswer, one.body, 'POST /program');
  assert.equal(one.body.data.id, id);
  assert.equal(one.body.data.program_name, 'Сімейна');

  const unknown = await admin('POST', '/program', { id: 999999 }, root.token);
  assert.equal(unknown.status, 404);
  assertSeedShape(AdminProgramMissing, unknown.body, 'POST /program (unknown id)');
  assert.equal(unknown.body.status, 'error');
});

test('GET /program/:filename serves the terms to anyone; another name is the seed’s 404', async () => {
  const { program_file } = (await newProgram('Публічна', '50')).body.data;
  const terms = await call(kasa().adminUrl, 'GET', new URL(program_file).pathname, undefined);
  assert.equal(terms.status, 200);
  assert.equal(terms.headers.get('content-type'), 'application/pdf');

  const missing = await call(kasa().adminUrl, 'GET', `/program/${'0'.repeat(32)}`, undefined);
  assert.equal(missing.status, 404);
  assertSeedShape(AdminProgramTermsMissing, missing.body, 'GET /program/:filename (missing)');
  assert.deepEqual(missing.body, { status: 'error', message: 'Файл не знайдено' });
});

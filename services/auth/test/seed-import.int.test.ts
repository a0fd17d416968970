import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runSeedImport, type ServiceImport, seedContextOf } from '@kasa/seed-import';
import { type SeedImportUnderTest, seedImportUnderTest } from '@kasa/seed-import/testing';
import { openSeedImport } from '../src/import/seed-import.ts';

/** The auth service's switch-over: staff with their old hashes, and a sign-in account per member phone. */
let under: SeedImportUnderTest;
let auth: ServiceImport;

before(async () => {
  under = await seedImportUnderTest(openSeedImport);
  auth = under.service;
});
after(() => under?.close());

const query = async <T>(sql: string) => (await auth.database.pool.query(sql))[0] as T[];

test('staff keep their ids and logins; members with a phone of their own get a sign-in account', async () => {
  const outcome = await runSeedImport({ source: under.source, services: [auth], filesDir: null });
  assert.deepEqual(
    outcome.written.map(({ step, read, written }) => ({ step, read, written })),
    [
      { step: 'staff users', read: 3, written: 3 },
      { step: 'member accounts', read: 5, written: 3 },
    ],
  );
  assert.deepEqual(
    await query<{ id: number; login: string; seed: number }>(
      "SELECT id, login, password_hash LIKE '$seed-sha256$%' AS seed FROM staff_users ORDER BY id",
    ),
    [
      { id: 1, login: 'admin', seed: 1 },
      { id: 2, login: 'agent', seed: 1 },
      { id: 3, login: 'former', seed: 1 },
    ],
  );
  assert.deepEqual(
    await query<{ id: number; phone: string; blocked: number }>(
      'SELECT id, phone, blocked FROM member_accounts ORDER BY id',
    ),
    [
      { id: 10, phone: '+380671234510', blocked: 0 },
      { id: 11, phone: '+380671234511', blocked: 0 },
      { id: 12, phone: '+380671234512', blocked: 0 },
    ],
  );
  const refused = outcome.problems.filter(({ kind }) => kind === 'not_imported');
  assert.deepEqual(
    refused.map((problem) => ('id' in problem ? problem.id : null)),
    [13, 14],
    'the second holder of a phone, and a phone that is no number, are reported by id',
  );
  assert.ok(!JSON.stringify(outcome.problems).includes('380671234510'), 'never a phone in the report');
  assert.ok(
    outcome.verification.every((line) => line.agrees),
    JSON.stringify(outcome.verification),
  );
  const [outbox] = await query<{ n: number }>('SELECT COUNT(*) AS n FROM outbox');
  assert.equal(Number(outbox!.n), 0, 'no event for the past');
});

test('a second run writes nothing', async () => {
  const again = await runSeedImport({ source: under.source, services: [auth], filesDir: null });
  assert.deepEqual(
    again.written.map(({ written }) => written),
    [0, 0],
  );
});

test('switching back: nothing to take back right after the import; then what Kasa changed, until the old system holds it', async () => {
  const context = seedContextOf(under.source);
  const untouched = await auth.changesSince!(context);
  assert.deepEqual(
    untouched.changes.flatMap(({ rows }) => rows),
    [],
    'an import followed by a switch back changes nothing',
  );
  assert.deepEqual(untouched.leftBehind[0]!.ids, []);

  await query("UPDATE staff_users SET name = 'Петро Агентенко', password_hash = '$argon2id$x' WHERE id = 2");
  await query(
    `INSERT INTO staff_users (id, login, name, email, role, password_hash, created_at, updated_at)
     VALUES (7, 'new-agent', 'Нова Агентка', 'new@fund.example', 'staff', '$argon2id$y',
             '2026-12-01 08:00:00.000', '2026-12-01 08:00:00.000')`,
  );
  const since = await auth.changesSince!(context);
  const [made, changed] = since.changes;
  assert.deepEqual(made!.rows, [
    {
      id: 7,
      login: 'new-agent',
      name: 'Нова Агентка',
      email: 'new@fund.example',
      phone: null,
      is_active: 1,
      password: '!set-on-the-old-admin-site',
      created_at: '2026-12-01 10:00:00',
      updated_at: '2026-12-01 10:00:00',
    },
  ]);
  assert.deepEqual(
    changed!.rows.map(({ updated_at: _, ...columns }) => columns),
    [{ id: 2, name: 'Петро Агентенко' }],
  );
  assert.deepEqual(since.leftBehind[0]!.ids, [2, 7], 'passwords Kasa holds are set on the old site by hand');

  await under.source.apply(since.changes);
  const [oldAgent] = await under.seed.connection.query('SELECT name FROM users WHERE id = 2');
  assert.deepEqual(oldAgent, [{ name: 'Петро Агентенко' }]);
  const after = await auth.changesSince!(context);
  assert.deepEqual(
    after.changes.flatMap(({ rows }) => rows),
    [],
    'once the old system holds them, nothing is left to take back',
  );
});

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  type ImportedStaffUser,
  importStaffUsers,
  staffImportProblems,
} from '../src/import/import-staff-users.ts';
import {
  type AuthUnderTest,
  addStaffUser,
  call,
  post,
  signIn,
  staffRow,
  startAuth,
  verifyStaffToken,
} from './staff-support.ts';

/**
 * Staff accounts from the old system (issue 19): their unsalted SHA-256 hashes open Kasa once,
 * are replaced at that sign-in, and the password must then be changed.
 */
let auth: AuthUnderTest;

before(async () => {
  auth = await startAuth();
});

after(async () => {
  await auth.stop();
});

/** What the old system stored: `sha256(password.encode()).hexdigest()`. */
const seedHash = (password: string) => createHash('sha256').update(password, 'utf8').digest('hex');

let nextId = 5000;
function seedUser(password: string, overrides: Partial<ImportedStaffUser> = {}): ImportedStaffUser {
  nextId += 10;
  return {
    id: nextId,
    login: `seed.user${nextId}`,
    passwordSha256: seedHash(password),
    name: `Seed User ${nextId}`,
    email: `seed${nextId}@example.org`,
    phone: '+380671234567',
    isActive: true,
    createdAt: new Date('2021-03-04T08:00:00Z'),
    updatedAt: new Date('2022-05-06T09:30:00Z'),
    ...overrides,
  };
}

const importRows = (rows: ImportedStaffUser[]) =>
  auth.service.context.database.db.transaction((tx) => importStaffUsers(tx, rows));

const signInWith = (login: string, password: string) => post(auth, '/staff/sign-in', { login, password });

async function wholeRow(id: number) {
  const [rows] = await auth.service.context.database.pool.query('SELECT * FROM staff_users WHERE id = ?', [
    id,
  ]);
  return (rows as Record<string, unknown>[])[0];
}

test("an imported user signs in with the old system's password, which is then re-hashed and must be changed", async () => {
  const password = 'Kasa_old#1';
  const user = seedUser(password);
  assert.deepEqual(await importRows([user]), {
    inserted: [user.id],
    updated: [],
    unchanged: [],
    keptAsInKasa: [],
  });
  const imported = await staffRow(auth, user.id);
  assert.equal(imported!.password_hash, `$seed-sha256$${seedHash(password)}`);

  const first = await signIn(auth, user.login, password);
  assert.equal(first.user.id, user.id, 'the id is the old one');
  assert.equal(first.user.must_change_password, true);
  assert.equal(verifyStaffToken(auth, first.access_token).must_change_password, true);
  const rehashed = await staffRow(auth, user.id);
  assert.match(String(rehashed!.password_hash), /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(rehashed!.must_change_password, 1);

  const changed = await call(auth, 'POST', `/staff/users/${user.id}/password`, first.access_token, {
    old_password: password,
    new_password: 'a passphrase chosen in Kasa',
  });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(verifyStaffToken(auth, changed.json().access_token).must_change_password, false);
  assert.equal((await signInWith(user.login, password)).statusCode, 401);
  assert.equal(
    (await signIn(auth, user.login, 'a passphrase chosen in Kasa')).user.must_change_password,
    false,
  );
});

test('the old password cannot be kept as the new one', async () => {
  const user = seedUser('Kasa_old#2');
  await importRows([user]);
  const session = await signIn(auth, user.login, 'Kasa_old#2');
  const same = await call(auth, 'POST', `/staff/users/${user.id}/password`, session.access_token, {
    old_password: 'Kasa_old#2',
    new_password: 'Kasa_old#2',
  });
  assert.equal(same.statusCode, 422);
});

test('a wrong password for an imported user gets the same answer as any, and the old hash stays', async () => {
  const user = seedUser('Kasa_old#3');
  await importRows([user]);
  const wrong = await signInWith(user.login, 'not it');
  const unknown = await signInWith('nobody.imported', 'Kasa_old#3');
  assert.equal(wrong.statusCode, 401);
  assert.deepEqual(wrong.json(), unknown.json());
  assert.equal((await staffRow(auth, user.id))!.password_hash, `$seed-sha256$${seedHash('Kasa_old#3')}`);
  // The hex digest itself is no password.
  assert.equal((await signInWith(user.login, seedHash('Kasa_old#3'))).statusCode, 401);
});

test('five wrong passwords lock an imported user like any other: the right one then meets the lock', async () => {
  const user = seedUser('Kasa_old#4');
  await importRows([user]);
  for (let attempt = 1; attempt <= 5; attempt++) {
    assert.equal((await signInWith(user.login, `wrong-${attempt}`)).statusCode, 401);
  }
  const locked = await signInWith(user.login, 'Kasa_old#4');
  assert.equal(locked.statusCode, 429);
  assert.ok(Number(locked.headers['retry-after']) > 50);
  const row = await staffRow(auth, user.id);
  assert.equal(row!.failed_attempts, 5);
  assert.equal(row!.password_hash, `$seed-sha256$${seedHash('Kasa_old#4')}`, 'not replaced while locked');
});

test('an inactive imported user is refused as a blocked one is', async () => {
  const user = seedUser('Kasa_old#5', { isActive: false });
  await importRows([user]);
  const response = await signInWith(user.login, 'Kasa_old#5');
  assert.equal(response.statusCode, 401);
  assert.deepEqual(response.json(), { status: 'error', message: 'Wrong login or password' });
});

test('a second import of the same rows changes nothing', async () => {
  const users = [seedUser('Kasa_old#6'), seedUser('Kasa_old#7', { name: null, email: null, phone: null })];
  await importRows(users);
  const before = await Promise.all(users.map((user) => wholeRow(user.id)));
  const again = await importRows(users);
  assert.deepEqual(again, { inserted: [], updated: [], unchanged: users.map((u) => u.id), keptAsInKasa: [] });
  assert.deepEqual(await Promise.all(users.map((user) => wholeRow(user.id))), before);
  assert.equal(before[1]!.name, users[1]!.login, 'a missing name is the login');
  assert.equal(before[1]!.email, '');
});

test('a second import never resets a password changed in Kasa, nor an account edited there', async () => {
  const user = seedUser('Kasa_old#8');
  await importRows([user]);
  const session = await signIn(auth, user.login, 'Kasa_old#8');
  const changed = await call(auth, 'POST', `/staff/users/${user.id}/password`, session.access_token, {
    old_password: 'Kasa_old#8',
    new_password: 'my own Kasa passphrase',
  });
  assert.equal(changed.statusCode, 200, changed.body);
  const before = await wholeRow(user.id);

  const again = await importRows([{ ...user, name: 'Renamed in the old system' }]);
  assert.deepEqual(again.keptAsInKasa, [user.id]);
  assert.deepEqual(await wholeRow(user.id), before);
  assert.equal((await signInWith(user.login, 'Kasa_old#8')).statusCode, 401);
  assert.equal((await signInWith(user.login, 'my own Kasa passphrase')).statusCode, 200);
});

test('a re-hashed password is not reset by an import either, though nothing was edited', async () => {
  const user = seedUser('Kasa_old#9');
  await importRows([user]);
  await signIn(auth, user.login, 'Kasa_old#9');
  const rehashed = await wholeRow(user.id);
  const again = await importRows([{ ...user, passwordSha256: seedHash('changed in the old system') }]);
  assert.deepEqual(again.unchanged, [user.id]);
  assert.deepEqual(await wholeRow(user.id), rehashed);
});

test('an account not yet signed into takes what changed in the old system since, password included', async () => {
  const user = seedUser('Kasa_old#10');
  await importRows([user]);
  const changed = { ...user, name: 'New Name', passwordSha256: seedHash('Kasa_new#10'), isActive: false };
  assert.deepEqual((await importRows([changed])).updated, [user.id]);
  const row = await staffRow(auth, user.id);
  assert.equal(row!.password_hash, `$seed-sha256$${seedHash('Kasa_new#10')}`);
  assert.equal(row!.is_active, 0);
  assert.deepEqual((await importRows([changed])).unchanged, [user.id]);
});

test('an account made in Kasa is never overwritten: its id or its login taken stops the import, which writes nothing', async () => {
  const native = await addStaffUser(auth);
  const before = await wholeRow(native.id);
  const fresh = seedUser('Kasa_old#11');
  await assert.rejects(
    importRows([fresh, seedUser('Kasa_old#12', { id: native.id })]),
    /an account made in Kasa has that id; nothing was written/,
  );
  await assert.rejects(
    importRows([fresh, seedUser('Kasa_old#13', { login: native.login.toUpperCase() })]),
    /its login is account \d+'s/,
  );
  assert.deepEqual(await wholeRow(native.id), before);
  assert.equal(await wholeRow(fresh.id), undefined, 'the other rows of the call were not kept');
});

test('ids are kept, and the next account Kasa makes comes after them', async () => {
  const user = seedUser('Kasa_old#14', { id: 900_000 });
  await importRows([user]);
  const next = await addStaffUser(auth);
  assert.ok(next.id > 900_000, `next id ${next.id}`);
});

test("the old system's administrator (login admin) is imported as one; the others as staff", async () => {
  const admin = seedUser('Kasa_old#15', { login: 'admin' });
  const staff = seedUser('Kasa_old#16');
  await importRows([admin, staff]);
  assert.equal((await staffRow(auth, admin.id))!.role, 'admin');
  assert.equal((await staffRow(auth, staff.id))!.role, 'staff');
});

test('rows that cannot be imported are named by id, and none is written', async () => {
  const good = seedUser('Kasa_old#17');
  const rows = [
    good,
    seedUser('x', { passwordSha256: 'plain text password' }),
    seedUser('x', { login: good.login.toUpperCase() }),
    seedUser('x', { phone: '067 123' }),
  ];
  const problems = staffImportProblems(rows);
  assert.deepEqual(
    problems.map((problem) => problem.id),
    [rows[1]!.id, rows[2]!.id, rows[3]!.id],
  );
  assert.ok(
    problems.every((problem) => !problem.problem.includes('067')),
    'no personal data in the report',
  );
  await assert.rejects(importRows(rows), /cannot be imported .*nothing was written/);
  assert.equal(await wholeRow(good.id), undefined);
});

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { REPO_ROOT, testMysqlUrl, testSchemaPrefix } from '@kasa/testing';
import { type AuthUnderTest, outboxEvents, signIn, startAuth } from './staff-support.ts';

const execFileAsync = promisify(execFile);
const schemas = testSchemaPrefix();
let auth: AuthUnderTest | undefined;

after(async () => {
  // Whatever happened, the schema the command made goes with the service's cleanup.
  auth ??= await startAuth({ schemas });
  await auth.stop();
});

async function createAdmin(...args: string[]) {
  try {
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      [`${REPO_ROOT}services/auth/src/create-admin.ts`, ...args],
      {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH, MYSQL_URL: testMysqlUrl(), MYSQL_SCHEMA_PREFIX: schemas.prefix },
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

test('arguments are checked before anything is touched', async () => {
  const missing = await createAdmin('root');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /usage: \.\/kasa create-admin <login> <name> <email>/);
  const badEmail = await createAdmin('root', 'Head of the fund', 'not-an-email');
  assert.equal(badEmail.code, 1);
  assert.match(badEmail.stderr, /the email address is not valid/);
});

test('on a new installation it creates an administrator and prints the one-time password', async () => {
  const result = await createAdmin('root', 'Head of the fund', 'head@example.org');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /login: {4}root\n/);
  const password = /password: (\S+)\n/.exec(result.stdout)?.[1];
  assert.ok(password && password.length === 16, result.stdout);

  auth = await startAuth({ schemas });
  const session = await signIn(auth, 'root', password);
  assert.equal(session.user.role, 'admin');
  assert.equal(session.user.must_change_password, true);
  const [created] = await outboxEvents(auth, 'staff.user_created');
  assert.deepEqual(created?.data, { userId: session.user.id, login: 'root', role: 'admin' });
  assert.deepEqual(created?.actor, { kind: 'system' });
});

test('once an active administrator exists it refuses, and creates nothing', async () => {
  const result = await createAdmin('second', 'Another head', 'second@example.org');
  assert.equal(result.code, 1);
  assert.match(result.stderr, /An active administrator already exists/);
  assert.equal(result.stdout, '');
  const [rows] = await auth!.service.context.database.pool.query('SELECT login FROM staff_users');
  assert.deepEqual(rows, [{ login: 'root' }]);
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  type AuthUnderTest,
  addStaffUser,
  outboxEvents,
  post,
  staffRow,
  startAuth,
  verifyStaffToken,
} from './staff-support.ts';

let auth: AuthUnderTest;

before(async () => {
  auth = await startAuth();
});

after(async () => {
  await auth.stop();
});

const signInWith = (login: string, password: string) => post(auth, '/staff/sign-in', { login, password });

/** Lets the lock run out without waiting for it. */
async function expireLock(id: number) {
  await auth.service.context.database.pool.query(
    'UPDATE staff_users SET locked_until = NOW(3) - INTERVAL 1 SECOND WHERE id = ?',
    [id],
  );
}

test('a staff user signs in with login and password and gets a staff token that verifies', async () => {
  const user = await addStaffUser(auth, { role: 'admin' });
  const response = await signInWith(user.login, user.password);
  assert.equal(response.statusCode, 200);
  const body = response.json();
  assert.equal(body.expires_in, 900);
  assert.equal(typeof body.refresh_token, 'string');
  assert.deepEqual(Object.keys(body.user).sort(), [
    'created_at',
    'email',
    'id',
    'is_active',
    'login',
    'must_change_password',
    'name',
    'phone',
    'role',
    'updated_at',
  ]);
  assert.equal(body.user.login, user.login);
  assert.equal(body.user.role, 'admin');
  assert.ok(!Number.isNaN(Date.parse(body.user.updated_at)));
  const claims = verifyStaffToken(auth, body.access_token);
  assert.equal(claims.sub, String(user.id));
  assert.equal(claims.aud, 'staff');
  assert.equal(claims.role, 'admin');
  assert.equal(claims.login, user.login);
  assert.equal(claims.must_change_password, false);
});

test('passwords are stored as argon2id PHC strings at the OWASP cost', async () => {
  const user = await addStaffUser(auth);
  const row = await staffRow(auth, user.id);
  assert.match(
    String(row!.password_hash),
    /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
  );
});

test('a wrong password and an unknown login get the same answer', async () => {
  const user = await addStaffUser(auth);
  const wrongPassword = await signInWith(user.login, 'not-the-password');
  const unknownLogin = await signInWith('nobody.here', user.password);
  assert.equal(wrongPassword.statusCode, 401);
  assert.equal(unknownLogin.statusCode, 401);
  assert.deepEqual(wrongPassword.json(), { status: 'error', message: 'Wrong login or password' });
  assert.deepEqual(unknownLogin.json(), wrongPassword.json());
});

test('a blocked user with the right password gets the same answer as a wrong password', async () => {
  const user = await addStaffUser(auth, { isActive: false });
  const response = await signInWith(user.login, user.password);
  assert.equal(response.statusCode, 401);
  assert.deepEqual(response.json(), { status: 'error', message: 'Wrong login or password' });
});

test('the login is found whatever its case', async () => {
  const user = await addStaffUser(auth);
  const response = await signInWith(user.login.toUpperCase(), user.password);
  assert.equal(response.statusCode, 200);
});

test('five wrong passwords lock the account: the sixth try answers 429 even with the right password', async () => {
  const user = await addStaffUser(auth);
  for (let attempt = 1; attempt <= 5; attempt++) {
    assert.equal((await signInWith(user.login, `wrong-${attempt}`)).statusCode, 401, `attempt ${attempt}`);
  }
  const locked = await signInWith(user.login, user.password);
  assert.equal(locked.statusCode, 429);
  const retryAfter = Number(locked.headers['retry-after']);
  assert.ok(retryAfter > 50 && retryAfter <= 60, `Retry-After ${retryAfter}`);
  assert.equal(locked.json().status, 'error');

  const events = (await outboxEvents(auth, 'staff.signin_locked')).filter(
    (event) => event.data.userId === user.id,
  );
  assert.equal(events.length, 1);
  assert.equal(events[0]!.data.failedAttempts, 5);
  assert.equal(events[0]!.actor.kind, 'system');
});

test('each further wrong password after a lock doubles it', async () => {
  const user = await addStaffUser(auth);
  for (let attempt = 1; attempt <= 5; attempt++) await signInWith(user.login, `wrong-${attempt}`);
  await expireLock(user.id);
  assert.equal((await signInWith(user.login, 'wrong-6')).statusCode, 401);
  const retryAfter = Number((await signInWith(user.login, user.password)).headers['retry-after']);
  assert.ok(retryAfter > 110 && retryAfter <= 120, `Retry-After ${retryAfter}`);
  const row = await staffRow(auth, user.id);
  assert.equal(row!.failed_attempts, 6);
});

test('a right password once the lock has run out signs in and forgets the failures', async () => {
  const user = await addStaffUser(auth);
  for (let attempt = 1; attempt <= 5; attempt++) await signInWith(user.login, `wrong-${attempt}`);
  await expireLock(user.id);
  assert.equal((await signInWith(user.login, user.password)).statusCode, 200);
  const row = await staffRow(auth, user.id);
  assert.equal(row!.failed_attempts, 0);
  assert.equal(row!.locked_until, null);
  // Four more wrong ones do not lock: the count starts again.
  for (let attempt = 1; attempt <= 4; attempt++) await signInWith(user.login, `wrong-${attempt}`);
  assert.equal((await signInWith(user.login, user.password)).statusCode, 200);
});

test('wrong passwords sent in parallel are counted one by one: five are checked, the rest meet the lock', async () => {
  const user = await addStaffUser(auth);
  const answers = await Promise.all(
    Array.from({ length: 8 }, (_, i) => signInWith(user.login, `parallel-wrong-${i}`)),
  );
  const statuses = answers.map((answer) => answer.statusCode).sort();
  assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429]);
  const row = await staffRow(auth, user.id);
  assert.equal(row!.failed_attempts, 5);
});

test('an unknown login locks after five tries like a real one, so a lock tells nothing', async () => {
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= 6; attempt++) {
    const answer = await signInWith('Ghost.User', `wrong-${attempt}`);
    statuses.push(answer.statusCode);
    if (answer.statusCode === 429) assert.ok(Number(answer.headers['retry-after']) > 50);
  }
  assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
  assert.equal((await signInWith('ghost.user', 'wrong-7')).statusCode, 429, 'whatever the case of the login');
});

test('a body without a login is refused before anything is checked', async () => {
  const response = await post(auth, '/staff/sign-in', { password: 'whatever' });
  assert.equal(response.statusCode, 400);
  assert.equal(response.json().message, "Field 'login' is required");
});

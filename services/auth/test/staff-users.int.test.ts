import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type AuthUnderTest,
  addStaffUser,
  call,
  memberToken,
  outboxEvents,
  post,
  refresh,
  type SignedIn,
  signIn,
  staffRow,
  startAuth,
  verifyStaffToken,
} from './staff-support.ts';

let auth: AuthUnderTest;
/** An administrator every test may use; tests that need the rule's edge make their own. */
let admin: SignedIn;
let adminId: number;

before(async () => {
  auth = await startAuth();
  const user = await addStaffUser(auth, { role: 'admin' });
  adminId = user.id;
  admin = await signIn(auth, user.login, user.password);
});

after(async () => {
  await auth.stop();
});

const newUser = (overrides: Record<string, unknown> = {}) => ({
  login: `new.${Math.random().toString(36).slice(2, 10)}`,
  name: 'Olena Petrenko',
  email: 'olena@example.org',
  ...overrides,
});

async function create(token: string, body: Record<string, unknown>) {
  const response = await call(auth, 'POST', '/staff/users', token, body);
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as {
    user: Record<string, unknown> & { id: number; login: string };
    password: string;
  };
}

describe('who may manage staff accounts', () => {
  test('a request without a token is refused with 401', async () => {
    const response = await auth.service.app.inject({ method: 'GET', url: '/staff/users' });
    assert.equal(response.statusCode, 401);
  });

  test('a member token is refused with 401', async () => {
    const response = await call(auth, 'GET', '/staff/users', memberToken(auth));
    assert.equal(response.statusCode, 401);
  });

  test('a staff user who is no administrator is refused with 403', async () => {
    const user = await addStaffUser(auth);
    const session = await signIn(auth, user.login, user.password);
    for (const [method, url] of [
      ['GET', '/staff/users'],
      ['GET', `/staff/users/${adminId}`],
      ['POST', '/staff/users'],
      ['PATCH', `/staff/users/${adminId}`],
      ['DELETE', `/staff/users/${adminId}`],
    ] as const) {
      const response = await call(auth, method, url, session.access_token, method === 'GET' ? undefined : {});
      assert.equal(response.statusCode, 403, `${method} ${url}`);
    }
  });

  test('an administrator demoted since the token was issued is refused by what the database says', async () => {
    const user = await addStaffUser(auth, { role: 'admin' });
    const session = await signIn(auth, user.login, user.password);
    assert.equal(
      (await call(auth, 'PATCH', `/staff/users/${user.id}`, admin.access_token, { role: 'staff' }))
        .statusCode,
      200,
    );
    const response = await call(auth, 'GET', '/staff/users', session.access_token);
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().message, 'Only administrators may do this');
  });
});

describe('reading staff accounts', () => {
  test('administrators list every account, never a password hash', async () => {
    const response = await call(auth, 'GET', '/staff/users', admin.access_token);
    assert.equal(response.statusCode, 200);
    const { users } = response.json();
    assert.ok(users.some((user: { id: number }) => user.id === adminId));
    assert.doesNotMatch(response.body, /argon2|password_hash|failed_attempts/);
  });

  test('one account by id; an unknown id is 404', async () => {
    const one = await call(auth, 'GET', `/staff/users/${adminId}`, admin.access_token);
    assert.equal(one.statusCode, 200);
    assert.equal(one.json().id, adminId);
    const missing = await call(auth, 'GET', '/staff/users/999999', admin.access_token);
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().message, 'User does not exist');
  });
});

describe('creating staff accounts', () => {
  test('the generated password works once, then must be changed before anything else', async () => {
    const created = await create(admin.access_token, newUser({ role: 'admin' }));
    assert.equal(created.password.length, 16);
    assert.equal(created.user.must_change_password, true);
    assert.equal(created.user.role, 'admin');

    const first = await signIn(auth, created.user.login, created.password);
    assert.equal(first.user.must_change_password, true);
    assert.equal(verifyStaffToken(auth, first.access_token).must_change_password, true);
    const refused = await call(auth, 'GET', '/staff/users', first.access_token);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().message, 'Password must be changed');

    const changed = await call(auth, 'POST', `/staff/users/${created.user.id}/password`, first.access_token, {
      old_password: created.password,
      new_password: 'correct horse battery staple',
    });
    assert.equal(changed.statusCode, 200, changed.body);
    const tokens = changed.json();
    assert.equal(verifyStaffToken(auth, tokens.access_token).must_change_password, false);
    assert.equal((await call(auth, 'GET', '/staff/users', tokens.access_token)).statusCode, 200);

    assert.equal(
      (await post(auth, '/staff/sign-in', { login: created.user.login, password: created.password }))
        .statusCode,
      401,
    );
    const again = await signIn(auth, created.user.login, 'correct horse battery staple');
    assert.equal(again.user.must_change_password, false);
  });

  test('defaults: role staff, active, no phone; the creation is published', async () => {
    const created = await create(admin.access_token, newUser());
    assert.equal(created.user.role, 'staff');
    assert.equal(created.user.is_active, true);
    assert.equal(created.user.phone, null);
    const events = await outboxEvents(auth, 'staff.user_created');
    const event = events.find((e) => e.data.userId === created.user.id);
    assert.deepEqual(event?.data, { userId: created.user.id, login: created.user.login, role: 'staff' });
    assert.deepEqual(event?.actor, { kind: 'staff', id: String(adminId) });
  });

  test('a login already taken, whatever its case, is 422 "user already exist"', async () => {
    const created = await create(admin.access_token, newUser());
    const again = await call(
      auth,
      'POST',
      '/staff/users',
      admin.access_token,
      newUser({ login: created.user.login.toUpperCase() }),
    );
    assert.equal(again.statusCode, 422);
    assert.deepEqual(again.json(), { status: 'error', message: 'user already exist' });
  });

  test('two administrators creating one login at once get one account', async () => {
    const body = newUser();
    const answers = await Promise.all(
      [1, 2, 3].map(() => call(auth, 'POST', '/staff/users', admin.access_token, body)),
    );
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [201, 422, 422]);
  });

  test('bodies are validated: email format, login pattern', async () => {
    const badEmail = await call(
      auth,
      'POST',
      '/staff/users',
      admin.access_token,
      newUser({ email: 'not-an-email' }),
    );
    assert.equal(badEmail.statusCode, 400);
    assert.equal(badEmail.json().message, "Field 'email' must be a valid email address");
    const badLogin = await call(auth, 'POST', '/staff/users', admin.access_token, newUser({ login: 'a b' }));
    assert.equal(badLogin.statusCode, 400);
    assert.equal(badLogin.json().message, "Field 'login' has an invalid format");
  });
});

describe('editing and blocking', () => {
  test('an edit changes only what it names and publishes the fields changed', async () => {
    const created = await create(admin.access_token, newUser());
    const response = await call(auth, 'PATCH', `/staff/users/${created.user.id}`, admin.access_token, {
      name: 'Olena Kovalenko',
      email: 'olena@example.org',
      phone: '+380671234567',
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().name, 'Olena Kovalenko');
    assert.equal(response.json().phone, '+380671234567');
    const event = (await outboxEvents(auth, 'staff.user_updated')).find(
      (e) => e.data.userId === created.user.id,
    );
    assert.deepEqual(event?.data.fields, ['name', 'phone']);
  });

  test('taking a login another account has is 422', async () => {
    const one = await create(admin.access_token, newUser());
    const other = await create(admin.access_token, newUser());
    const response = await call(auth, 'PATCH', `/staff/users/${other.user.id}`, admin.access_token, {
      login: one.user.login,
    });
    assert.equal(response.statusCode, 422);
  });

  test('blocking ends the user’s sessions and sign-ins; unblocking lets them back', async () => {
    const user = await addStaffUser(auth);
    const session = await signIn(auth, user.login, user.password);
    const blocked = await call(auth, 'PATCH', `/staff/users/${user.id}`, admin.access_token, {
      is_active: false,
    });
    assert.equal(blocked.statusCode, 200);
    assert.equal(blocked.json().is_active, false);
    assert.equal((await refresh(auth, session.refresh_token)).statusCode, 401);
    assert.equal(
      (await post(auth, '/staff/sign-in', { login: user.login, password: user.password })).statusCode,
      401,
    );
    const event = (await outboxEvents(auth, 'staff.user_blocked')).find((e) => e.data.userId === user.id);
    assert.equal(event?.data.blocked, true);

    await call(auth, 'PATCH', `/staff/users/${user.id}`, admin.access_token, { is_active: true });
    assert.equal(
      (await post(auth, '/staff/sign-in', { login: user.login, password: user.password })).statusCode,
      200,
    );
  });

  test('an unknown id is 404', async () => {
    const response = await call(auth, 'PATCH', '/staff/users/999999', admin.access_token, { name: 'X' });
    assert.equal(response.statusCode, 404);
  });
});

describe('nobody removes the last administrator, or themselves', () => {
  test('an administrator cannot delete, block or demote themselves', async () => {
    const own = `/staff/users/${adminId}`;
    const deleted = await call(auth, 'DELETE', own, admin.access_token);
    assert.equal(deleted.statusCode, 409);
    assert.equal(deleted.json().message, 'You cannot delete your own account');
    const blocked = await call(auth, 'PATCH', own, admin.access_token, { is_active: false });
    assert.equal(blocked.statusCode, 409);
    assert.equal(blocked.json().message, 'You cannot block your own account');
    const demoted = await call(auth, 'PATCH', own, admin.access_token, { role: 'staff' });
    assert.equal(demoted.statusCode, 409);
    assert.equal(demoted.json().message, 'You cannot take away your own administrator role');
    assert.equal((await staffRow(auth, adminId))!.role, 'admin');
  });

  test('an administrator may edit their own name', async () => {
    const response = await call(auth, 'PATCH', `/staff/users/${adminId}`, admin.access_token, {
      name: 'Head Admin',
    });
    assert.equal(response.statusCode, 200);
  });

  test('the last two administrators deleting each other at once leave one', async () => {
    const a = await addStaffUser(auth, { role: 'admin' });
    const b = await addStaffUser(auth, { role: 'admin' });
    // The suite's own administrator must not count: block it directly for the duration.
    await auth.service.context.database.pool.query(
      'UPDATE staff_users SET is_active = 0 WHERE role = ? AND id NOT IN (?, ?)',
      ['admin', a.id, b.id],
    );
    try {
      const [sa, sb] = await Promise.all([
        signIn(auth, a.login, a.password),
        signIn(auth, b.login, b.password),
      ]);
      const answers = await Promise.all([
        call(auth, 'DELETE', `/staff/users/${b.id}`, sa.access_token),
        call(auth, 'DELETE', `/staff/users/${a.id}`, sb.access_token),
      ]);
      const statuses = answers.map((answer) => answer.statusCode).sort();
      assert.equal(statuses[0], 200, answers.map((a) => a.body).join(' '));
      assert.ok([401, 403, 409].includes(statuses[1]!), `second answer ${statuses[1]}`);
      const [rows] = await auth.service.context.database.pool.query(
        'SELECT id FROM staff_users WHERE role = ? AND is_active = 1',
        ['admin'],
      );
      assert.equal((rows as unknown[]).length, 1);
    } finally {
      await auth.service.context.database.pool.query('UPDATE staff_users SET is_active = 1 WHERE id = ?', [
        adminId,
      ]);
    }
  });

  test('the last two administrators blocking and demoting each other at once leave one', async () => {
    const a = await addStaffUser(auth, { role: 'admin' });
    const b = await addStaffUser(auth, { role: 'admin' });
    await auth.service.context.database.pool.query(
      'UPDATE staff_users SET is_active = 0 WHERE role = ? AND id NOT IN (?, ?)',
      ['admin', a.id, b.id],
    );
    try {
      const [sa, sb] = await Promise.all([
        signIn(auth, a.login, a.password),
        signIn(auth, b.login, b.password),
      ]);
      await Promise.all([
        call(auth, 'PATCH', `/staff/users/${b.id}`, sa.access_token, { is_active: false }),
        call(auth, 'PATCH', `/staff/users/${a.id}`, sb.access_token, { role: 'staff' }),
      ]);
      const [rows] = await auth.service.context.database.pool.query(
        'SELECT id FROM staff_users WHERE role = ? AND is_active = 1',
        ['admin'],
      );
      assert.equal((rows as unknown[]).length, 1);
    } finally {
      await auth.service.context.database.pool.query('UPDATE staff_users SET is_active = 1 WHERE id = ?', [
        adminId,
      ]);
    }
  });
});

describe('deleting', () => {
  test('a deleted user is gone, with their sessions, and the deletion is published', async () => {
    const user = await addStaffUser(auth);
    const session = await signIn(auth, user.login, user.password);
    const response = await call(auth, 'DELETE', `/staff/users/${user.id}`, admin.access_token);
    assert.equal(response.statusCode, 200);
    assert.equal((await call(auth, 'GET', `/staff/users/${user.id}`, admin.access_token)).statusCode, 404);
    assert.equal((await refresh(auth, session.refresh_token)).statusCode, 401);
    assert.ok((await outboxEvents(auth, 'staff.user_deleted')).some((e) => e.data.userId === user.id));
    assert.equal((await call(auth, 'DELETE', `/staff/users/${user.id}`, admin.access_token)).statusCode, 404);
  });
});

describe('passwords', () => {
  test('changing one’s own password revokes the old refresh tokens and returns new ones', async () => {
    const user = await addStaffUser(auth);
    const first = await signIn(auth, user.login, user.password);
    const second = await signIn(auth, user.login, user.password);
    const response = await call(auth, 'POST', `/staff/users/${user.id}/password`, first.access_token, {
      old_password: user.password,
      new_password: 'a much better passphrase',
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal((await refresh(auth, first.refresh_token)).statusCode, 401);
    assert.equal((await refresh(auth, second.refresh_token)).statusCode, 401);
    assert.equal((await refresh(auth, response.json().refresh_token)).statusCode, 200);
    const event = (await outboxEvents(auth, 'staff.password_changed')).find((e) => e.data.userId === user.id);
    assert.equal(event?.data.byAdministrator, false);
  });

  test('a wrong old password is refused and counts towards the lock', async () => {
    const user = await addStaffUser(auth);
    const session = await signIn(auth, user.login, user.password);
    const response = await call(auth, 'POST', `/staff/users/${user.id}/password`, session.access_token, {
      old_password: 'not it at all',
      new_password: 'a much better passphrase',
    });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().message, 'Old password is wrong');
    assert.equal((await staffRow(auth, user.id))!.failed_attempts, 1);
  });

  test('new passwords follow the policy: length, common passwords, not the login or name', async () => {
    const user = await addStaffUser(auth);
    const session = await signIn(auth, user.login, user.password);
    const attempt = (new_password: string) =>
      call(auth, 'POST', `/staff/users/${user.id}/password`, session.access_token, {
        old_password: user.password,
        new_password,
      });
    const cases: [string, string][] = [
      ['short', 'Password must be at least 8 characters long'],
      ['x'.repeat(129), 'Password must be at most 128 characters long'],
      ['Password1', 'This password is too common; please choose another'],
      ['qwertyuiop', 'This password is too common; please choose another'],
      [user.login, 'Password must not be your login or name'],
      [String(session.user.name).toLowerCase(), 'Password must not be your login or name'],
      [user.password, 'New password must differ from the old one'],
    ];
    for (const [password, message] of cases) {
      const response = await attempt(password);
      assert.equal(response.statusCode, 422, password);
      assert.equal(response.json().message, message, password);
    }
  });

  test('an administrator resets another user’s password: generated, shown once, to be changed', async () => {
    const user = await addStaffUser(auth);
    const session = await signIn(auth, user.login, user.password);
    const response = await call(auth, 'POST', `/staff/users/${user.id}/password`, admin.access_token, {});
    assert.equal(response.statusCode, 200);
    const { password } = response.json();
    assert.match(password, /^[A-Za-z2-9]{16}$/);
    assert.equal((await refresh(auth, session.refresh_token)).statusCode, 401);
    assert.equal(
      (await post(auth, '/staff/sign-in', { login: user.login, password: user.password })).statusCode,
      401,
    );
    const again = await signIn(auth, user.login, password);
    assert.equal(again.user.must_change_password, true);
    const event = (await outboxEvents(auth, 'staff.password_changed')).find((e) => e.data.userId === user.id);
    assert.equal(event?.data.byAdministrator, true);
  });

  test('a staff user cannot reset someone else’s password', async () => {
    const user = await addStaffUser(auth);
    const session = await signIn(auth, user.login, user.password);
    const response = await call(auth, 'POST', `/staff/users/${adminId}/password`, session.access_token, {
      old_password: 'x',
      new_password: 'y',
    });
    assert.equal(response.statusCode, 403);
  });
});

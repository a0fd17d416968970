import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import {
  AdminChangePasswordAnswer,
  AdminChangePasswordForbidden,
  AdminUserCreateAnswer,
  AdminUserCreateLoginTaken,
  AdminUserDeleteAnswer,
  AdminUsersAnswer,
  AdminUsersForbidden,
  AdminUserUpdateAnswer,
  AdminUserUpdateMissing,
  HttpDate,
} from '@kasa/contracts';
import { assertSeedShape } from '@kasa/testing';
import { Value } from 'typebox/value';
import { wholeKasa } from '../../../mobile-gateway/test/support/whole-kasa.ts';
import { firstSignIn, rootSession, type StaffSession, staffSession } from './staff-session.ts';

/** SPEC §7 rows 4–8 against the seed's `user_*` routes (seeds/000 admin-app/main.py). */

const { kasa, admin } = wholeKasa();
let root: StaffSession;
let clerk: StaffSession;

const SEED_ADMIN_ONLY = {
  status: 'error',
  message: 'Ця операція дозволена тільки головному адміністратору',
};

// Root-level `before` hooks do not wait for each other: this one runs once Kasa has started.
let sessions: Promise<void> | undefined;
beforeEach(() => {
  sessions ??= (async () => {
    root = await rootSession(kasa(), admin);
    clerk = await staffSession(admin, root, 'clerk');
  })();
  return sessions;
});

test('GET /user lists every staff user as model_to_dict rows (is_active a number, no password)', async () => {
  const answer = await admin('GET', '/user', undefined, root.token);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assertSeedShape(AdminUsersAnswer, answer.body, 'GET /user');
  const mine = answer.body.data.find((user: { id: number }) => user.id === root.id);
  assert.equal(mine.login, 'root');
  assert.equal(mine.email, 'head@example.org');
  assert.equal(mine.is_active, 1);
  assert.ok(Value.Check(HttpDate, mine.created_at) && Value.Check(HttpDate, mine.updated_at));
  for (const user of answer.body.data) assert.equal('password' in user, false, 'never the password hash');
});

test('GET /user/:user_id answers a list of one, and an empty list for an unknown id', async () => {
  const one = await admin('GET', `/user/${clerk.id}`, undefined, root.token);
  assert.equal(one.status, 200, JSON.stringify(one.body));
  assertSeedShape(AdminUsersAnswer, one.body, 'GET /user/:user_id');
  assert.deepEqual(
    one.body.data.map((user: { login: string }) => user.login),
    ['clerk'],
  );
  const unknown = await admin('GET', '/user/999999', undefined, root.token);
  assert.equal(unknown.status, 200);
  assert.deepEqual(unknown.body, { data: [] });
});

test('GET /user is 403 with the seed’s {status, message} for anyone but an administrator', async () => {
  for (const path of ['/user', `/user/${root.id}`]) {
    const refused = await admin('GET', path, undefined, clerk.token);
    assert.equal(refused.status, 403);
    assertSeedShape(AdminUsersForbidden, refused.body, `GET ${path} as staff`);
    assert.deepEqual(refused.body, SEED_ADMIN_ONLY);
  }
});

test('PUT /user creates a user: {status, message}, with the account and its one-time password added', async () => {
  const created = await admin(
    'PUT',
    '/user',
    { email: 'desk@example.org', is_active: true, login: 'desk', name: 'Front desk', phone: '+380501112233' },
    root.token,
  );
  assert.equal(created.status, 200, JSON.stringify(created.body));
  assertSeedShape(AdminUserCreateAnswer, created.body, 'PUT /user');
  assert.equal(created.body.status, 'success');
  assert.equal(created.body.message, 'user created successfully');
  assert.equal(created.body.data.login, 'desk');
  assert.equal(created.body.data.is_active, 1);
  assert.equal(created.body.data.phone, '+380501112233');
  assert.equal(typeof created.body.data.password, 'string');
  assert.equal(typeof (await firstSignIn(admin, 'desk', created.body.data.password)), 'string');
});

test('PUT /user with a login taken is 422 {status, message: "user already exist"}', async () => {
  const taken = await admin(
    'PUT',
    '/user',
    { email: 'other@example.org', is_active: true, login: 'clerk', name: 'Another clerk' },
    root.token,
  );
  assert.equal(taken.status, 422);
  assertSeedShape(AdminUserCreateLoginTaken, taken.body, 'PUT /user taken');
  assert.deepEqual(taken.body, { status: 'error', message: 'user already exist' });
});

test('POST /user edits a user: {status, message, data: model_to_dict(user)}; an unknown id is 422', async () => {
  const edited = await admin(
    'POST',
    '/user',
    { id: clerk.id, name: 'Clerk, renamed', phone: '+380671234567' },
    root.token,
  );
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  assertSeedShape(AdminUserUpdateAnswer, edited.body, 'POST /user');
  assert.equal(edited.body.message, 'user updated successfully');
  assert.equal(edited.body.data.id, clerk.id);
  assert.equal(edited.body.data.name, 'Clerk, renamed');
  assert.equal(edited.body.data.phone, '+380671234567');
  assert.equal(edited.body.data.is_active, 1);

  const unknown = await admin('POST', '/user', { id: 999999, name: 'Nobody' }, root.token);
  assert.equal(unknown.status, 422);
  assertSeedShape(AdminUserUpdateMissing, unknown.body, 'POST /user unknown');
  assert.deepEqual(unknown.body, { status: 'error', message: 'user does not exist' });
});

test('DELETE /user/:id answers {status, message}', async () => {
  const doomed = await admin(
    'PUT',
    '/user',
    { email: 'temp@example.org', is_active: true, login: 'temp', name: 'Temporary' },
    root.token,
  );
  const deleted = await admin('DELETE', `/user/${doomed.body.data.id}`, undefined, root.token);
  assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
  assertSeedShape(AdminUserDeleteAnswer, deleted.body, 'DELETE /user/:id');
  assert.deepEqual(deleted.body, { status: 'success', message: 'User deleted successfully' });
  assert.deepEqual((await admin('GET', `/user/${doomed.body.data.id}`, undefined, root.token)).body, {
    data: [],
  });
});

test('POST /user/change_password answers {status, message}; another’s id is 403 unless an administrator', async () => {
  const other = await staffSession(admin, root, 'typist');
  const changed = await admin(
    'POST',
    '/user/change_password',
    { old_password: 'wrong on purpose', new_password: 'never used here' },
    other.token,
  );
  assert.equal(changed.status, 422, 'a wrong old password is refused');

  const reset = await admin('POST', '/user/change_password', { id: other.id }, root.token);
  assert.equal(reset.status, 200, JSON.stringify(reset.body));
  assertSeedShape(AdminChangePasswordAnswer, reset.body, 'POST /user/change_password');
  assert.equal(reset.body.status, 'success');
  const own = await firstSignIn(admin, 'typist', reset.body.password);
  assert.equal(typeof own, 'string', 'the reset password works once, to set a new one');

  const refused = await admin('POST', '/user/change_password', { id: root.id }, clerk.token);
  assert.equal(refused.status, 403);
  assertSeedShape(AdminChangePasswordForbidden, refused.body, 'POST /user/change_password not yours');
  assert.deepEqual(refused.body, { status: 'error', message: 'Вам ця операція не дозволена' });
});

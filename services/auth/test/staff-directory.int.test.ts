import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  type AuthUnderTest,
  addStaffUser,
  memberToken,
  post,
  type SignedIn,
  signIn,
  startAuth,
} from './staff-support.ts';

/** The staff rows the gateways nest in programs and messages, by id, for members' and staff's tokens. */

let auth: AuthUnderTest;
let staff: SignedIn;
let ids: number[];

before(async () => {
  auth = await startAuth();
  const admin = await addStaffUser(auth, { role: 'admin' });
  const clerk = await addStaffUser(auth);
  staff = await signIn(auth, clerk.login, clerk.password);
  ids = [admin.id, clerk.id];
});

after(() => auth.stop());

test('a staff token gets the accounts asked for, unknown ids left out, never a role or password', async () => {
  const answer = await post(
    auth,
    '/staff-users/records',
    { ids: [...ids, ids[0], 999_999] },
    staff.access_token,
  );
  assert.equal(answer.statusCode, 200, answer.body);
  const { data } = answer.json();
  assert.deepEqual(
    data.map((user: { id: number }) => user.id),
    ids,
  );
  assert.deepEqual(Object.keys(data[0]).sort(), [
    'created_at',
    'email',
    'id',
    'is_active',
    'login',
    'name',
    'phone',
    'updated_at',
  ]);
  assert.ok(!Number.isNaN(Date.parse(data[0].created_at)));
});

test("a member's token opens it too, with names but no login, e-mail or phone to use against staff", async () => {
  const answer = await post(auth, '/staff-users/records', { ids }, memberToken(auth));
  assert.equal(answer.statusCode, 200, answer.body);
  const { data } = answer.json();
  assert.equal(data.length, 2);
  for (const user of data) {
    assert.ok(user.name.length > 0);
    assert.equal(user.login, '');
    assert.equal(user.email, '');
    assert.equal(user.phone, null);
  }
});

test('without a token it is 401', async () => {
  assert.equal((await post(auth, '/staff-users/records', { ids })).statusCode, 401);
});

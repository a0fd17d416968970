import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type AuthUnderTest, addStaffUser, post, startAuth } from './staff-support.ts';

let auth: AuthUnderTest;
before(async () => {
  auth = await startAuth();
});
after(async () => {
  await auth.stop();
});

/** How many of each status a burst of answers had, e.g. `{ 401: 5, 429: 7 }`. */
function tally(answers: { statusCode: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { statusCode } of answers) counts[statusCode] = (counts[statusCode] ?? 0) + 1;
  return counts;
}

const burst = <T>(size: number, call: () => Promise<T>) => Promise.all(Array.from({ length: size }, call));

test('twelve wrong sign-ins at once for an unknown login are answered like those for a known one', async () => {
  const known = await addStaffUser(auth);
  const unknownLogin = `nobody.${process.pid}.${Date.now()}`;
  const forUnknown = await burst(12, () =>
    post(auth, '/staff/sign-in', { login: unknownLogin, password: 'not-the-password' }),
  );
  const forKnown = await burst(12, () =>
    post(auth, '/staff/sign-in', { login: known.login, password: 'not-the-password' }),
  );
  assert.deepEqual(tally(forUnknown), tally(forKnown), 'the answers tell no login apart');
  for (const answer of forUnknown) assert.ok([401, 429].includes(answer.statusCode), answer.body);
});

test('twenty sign requests at once for one new phone get no 500, and one code goes out', async () => {
  const phone = `+38067${String(process.pid % 1000).padStart(3, '0')}${String(Date.now() % 10_000).padStart(4, '0')}`;
  const answers = await burst(20, () =>
    post(auth, '/members/sign-requests', { phone, create: true, address: '10.0.0.7' }),
  );
  for (const answer of answers) assert.ok([200, 401, 422, 429].includes(answer.statusCode), answer.body);
  assert.equal(tally(answers)[200], 1, 'the per-phone cooldown lets exactly one code out');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminSignInAnswer, AdminSignInRefused, StaffTokenClaims } from '@kasa/contracts';
import { assertSeedShape } from '@kasa/testing';
import { createFirstAdmin } from '../../../auth/src/application/create-first-admin.ts';
import { call } from '../../../mobile-gateway/test/support/clients.ts';
import { wholeKasa } from '../../../mobile-gateway/test/support/whole-kasa.ts';

/** The admin site's sign-in against the seed's answers (seeds/000 admin-app/main.py signin). */
const { kasa, admin } = wholeKasa();

const DAY = /^\d{2}\.\d{2}\.\d{4}$/;
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
const signIn = (login: string, password: string) => admin('POST', '/signin', { login, password }, '');

let firstAdministrator: Promise<string> | undefined;
/** The first administrator's one-time password, made once for the file as `./kasa create-admin` does. */
function rootPasswordOnce(): Promise<string> {
  firstAdministrator ??= createFirstAdmin(kasa().auth.context.messaging.unitOfWork, {
    login: 'signin-root',
    name: 'Голова фонду',
    email: 'head@example.org',
  }).then((outcome) => {
    assert.equal(outcome.kind, 'created');
    return outcome.kind === 'created' ? outcome.created.password : '';
  });
  return firstAdministrator;
}

test("POST /signin answers {access_token, user} typed as the seed's, with the seed's claims in the token", async () => {
  const answer = await signIn('signin-root', await rootPasswordOnce());
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assertSeedShape(AdminSignInAnswer, answer.body, 'POST /signin');
  const { name, login, email, is_active, updated_at } = answer.body.user;
  assert.deepEqual(
    { name, login, email, is_active },
    { name: 'Голова фонду', login: 'signin-root', email: 'head@example.org', is_active: 1 },
  );
  assert.match(updated_at, DAY);

  const claims = claimsOf(answer.body.access_token);
  assertSeedShape(StaffTokenClaims, claims, 'the staff token');
  assert.deepEqual(
    { user_id: claims.user_id, name: claims.name, email: claims.email },
    { user_id: answer.body.user.id, name: 'Голова фонду', email: 'head@example.org' },
  );
  const minutes = (claims.exp - Date.now() / 1000) / 60;
  assert.ok(minutes > 0 && minutes <= 60, `a staff token lives minutes, not ${minutes}`);
});

test("POST /signin answers the seed's 404 {} alike for a wrong password, an unknown login and a blocked user", async () => {
  const rootPassword = await rootPasswordOnce();
  const wrong = await signIn('signin-root', `${rootPassword}x`);
  assert.equal(wrong.status, 404);
  assertSeedShape(AdminSignInRefused, wrong.body, 'POST /signin 404');
  assert.deepEqual(wrong.body, {}, "the seed's body, word for word");
  const unknown = await signIn('signin-nobody', 'whatever-password');
  assert.deepEqual({ status: unknown.status, body: unknown.body }, { status: 404, body: wrong.body });

  // The administrator changes the one-time password, then makes a clerk and blocks them.
  const first = await signIn('signin-root', rootPassword);
  const changed = await admin(
    'POST',
    '/user/change_password',
    { old_password: rootPassword, new_password: 'Довгий пароль голови 2024' },
    first.body.access_token,
  );
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  const root = changed.body.access_token ?? first.body.access_token;
  const created = await admin(
    'PUT',
    '/user',
    { login: 'signin-clerk', name: 'Клерк', email: 'clerk@example.org', is_active: true },
    root,
  );
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const clerk = await signIn('signin-clerk', created.body.data.password);
  assert.equal(clerk.status, 200);
  const clerkToken = clerk.body.access_token;
  const blocked = await admin('POST', '/user', { id: created.body.data.id, is_active: false }, root);
  assert.equal(blocked.status, 200, JSON.stringify(blocked.body));

  const refused = await signIn('signin-clerk', created.body.data.password);
  assert.deepEqual({ status: refused.status, body: refused.body }, { status: 404, body: wrong.body });

  // The blocked clerk's token is refused by the gateway itself within a second.
  const start = Date.now();
  let status = 0;
  while (Date.now() - start < 5_000) {
    status = (await call(kasa().adminUrl, 'GET', '/programs', undefined, clerkToken)).status;
    if (status === 401) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.equal(status, 401);
  assert.ok(Date.now() - start < 1_000, `refused after ${Date.now() - start} ms`);
});

test('the admin gateway takes the token as Authorization: Bearer or as x-access-token', async () => {
  const answer = await signIn('signin-root', 'Довгий пароль голови 2024');
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const token = answer.body.access_token;
  const bearer = await fetch(`${kasa().adminUrl}/user`, { headers: { authorization: `Bearer ${token}` } });
  const seedHeader = await fetch(`${kasa().adminUrl}/user`, { headers: { 'x-access-token': token } });
  assert.equal(bearer.status, 200);
  assert.equal(seedHeader.status, 200);
});

import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { test } from 'node:test';
import { generateEd25519Keys, generateP256Keys, seedToken, signToken, unsignedToken } from '@kasa/testing';
import type { Answer } from './support/clients.ts';
import { wholeKasa } from './support/whole-kasa.ts';

/**
 * The switch-over keeps members signed in (issue 19): with the old system's secret, the mobile
 * gateway takes the HS256 tokens it gave, as the member they were given to, until they expire,
 * and ends them as it ends Kasa's own.
 */
const SECRET = 'the old flask SECRET_KEY';
const { kasa, mobile, admin, signUp, approvedMember } = wholeKasa({
  authEnv: { SEED_JWT_SECRET: SECRET },
  mobileEnv: { SEED_JWT_SECRET: SECRET },
});

const memberIdOf = (kasaToken: string) =>
  Number(JSON.parse(Buffer.from(kasaToken.split('.')[1]!, 'base64url').toString()).sub);
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Milliseconds from now until `call` answers 401 (at most five seconds). */
async function msUntilRefused(call: () => Promise<Answer>): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < 5_000) {
    if ((await call()).status === 401) return Date.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.fail('still open after five seconds');
}

/** A member signed up by SMS, and an old token of theirs, as if the import had brought both. */
async function memberWithOldToken(phone: string, exp?: number) {
  const kasaToken = await signUp(phone);
  const memberId = memberIdOf(kasaToken);
  return { memberId, kasaToken, oldToken: seedToken(SECRET, { user_id: memberId, ...(exp ? { exp } : {}) }) };
}

test("an old token opens the member's profile as that member, by either header the app sends", async () => {
  const { token, memberId } = await approvedMember('+380501720001', '100');
  const exp = nowSeconds() + 20 * 86_400;
  const oldToken = seedToken(SECRET, {
    user_id: memberId,
    name: 'Олена Коваль',
    email: 'olena@example.org',
    exp,
  });

  const own = await mobile('GET', '/user/profile/get', undefined, token);
  const old = await mobile('GET', '/user/profile/get', undefined, oldToken);
  assert.equal(old.status, 200, JSON.stringify(old.body));
  assert.deepEqual(old.body, own.body);

  const byAppHeader = await fetch(`${kasa().mobileUrl}/user/profile/get`, {
    headers: { 'x-access-token': oldToken },
  });
  assert.equal(byAppHeader.status, 200);
  const session = await mobile('GET', '/user/session', undefined, oldToken);
  assert.deepEqual(session.body, { member_id: memberId, expires_at: new Date(exp * 1000).toISOString() });
});

test('an old token opens nothing on the admin gateway', async () => {
  const { oldToken } = await memberWithOldToken('+380501720002');
  assert.equal((await mobile('POST', '/user/request/list', {}, oldToken)).status, 200);
  const refused = await admin('POST', '/members', {}, oldToken);
  assert.equal(refused.status, 401);
  const byAppHeader = await fetch(`${kasa().adminUrl}/user`, { headers: { 'x-access-token': oldToken } });
  assert.equal(byAppHeader.status, 401);
});

test('an old token works until its exp and not a second after', async () => {
  const exp = nowSeconds() + 3;
  const { oldToken } = await memberWithOldToken('+380501720003', exp);
  assert.equal((await mobile('POST', '/user/request/list', {}, oldToken)).status, 200);
  await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
  const refused = await mobile('POST', '/user/request/list', {}, oldToken);
  assert.equal(refused.status, 401);
  assert.deepEqual(Object.keys(refused.body), ['message']);
});

test("a token signed otherwise is refused: another secret, alg none, Kasa's public key as HMAC secret, RS/ES/EdDSA", async () => {
  const { memberId } = await memberWithOldToken('+380501720004');
  const claims = { user_id: memberId, sub: String(memberId), role: 'member', exp: nowSeconds() + 3600 };
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const rsaInput = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}`;
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const tricks: Record<string, string> = {
    'another secret': seedToken('not the secret', claims),
    'alg none': unsignedToken(claims),
    'HS256 none-signed': seedToken(SECRET, claims, { alg: 'none', typ: 'JWT' }),
    "Kasa's public key as the secret": seedToken(kasa().keys.publicKeyPem, claims),
    RS256: `${rsaInput}.${sign('sha256', Buffer.from(rsaInput), rsa).toString('base64url')}`,
    ES256: signToken(generateP256Keys().privateKey, claims),
    'EdDSA of another key': signToken(generateEd25519Keys().privateKey, claims),
  };
  for (const [trick, token] of Object.entries(tricks)) {
    const answer = await mobile('POST', '/user/request/list', {}, token);
    assert.equal(answer.status, 401, trick);
  }
});

test("signing out with an old token ends it within a second; the member's other old token goes on", async () => {
  const { memberId, oldToken } = await memberWithOldToken('+380501720005');
  const otherDevice = seedToken(SECRET, { user_id: memberId, exp: nowSeconds() + 86_400 });
  const requests = () => mobile('POST', '/user/request/list', {}, oldToken);
  assert.equal((await requests()).status, 200);
  assert.equal((await mobile('POST', '/user/request/list', {}, otherDevice)).status, 200);

  const signedOut = await mobile('DELETE', '/user/session', undefined, oldToken);
  assert.equal(signedOut.status, 200, JSON.stringify(signedOut.body));
  const elapsed = await msUntilRefused(requests);
  assert.ok(elapsed < 1_000, `refused after ${elapsed} ms`);
  assert.equal((await mobile('DELETE', '/user/session', undefined, oldToken)).status, 401);
  assert.equal((await mobile('POST', '/user/request/list', {}, otherDevice)).status, 200);
});

test('blocking the member ends their old tokens within a second, one never used before too', async () => {
  const { memberId, oldToken } = await memberWithOldToken('+380501720006');
  const neverUsed = seedToken(SECRET, { user_id: memberId, exp: nowSeconds() + 86_400 });
  const requests = () => mobile('POST', '/user/request/list', {}, oldToken);
  assert.equal((await requests()).status, 200);

  const blocked = await admin('PUT', '/member', { id: memberId, is_active: false });
  assert.equal(blocked.status, 200, JSON.stringify(blocked.body));
  const elapsed = await msUntilRefused(requests);
  assert.ok(elapsed < 1_000, `refused after ${elapsed} ms`);
  assert.equal((await mobile('POST', '/user/request/list', {}, neverUsed)).status, 401);
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MemberBlocked, MemberUnblocked, PhoneChanged } from '@kasa/contracts';
import { newEvent } from '@kasa/messaging';
import { eventually, seedToken, unsignedToken } from '@kasa/testing';
import { createVerifier } from 'fast-jwt';
import { type AuthUnderTest, startAuth } from './support/auth-under-test.ts';

/**
 * Members signed in to the old system keep their HS256 tokens (issue 19): auth trades each for
 * a Kasa member token of a session of its own, ended as Kasa's sessions are.
 */
const SECRET = 'the seed flask SECRET_KEY';
let auth: AuthUnderTest;
before(async () => {
  auth = await startAuth({ SEED_JWT_SECRET: SECRET });
});
after(() => auth.close());

const sql = (query: string, values: unknown[] = []) =>
  auth.service.context.database.pool.query(query, values);
const trade = (token: string) =>
  auth.service.app.inject({ method: 'POST', url: '/sessions/seed', payload: { token } });
const verifyMemberToken = (token: string) =>
  createVerifier({
    key: auth.publicKeyPem,
    algorithms: ['EdDSA'],
    allowedAud: 'member',
    allowedIss: 'kasa-auth',
  })(token);

let nextId = 70_000;
let phone = 100;
/** A member brought over from the old system, under the id it had there. */
async function importedMember(): Promise<number> {
  nextId += 1;
  phone += 1;
  await sql(
    "INSERT INTO member_accounts (id, phone, first_name, last_name, email) VALUES (?, ?, 'Олена', 'Коваль', 'o@example.org')",
    [nextId, `+38067${String(process.pid % 1000).padStart(3, '0')}${String(phone).padStart(4, '0')}`],
  );
  return nextId;
}

async function revokedIds(): Promise<{ id: string; until: string }[]> {
  const answer = await auth.service.app.inject({ method: 'GET', url: '/sessions/revoked' });
  return answer.json().sessions;
}

const staff = (memberId: number) => ({ aggregateId: memberId, actor: { kind: 'staff' as const, id: '1' } });

async function accountField(memberId: number, column: string): Promise<unknown> {
  const [[row]] = (await sql(`SELECT ${column} AS value FROM member_accounts WHERE id = ?`, [memberId])) as [
    { value: unknown }[],
    unknown,
  ];
  return row!.value;
}

describe("a member's token from the old system", () => {
  test('is traded for a member token of the same member, its own session, expiring with it', async () => {
    const memberId = await importedMember();
    const exp = Math.floor(Date.now() / 1000) + 3 * 86_400;
    const token = seedToken(SECRET, { user_id: memberId, name: 'Олена Коваль', exp });
    const first = await trade(token);
    assert.equal(first.statusCode, 200, first.body);
    const claims = verifyMemberToken(first.json().access_token);
    assert.equal(claims.sub, String(memberId));
    assert.equal(claims.user_id, memberId);
    assert.equal(claims.role, 'member');
    assert.equal(claims.exp, exp, 'no longer than the old token');
    assert.deepEqual(
      { name: claims.name, email: claims.email },
      { name: 'Олена Коваль', email: 'o@example.org' },
    );
    assert.match(claims.sid, /^seed-[A-Za-z0-9_-]{31}$/);
    assert.ok(Math.abs(first.json().expires_in - 3 * 86_400) <= 2);

    const again = verifyMemberToken((await trade(token)).json().access_token);
    assert.equal(again.sid, claims.sid, 'one token, one session');
    const other = seedToken(SECRET, { user_id: memberId, exp: exp - 60 });
    assert.notEqual(verifyMemberToken((await trade(other)).json().access_token).sid, claims.sid);
  });

  test("is refused when signed with another secret or Kasa's public key, expired, unsigned, or of no member", async () => {
    const memberId = await importedMember();
    const past = Math.floor(Date.now() / 1000) - 1;
    const refusals = [
      seedToken('another secret', { user_id: memberId }),
      seedToken(SECRET, { user_id: memberId, exp: past }),
      unsignedToken({ user_id: memberId, exp: past + 3600 }),
      seedToken(SECRET, { user_id: 999_999_999 }),
      seedToken(auth.publicKeyPem, { user_id: memberId }),
    ];
    for (const [index, token] of refusals.entries()) {
      const answer = await trade(token);
      assert.equal(answer.statusCode, 401, `refusal ${index}: ${answer.body}`);
    }
  });

  test("ends with sign-out: later trades are refused, and the gateways' list names it until it expires", async () => {
    const memberId = await importedMember();
    const exp = Math.floor(Date.now() / 1000) + 86_400;
    const token = seedToken(SECRET, { user_id: memberId, exp });
    const kasaToken = (await trade(token)).json().access_token;
    const signedOut = await auth.service.app.inject({
      method: 'DELETE',
      url: '/sessions/current',
      headers: { authorization: `Bearer ${kasaToken}` },
    });
    assert.equal(signedOut.statusCode, 200, signedOut.body);
    const { sid } = verifyMemberToken(kasaToken);
    const listed = (await revokedIds()).find((session) => session.id === sid);
    assert.equal(listed?.until, new Date(exp * 1000).toISOString());
    const refused = await trade(token);
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.json().message, 'Your session has ended; please sign in again');
    const otherDevice = seedToken(SECRET, { user_id: memberId, exp: exp - 1 });
    assert.equal((await trade(otherDevice)).statusCode, 200, "the member's other old tokens go on");
  });

  test('ends when the member is blocked, those never traded too, and stays ended after an unblock', async () => {
    const memberId = await importedMember();
    const traded = seedToken(SECRET, { user_id: memberId });
    const { sid } = verifyMemberToken((await trade(traded)).json().access_token);
    const neverSeen = seedToken(SECRET, { user_id: memberId, exp: Math.floor(Date.now() / 1000) + 600 });

    await auth.publish(newEvent(MemberBlocked, { memberId }, staff(memberId)));
    await eventually(async () => (await accountField(memberId, 'blocked')) === 1);
    assert.ok((await revokedIds()).some((session) => session.id === sid));
    assert.equal((await trade(traded)).statusCode, 401);
    assert.equal((await trade(neverSeen)).statusCode, 401);

    await auth.publish(newEvent(MemberUnblocked, { memberId }, staff(memberId)));
    await eventually(async () => (await accountField(memberId, 'blocked')) === 0);
    assert.equal((await trade(neverSeen)).statusCode, 401, 'the member signs in by SMS again');
  });

  test('ends with a new phone, those never traded too', async () => {
    const memberId = await importedMember();
    const traded = seedToken(SECRET, { user_id: memberId });
    const { sid } = verifyMemberToken((await trade(traded)).json().access_token);
    const neverSeen = seedToken(SECRET, { user_id: memberId, exp: Math.floor(Date.now() / 1000) + 600 });

    await auth.publish(newEvent(PhoneChanged, { memberId, phone: '+380991112233' }, staff(memberId)));
    await eventually(async () => (await accountField(memberId, 'seed_sessions_ended_at')) !== null);
    assert.ok((await revokedIds()).some((session) => session.id === sid));
    assert.equal((await trade(traded)).statusCode, 401);
    assert.equal((await trade(neverSeen)).statusCode, 401);
  });
});

test('without SEED_JWT_SECRET no route takes the old tokens', async () => {
  const plain = await startAuth();
  try {
    const answer = await plain.service.app.inject({
      method: 'POST',
      url: '/sessions/seed',
      payload: { token: seedToken(SECRET, { user_id: 1 }) },
    });
    assert.equal(answer.statusCode, 404);
  } finally {
    await plain.close();
  }
});

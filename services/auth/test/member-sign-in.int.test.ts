import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MemberBlocked, MemberUnblocked } from '@kasa/contracts';
import { newEvent } from '@kasa/messaging';
import { eventually } from '@kasa/testing';
import { createVerifier } from 'fast-jwt';
import { type AuthUnderTest, startAuth } from './support/auth-under-test.ts';

let auth: AuthUnderTest;
before(async () => {
  auth = await startAuth();
});
after(() => auth.close());

let phoneCounter = 0;
/** A fresh Ukrainian number per test, so limits of one test never touch another. */
const newPhone = () =>
  `+38067${String(process.pid % 1000).padStart(3, '0')}${String(++phoneCounter).padStart(4, '0')}`;

const post = (url: string, body: object) => auth.service.app.inject({ method: 'POST', url, payload: body });
const askCode = (phone: string, create: boolean, address = '10.0.0.1') =>
  post('/members/sign-requests', { phone, create, address });
const signIn = (phone: string, code: string) => post('/members/sign-in', { phone, code });
const sql = (query: string, values: unknown[] = []) =>
  auth.service.context.database.pool.query(query, values);

describe('a new member', () => {
  test('gets a code by SMS and trades it for tokens for the member audience', async () => {
    const phone = newPhone();
    assert.equal((await askCode(phone, true)).statusCode, 200);
    const answer = await signIn(phone, await auth.codeSentTo(phone));
    assert.equal(answer.statusCode, 200);
    const { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn } = answer.json();
    const claims = createVerifier({
      key: auth.publicKeyPem,
      algorithms: ['EdDSA'],
      allowedAud: 'member',
      allowedIss: 'kasa-auth',
    })(accessToken);
    assert.equal(claims.role, 'member');
    assert.equal(claims.sub, String(claims.user_id));
    const thirtyDays = 30 * 86_400;
    assert.ok(
      claims.exp - claims.iat === thirtyDays && expiresIn === thirtyDays,
      "members' tokens live 30 days",
    );
    assert.equal(typeof claims.sid, 'string', 'the token names its session, so that it can be revoked');
    assert.deepEqual({ name: claims.name, email: claims.email }, { name: '', email: null });
    assert.match(refreshToken, /^[A-Za-z0-9_-]{43}$/);
  });

  test('is created on the first sign-in, and the member service is told', async () => {
    const phone = newPhone();
    await askCode(phone, true);
    await signIn(phone, await auth.codeSentTo(phone));
    const [[account]] = (await sql('SELECT id FROM member_accounts WHERE phone = ?', [phone])) as [
      { id: number }[],
      unknown,
    ];
    const [events] = (await sql("SELECT payload FROM outbox WHERE type = 'auth.member_signed_up'")) as [
      { payload: string }[],
      unknown,
    ];
    assert.ok(events.some((row) => JSON.parse(row.payload).data.memberId === account!.id));
  });

  test('cannot ask as an existing member, and an existing member cannot ask as new', async () => {
    const phone = newPhone();
    const missing = await askCode(phone, false);
    assert.equal(missing.statusCode, 422);
    assert.equal(missing.json().message, 'User does not exist');
    await askCode(phone, true);
    await signIn(phone, await auth.codeSentTo(phone));
    const exists = await askCode(phone, true);
    assert.equal(exists.statusCode, 422);
    assert.equal(exists.json().message, 'User already exist');
  });
});

describe('a code', () => {
  test('keeps only a keyed hash in the database, never the digits', async () => {
    const phone = newPhone();
    await askCode(phone, true);
    const code = await auth.codeSentTo(phone);
    const [rows] = (await sql('SELECT * FROM sign_requests WHERE phone = ?', [phone])) as [
      Record<string, unknown>[],
      unknown,
    ];
    assert.equal(JSON.stringify(rows).includes(code), false);
    const [outbox] = (await sql(
      "SELECT COUNT(*) AS n FROM outbox WHERE type = 'auth.sign_code_requested'",
    )) as [{ n: number }[], unknown];
    assert.equal(Number(outbox[0]!.n), 0, 'the event carrying the code leaves the outbox once published');
  });

  test('is refused when wrong, expired or already used', async () => {
    const phone = newPhone();
    await askCode(phone, true);
    const code = await auth.codeSentTo(phone);
    const wrong = await signIn(phone, code === '000000' ? '111111' : '000000');
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(wrong.json(), { status: 'error', message: 'Access denied for this user' });
    assert.equal((await signIn(phone, code)).statusCode, 200);
    assert.equal((await signIn(phone, code)).statusCode, 401, 'a code works once');

    const other = newPhone();
    await askCode(other, true);
    const late = await auth.codeSentTo(other);
    await sql('UPDATE sign_requests SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE phone = ?', [other]);
    assert.equal((await signIn(other, late)).statusCode, 401, 'an expired code is refused');
  });

  test('allows five guesses, even when they arrive at once; the sixth fails with the right code', async () => {
    const phone = newPhone();
    await askCode(phone, true);
    const code = await auth.codeSentTo(phone);
    const wrongCode = code === '999999' ? '888888' : '999999';
    const guesses = await Promise.all(Array.from({ length: 8 }, () => signIn(phone, wrongCode)));
    assert.ok(guesses.every((answer) => answer.statusCode === 401));
    const [[row]] = (await sql('SELECT tries FROM sign_requests WHERE phone = ?', [phone])) as [
      { tries: number }[],
      unknown,
    ];
    assert.equal(row!.tries, 5);
    assert.equal((await signIn(phone, code)).statusCode, 401);
  });

  test('stops working when a newer one is sent', async () => {
    const phone = newPhone();
    await askCode(phone, true);
    const first = await auth.codeSentTo(phone);
    await sql('UPDATE sign_requests SET created_at = created_at - INTERVAL 2 MINUTE WHERE phone = ?', [
      phone,
    ]);
    await askCode(phone, true);
    const second = await auth.codeSentTo(phone);
    if (first !== second) assert.equal((await signIn(phone, first)).statusCode, 401);
    assert.equal((await signIn(phone, second)).statusCode, 200);
  });
});

describe('sending limits', () => {
  /** Codes sent `minutesAgo` to a phone (and from an address), as history the limits count. */
  async function history(phone: string, address: string, minutesAgo: number[]) {
    for (const minutes of minutesAgo) {
      await sql(
        `INSERT INTO sign_requests (phone, address, code_salt, code_hash, create_account, created_at, expires_at, replaced_at)
         VALUES (?, ?, RANDOM_BYTES(16), RANDOM_BYTES(32), 1, NOW(3) - INTERVAL ? MINUTE, NOW(3), NOW(3))`,
        [phone, address, minutes],
      );
    }
  }

  test('a phone waits 60 s between codes, told by Retry-After, and nothing is sent', async () => {
    const phone = newPhone();
    await askCode(phone, true);
    await auth.codeSentTo(phone);
    const again = await askCode(phone, true);
    assert.equal(again.statusCode, 429);
    assert.ok(Number(again.headers['retry-after']) > 50 && Number(again.headers['retry-after']) <= 60);
    await assert.rejects(auth.codeSentTo(phone, 500));
  });

  test('a phone gets at most 5 codes in 10 minutes and 10 a day', async () => {
    const busy = newPhone();
    await history(busy, '10.0.1.1', [2, 3, 4, 5, 6]);
    const tenMinutes = await askCode(busy, true, '10.0.1.2');
    assert.equal(tenMinutes.statusCode, 429);
    assert.equal(Number(tenMinutes.headers['retry-after']), 4 * 60);

    const daily = newPhone();
    await history(daily, '10.0.2.1', [30, 60, 90, 120, 150, 180, 210, 240, 270, 300]);
    const answer = await askCode(daily, true, '10.0.2.2');
    // The seed's own limit, in the seed's answer.
    assert.equal(answer.statusCode, 401);
    assert.equal(answer.json().message, 'Access denied');
    assert.ok(Number(answer.headers['retry-after']) > 0);
  });

  test('an address gets at most 20 codes an hour, whatever the phones', async () => {
    const address = '10.0.3.1';
    for (let i = 0; i < 20; i += 1) await history(newPhone(), address, [5]);
    const answer = await askCode(newPhone(), true, address);
    assert.equal(answer.statusCode, 429);
    assert.match(answer.json().message, /address/);
  });

  test('only allowed countries get codes, and the phone must be well formed', async () => {
    const foreign = await askCode('+12025550123', true);
    assert.equal(foreign.statusCode, 400);
    const malformed = await askCode('0671234567', true);
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.json().message, /international format/);
  });
});

describe('refresh tokens', () => {
  async function session() {
    const phone = newPhone();
    await askCode(phone, true);
    return (await signIn(phone, await auth.codeSentTo(phone))).json() as { refresh_token: string };
  }
  const refresh = (token: string, audience = 'member') =>
    post('/tokens/refresh', { refresh_token: token, audience });

  test('rotate on every use: the new one works, the old one no longer does', async () => {
    const first = await session();
    const rotated = await refresh(first.refresh_token);
    assert.equal(rotated.statusCode, 200);
    assert.notEqual(rotated.json().refresh_token, first.refresh_token);
    assert.equal((await refresh(rotated.json().refresh_token)).statusCode, 200);
  });

  test('reusing an old one revokes the whole family', async () => {
    const first = await session();
    const second = (await refresh(first.refresh_token)).json();
    assert.equal((await refresh(first.refresh_token)).statusCode, 401, 'reuse is refused');
    assert.equal((await refresh(second.refresh_token)).statusCode, 401, 'and the family is revoked');
  });

  test('never open the other audience', async () => {
    const first = await session();
    assert.equal((await refresh(first.refresh_token, 'staff')).statusCode, 401);
  });
});

describe('a member blocked by staff', () => {
  test('loses every session at once and gets no more codes; unblocked, signs in again', async () => {
    const phone = newPhone();
    await askCode(phone, true);
    const tokens = (await signIn(phone, await auth.codeSentTo(phone))).json();
    const [[account]] = (await sql('SELECT id FROM member_accounts WHERE phone = ?', [phone])) as [
      { id: number }[],
      unknown,
    ];
    const memberId = account!.id;
    const staff = { aggregateId: memberId, actor: { kind: 'staff' as const, id: '1' } };

    await auth.publish(newEvent(MemberBlocked, { memberId }, staff));
    await eventually(async () => {
      const [[row]] = (await sql('SELECT blocked FROM member_accounts WHERE id = ?', [memberId])) as [
        { blocked: number }[],
        unknown,
      ];
      return row!.blocked === 1;
    });
    const refused = await post('/tokens/refresh', {
      refresh_token: tokens.refresh_token,
      audience: 'member',
    });
    assert.equal(refused.statusCode, 401);
    assert.equal((await askCode(phone, false)).statusCode, 403);

    await auth.publish(newEvent(MemberUnblocked, { memberId }, staff));
    await eventually(async () => {
      const [[row]] = (await sql('SELECT blocked FROM member_accounts WHERE id = ?', [memberId])) as [
        { blocked: number }[],
        unknown,
      ];
      return row!.blocked === 0;
    });
    await sql('UPDATE sign_requests SET created_at = created_at - INTERVAL 2 MINUTE WHERE phone = ?', [
      phone,
    ]);
    assert.equal((await askCode(phone, false)).statusCode, 200);
    assert.equal((await signIn(phone, await auth.codeSentTo(phone))).statusCode, 200);
  });
});

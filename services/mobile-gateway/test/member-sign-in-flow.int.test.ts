import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { claimsFor, eventually, type FakeTwilio, signToken, type TestKeys } from '@kasa/testing';
import { type KasaUnderTest, startKasa } from './support/kasa-under-test.ts';

/**
 * The member's whole sign-in as the mobile app lives it: the real gateway, auth and
 * notification services over HTTP and RabbitMQ, and the code read from the SMS that the
 * real Twilio SDK delivered to a local Twilio.
 */
let kasa: KasaUnderTest;
let twilio: FakeTwilio;
let keys: TestKeys;
let baseUrl: string;

before(async () => {
  kasa = await startKasa();
  ({ twilio, keys, mobileUrl: baseUrl } = kasa);
});

after(() => kasa?.stop());

async function call(method: 'GET' | 'POST', path: string, body?: object, token?: string) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field below
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

const textsTo = (phone: string) => twilio.messages.filter((message) => message.to === phone);

/** The code in the newest SMS to `phone`, once the (count)th text has arrived. */
async function codeFromSms(phone: string, count: number): Promise<string> {
  const texts = await eventually(async () => (textsTo(phone).length >= count ? textsTo(phone) : null), {
    timeoutMs: 15_000,
    message: `SMS number ${count} to the member`,
  });
  const code = /\b(\d{6})\b/.exec(texts.at(-1)!.body)?.[1];
  assert.ok(code, 'the SMS carries a six-digit code');
  return code;
}

test('a new member signs up with the code from the SMS, uses the token, refreshes it and signs in again', async () => {
  const phone = '+380671112233';

  const asked = await call('POST', '/user/signrequest', { phone, create: true });
  assert.equal(asked.status, 200);
  assert.equal(typeof asked.body.message, 'string');
  const code = await codeFromSms(phone, 1);

  const wrong = await call('POST', '/user/signin', { phone, code: code === '000000' ? '111111' : '000000' });
  assert.equal(wrong.status, 401);
  assert.deepEqual(Object.keys(wrong.body), ['message'], 'the seed answers sign-in errors as { message }');

  const signedIn = await call('POST', '/user/signin', { phone, code });
  assert.equal(signedIn.status, 200);
  const { access_token: accessToken, refresh_token: refreshToken } = signedIn.body;

  const session = await call('GET', '/user/session', undefined, accessToken);
  assert.equal(session.status, 200);
  assert.ok(Number.isInteger(session.body.member_id) && session.body.member_id > 0);
  assert.ok(Date.parse(session.body.expires_at) > Date.now());

  const reused = await call('POST', '/user/signin', { phone, code });
  assert.equal(reused.status, 401, 'a code works once');

  const refreshed = await call('POST', '/user/token/refresh', { refresh_token: refreshToken });
  assert.equal(refreshed.status, 200);
  assert.equal((await call('GET', '/user/session', undefined, refreshed.body.access_token)).status, 200);

  const again = await call('POST', '/user/signrequest', { phone, create: true });
  assert.equal(again.status, 422);
  assert.equal(again.body.message, 'User already exist');

  // The code was used: the cooldown, a wait for a code on its way, is over (another device).
  const next = await call('POST', '/user/signrequest', { phone, create: false });
  assert.equal(next.status, 200);
  await codeFromSms(phone, 2);
  const tooSoon = await call('POST', '/user/signrequest', { phone, create: false });
  assert.equal(tooSoon.status, 429);
  assert.ok(Number(tooSoon.headers.get('retry-after')) > 0);
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(textsTo(phone).length, 2, 'nothing is sent over a limit');
});

test('an existing phone cannot be asked for as new, an unknown one not as existing', async () => {
  const unknown = await call('POST', '/user/signrequest', { phone: '+380671112299', create: false });
  assert.equal(unknown.status, 422);
  assert.equal(unknown.body.message, 'User does not exist');
  assert.equal(textsTo('+380671112299').length, 0);
});

test('a staff token, a tampered token or none never opens a member route', async () => {
  const staff = signToken(keys.privateKey, claimsFor({ aud: 'staff', sub: '1', role: 'admin' }));
  assert.equal((await call('GET', '/user/session', undefined, staff)).status, 401);
  const member = signToken(keys.privateKey, claimsFor({ aud: 'member', sub: '1', role: 'member' }));
  const [header, payload, signature] = member.split('.');
  const forged = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: '2' }),
  );
  const tampered = [header, forged.toString('base64url'), signature].join('.');
  assert.equal((await call('GET', '/user/session', undefined, tampered)).status, 401);
  const none = await call('GET', '/user/session');
  assert.equal(none.status, 401);
  assert.equal(typeof none.body.message, 'string');
});

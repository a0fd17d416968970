import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  MemberTokenClaims,
  MobileSignInAnswer,
  MobileSignInDenied,
  MobileSignInMissing,
  MobileSignRequestAnswer,
  MobileSignRequestDenied,
  MobileSignRequestExists,
} from '@kasa/contracts';
import { assertSeedShape, eventually } from '@kasa/testing';
import { wholeKasa } from '../support/whole-kasa.ts';

/**
 * The mobile app's sign-in against the seed's answers (seeds/000 kasa-app/main.py
 * sign_request_post, signin_post), on the whole of Kasa. No cooldown and a daily limit of three
 * codes, so that the seed's limit is reached in a test.
 */
const { kasa, mobile, admin, signUp, approvedMember } = wholeKasa({
  authEnv: { SIGN_COOLDOWN_SECONDS: '0', SIGN_MAX_PER_DAY: '3', SIGN_MAX_PER_10_MINUTES: '10' },
});

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());

/** The code in the `count`th text to `phone`. */
async function code(phone: string, count: number): Promise<string> {
  const texts = await eventually(
    async () => {
      const sent = kasa().twilio.messages.filter((message) => message.to === phone);
      return sent.length >= count ? sent : null;
    },
    { timeoutMs: 15_000, message: `text number ${count} to ${phone}` },
  );
  return /\b(\d{6})\b/.exec(texts.at(-1)!.body)![1]!;
}

test("POST /user/signrequest answers the seed's {message}: 200, 422 both ways, 401 over the daily limit", async () => {
  const phone = '+380501700001';
  const missing = await mobile('POST', '/user/signrequest', { phone, create: false });
  assert.equal(missing.status, 422);
  assertSeedShape(MobileSignRequestExists, missing.body, 'POST /user/signrequest 422');
  assert.equal(missing.body.message, 'User does not exist');

  const sent = await mobile('POST', '/user/signrequest', { phone, create: true });
  assert.equal(sent.status, 200);
  assertSeedShape(MobileSignRequestAnswer, sent.body, 'POST /user/signrequest');
  assert.equal(sent.body.message, 'Message was sent.');

  await signUp('+380501700002');
  const exists = await mobile('POST', '/user/signrequest', { phone: '+380501700002', create: true });
  assert.equal(exists.status, 422);
  assert.equal(exists.body.message, 'User already exist');

  for (let sends = 2; sends <= 3; sends += 1) {
    assert.equal((await mobile('POST', '/user/signrequest', { phone, create: true })).status, 200);
  }
  const denied = await mobile('POST', '/user/signrequest', { phone, create: true });
  assert.equal(denied.status, 401, JSON.stringify(denied.body));
  assertSeedShape(MobileSignRequestDenied, denied.body, 'POST /user/signrequest 401');
  assert.equal(denied.body.message, 'Access denied');
});

test("POST /user/signin answers {access_token} with the seed's claims, living 30 days; 401 for a wrong code", async () => {
  const phone = '+380501700003';
  assert.equal((await mobile('POST', '/user/signrequest', { phone, create: true })).status, 200);
  const right = await code(phone, 1);

  const wrong = await mobile('POST', '/user/signin', {
    phone,
    code: right === '000000' ? '111111' : '000000',
  });
  assert.equal(wrong.status, 401);
  assertSeedShape(MobileSignInDenied, wrong.body, 'POST /user/signin 401');
  assert.equal(wrong.body.message, 'Access denied for this user');

  const signedIn = await mobile('POST', '/user/signin', { phone, code: right });
  assert.equal(signedIn.status, 200);
  assertSeedShape(MobileSignInAnswer, signedIn.body, 'POST /user/signin');
  const claims = claimsOf(signedIn.body.access_token);
  assertSeedShape(MemberTokenClaims, claims, 'the member token');
  assert.equal(claims.user_id, Number(claims.sub));
  assert.equal(claims.name, '', 'a member without names yet');
  assert.equal(claims.email, null);
  const days = (claims.exp - Date.now() / 1000) / 86_400;
  assert.ok(days > 29.9 && days <= 30, `the token lives 30 days, not ${days}`);

  // The seed's token check takes either header.
  const token = signedIn.body.access_token;
  assert.equal((await mobile('GET', '/user/session', undefined, token)).status, 200);
  const viaSeedHeader = await fetch(`${kasa().mobileUrl}/user/session`, {
    headers: { 'x-access-token': token },
  });
  assert.equal(viaSeedHeader.status, 200);
});

test("POST /user/signin answers 404 'User does not exist' when the phone is no longer a member's", async () => {
  const phone = '+380501700004';
  const token = await signUp(phone);
  const memberId = Number(claimsOf(token).sub);
  assert.equal((await mobile('POST', '/user/signrequest', { phone, create: false })).status, 200);
  const pending = await code(phone, 2);

  // Staff give the member a new phone: the old one's code now finds nobody.
  await eventually(
    async () => ((await admin('POST', '/member', { id: memberId })).status === 200 ? true : null),
    {
      timeoutMs: 15_000,
      message: "the member's profile",
    },
  );
  const moved = await admin('PUT', '/member', { id: memberId, phone: '+380501700005' });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  await eventually(
    async () => ((await mobile('GET', '/user/session', undefined, token)).status === 401 ? true : null),
    {
      timeoutMs: 5_000,
      message: 'the phone change reaching sign-in',
    },
  );

  const missing = await mobile('POST', '/user/signin', { phone, code: pending });
  assert.equal(missing.status, 404, JSON.stringify(missing.body));
  assertSeedShape(MobileSignInMissing, missing.body, 'POST /user/signin 404');
  assert.equal(missing.body.message, 'User does not exist');
});

test("a member's tokens carry the names and e-mail they gave, as the seed's did", async () => {
  const phone = '+380501700006';
  await approvedMember(phone, '300');
  // The names reach sign-in by an event; a token issued after that carries them.
  const claims = await eventually(
    async () => {
      const sends = kasa().twilio.messages.filter((message) => message.to === phone).length;
      assert.equal((await mobile('POST', '/user/signrequest', { phone, create: false })).status, 200);
      const signedIn = await mobile('POST', '/user/signin', { phone, code: await code(phone, sends + 1) });
      assert.equal(signedIn.status, 200);
      const next = claimsOf(signedIn.body.access_token);
      return next.name === '' ? null : next;
    },
    { timeoutMs: 15_000, message: "the member's names in a new token" },
  );
  assertSeedShape(MemberTokenClaims, claims, 'the member token');
  assert.equal(claims.name, 'Олена Коваль');
  assert.equal(claims.email, 'olena@example.org');
});

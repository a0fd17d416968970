import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from '@kasa/testing';
import { jpeg } from '@kasa/testing/sample-files';
import { file } from './support/clients.ts';
import { whenMemberReady, wholeKasa } from './support/whole-kasa.ts';

/**
 * A member's change of phone as the app lives it, through the whole of Kasa: the code read from
 * the SMS the real Twilio SDK delivered to a local Twilio, the proof made by the auth service and
 * checked by the member service. The member signs in with the new phone at once: the code that
 * proved it was used, so the next one need not wait out the cooldown. Every code here goes to one
 * address, the test's.
 */
const { kasa, mobile, admin, signUp } = wholeKasa({
  authEnv: { SIGN_MAX_PER_ADDRESS_PER_HOUR: '200' },
});

const memberIdOf = (token: string): number =>
  Number(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub);
const textsTo = (phone: string) => kasa().twilio.messages.filter((message) => message.to === phone);

/** The code in the newest SMS to `phone`, once `count` have arrived. */
async function codeTextedTo(phone: string, count = 1): Promise<{ code: string; text: string }> {
  const texts = await eventually(async () => (textsTo(phone).length >= count ? textsTo(phone) : null), {
    timeoutMs: 15_000,
    message: `SMS number ${count} to ${phone}`,
  });
  const text = texts.at(-1)!.body;
  return { code: /\b(\d{6})\b/.exec(text)![1]!, text };
}

/** The member as staff see them: phone, email and photo. */
async function staffView(memberId: number) {
  const card = await admin('POST', '/member', { id: memberId });
  assert.equal(card.status, 200, JSON.stringify(card.body));
  const { phone, email, photo } = card.body.member;
  return { phone, email, photo };
}

function editForm(fields: Record<string, string>, withPhoto = true): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (withPhoto) form.append('photo', file(jpeg(), 'me.jpg', 'image/jpeg'));
  return form;
}

test('a new phone sent without a code is texted one, and nothing of the form is saved', async () => {
  const token = await signUp('+380671810001');
  const memberId = memberIdOf(token);
  const newPhone = '+380501810001';
  const asked = await whenMemberReady(() =>
    mobile('POST', '/user/profile/edit', editForm({ email: 'new@example.org', phone: newPhone }), token),
  );
  assert.equal(asked.status, 422, JSON.stringify(asked.body));
  assert.deepEqual(asked.body, {
    message: `We sent a code to ${newPhone}: send it with the phone as 'code'`,
  });
  assert.equal(asked.headers.get('x-error-code'), 'phone_code_sent');
  const { text } = await codeTextedTo(newPhone);
  assert.match(text, /^Код для зміни номера в Kasa: \d{6}\./);
  assert.deepEqual(await staffView(memberId), { phone: '+380671810001', email: null, photo: null });
});

test('a wrong code is refused; the right one saves the form, and the member signs in with the new phone', async () => {
  const oldPhone = '+380671810002';
  const token = await signUp(oldPhone);
  const memberId = memberIdOf(token);
  const newPhone = '+380 50 181 00 02';
  const asked = await whenMemberReady(() =>
    mobile('POST', '/user/profile/edit', editForm({ phone: newPhone }, false), token),
  );
  assert.equal(asked.status, 422);
  const { code } = await codeTextedTo('+380501810002');

  const wrong = await mobile(
    'POST',
    '/user/profile/edit',
    editForm({ email: 'new@example.org', phone: newPhone, code: code === '000000' ? '111111' : '000000' }),
    token,
  );
  assert.equal(wrong.status, 422);
  assert.deepEqual(wrong.body, { message: 'The code is wrong or has expired: ask for a new one' });
  assert.deepEqual(await staffView(memberId), { phone: oldPhone, email: null, photo: null });

  // The code before the photo or after it: the gateway reads the form as it streams on.
  const form = new FormData();
  form.append('photo', file(jpeg(), 'me.jpg', 'image/jpeg'));
  form.append('phone', newPhone);
  form.append('email', 'new@example.org');
  form.append('code', code);
  const changed = await mobile('POST', '/user/profile/edit', form, token);
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.deepEqual(changed.body, { message: 'Profile successfully updated' });
  const saved = await staffView(memberId);
  assert.deepEqual(
    { phone: saved.phone, email: saved.email },
    { phone: '+380501810002', email: 'new@example.org' },
  );
  assert.ok(saved.photo, 'the photo sent with the code is kept');

  await eventually(
    async () => (await mobile('GET', '/user/session', undefined, token)).status === 401 || null,
    {
      message: "the member's sessions end with the change",
    },
  );
  const signRequest = await eventually(
    async () => {
      const answer = await mobile('POST', '/user/signrequest', { phone: '+380501810002', create: false });
      return answer.status === 200 ? answer : null;
    },
    { message: 'auth follows the new phone' },
  );
  assert.equal(signRequest.status, 200);
  const signedIn = await mobile('POST', '/user/signin', {
    phone: '+380501810002',
    code: (await codeTextedTo('+380501810002', 2)).code,
  });
  assert.equal(signedIn.status, 200);
  assert.equal(memberIdOf(signedIn.body.access_token), memberId);
  const old = await mobile('POST', '/user/signrequest', { phone: oldPhone, create: false });
  assert.equal(old.status, 422, 'the old phone signs nobody in');
});

test('the phone the member has needs no code, and another member’s is refused before any SMS', async () => {
  const phone = '+380671810003';
  const token = await signUp(phone);
  const holder = '+380671810004';
  await whenMemberReady(() => mobile('GET', '/user/profile/get', undefined, token));
  await signUp(holder);
  const same = await whenMemberReady(() =>
    mobile('POST', '/user/profile/edit', { phone, email: 'same@example.org' }, token),
  );
  assert.equal(same.status, 200, JSON.stringify(same.body));
  const taken = await eventually(
    async () => {
      const answer = await mobile('POST', '/user/profile/edit', { phone: holder }, token);
      return answer.status === 422 ? answer : null;
    },
    { message: 'the holder’s profile exists' },
  );
  assert.deepEqual(taken.body, { message: 'Can not assign this phone number' });
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(textsTo(phone).length, 1, 'only the sign-up code');
  assert.equal(textsTo(holder).length, 1, 'only the sign-up code');
});

test('the member service takes a proof only for its member and its phone, whoever carries it', async () => {
  const owner = await signUp('+380671810005');
  const other = await signUp('+380671810006');
  const wanted = '+380501810005';
  const asked = await whenMemberReady(() => mobile('POST', '/user/phone/code', { phone: wanted }, owner));
  assert.equal(asked.status, 200, JSON.stringify(asked.body));
  const { code } = await codeTextedTo(wanted);
  const proven = await kasa().auth.app.inject({
    method: 'POST',
    url: '/members/me/phone-proofs',
    headers: { authorization: `Bearer ${owner}` },
    payload: { phone: wanted, code },
  });
  assert.equal(proven.statusCode, 200, proven.body);
  const proof: string = proven.json().phone_proof;

  for (const [who, token, phone] of [
    ['another member', other, wanted],
    ['another phone', owner, '+380501810006'],
  ] as const) {
    const refused = await whenMemberReady(() =>
      mobile('POST', '/user/profile/edit', { phone, phone_proof: proof }, token),
    );
    assert.equal(refused.status, 422, who);
    assert.equal(refused.headers.get('x-error-code'), 'phone_proof_invalid', who);
  }
  assert.equal((await staffView(memberIdOf(other))).phone, '+380671810006');
  const changed = await mobile('POST', '/user/profile/edit', { phone: wanted, phone_proof: proof }, owner);
  assert.equal(changed.status, 200, 'its own member and phone: the proof holds');
  assert.equal((await staffView(memberIdOf(owner))).phone, wanted);
});

test('apps that know of codes change the phone in two plain steps', async () => {
  const token = await signUp('+380671810007');
  const memberId = memberIdOf(token);
  const wanted = '+380501810007';
  const asked = await whenMemberReady(() => mobile('POST', '/user/phone/code', { phone: wanted }, token));
  assert.deepEqual(asked.body, { message: `We sent a code to ${wanted}`, phone: wanted });
  const invalid = await mobile('POST', '/user/phone/code', { phone: '+380000000000' }, token);
  assert.equal(invalid.status, 400);
  const changed = await mobile(
    'POST',
    '/user/phone',
    { phone: wanted, code: (await codeTextedTo(wanted)).code },
    token,
  );
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.equal((await staffView(memberId)).phone, wanted);
});

test('staff change a member’s phone without a code: it is their decision', async () => {
  const token = await signUp('+380671810008');
  const memberId = memberIdOf(token);
  await whenMemberReady(() => mobile('GET', '/user/profile/get', undefined, token));
  const changed = await eventually(async () => {
    const answer = await admin('PUT', '/member', { id: memberId, phone: '+380501810008' });
    return answer.status === 200 ? answer : null;
  });
  assert.equal(changed.status, 200);
  assert.equal((await staffView(memberId)).phone, '+380501810008');
  assert.equal(textsTo('+380501810008').length, 0);
});

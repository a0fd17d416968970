import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  HttpDate,
  MobileAppSiteAssociation,
  MobileDiiaAnswer,
  MobileDiiaCallbackAnswer,
  MobileDiiaCallbackError,
  MobileFileNotFound,
  MobileProfileCreateAnswer,
  MobileProfileEditAnswer,
  MobileProfileFormError,
  MobileProfileGetAnswer,
  MobileProfileNotApproved,
  MobileProfileWrongAnswer,
  MobileProgramChangeAnswer,
  MobileProgramChangeError,
  MobileProgramListAnswer,
} from '@kasa/contracts';
import { assertSeedShape, eventually } from '@kasa/testing';
import { jpeg, pdf, png } from '@kasa/testing/sample-files';
import { Value } from 'typebox/value';
import { file } from '../support/clients.ts';
import { whenMemberReady, wholeKasa } from '../support/whole-kasa.ts';

/**
 * The member's profile, programs, files and Diia (SPEC §6 rows 1, 2, 5–10, 20, 21) answer what
 * the seed's kasa-app/main.py answered (libs/contracts clients/mobile-profile.ts), driven as the
 * app drives them through the whole of Kasa, Diia included (a local one).
 */
const { kasa, mobile, admin, signUp, newProgram, approvedMember } = wholeKasa({ withDiia: true });

const isHttpDate = (value: unknown) => Value.Check(HttpDate, value);
const memberIdOf = (token: string): number =>
  Number(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub);

/** A new open program with terms, as the administrator makes one; its entry in `/program/list`. */
async function openProgram(name: string, monthPrice: string) {
  await newProgram(name, monthPrice);
  const listed = (await mobile('GET', '/program/list')).body.find(
    (entry: { program_name: string }) => entry.program_name === name,
  );
  assert.ok(listed, `${name} is listed`);
  return listed as { program_id: number; program_name: string; program_file: string; month_price: number };
}

function profileForm(programId: number, documents = true): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries({
    first_name: 'Марія',
    last_name: 'Шевчук',
    email: 'maria@example.org',
    program_id: String(programId),
    iban: 'UA213223130000026007233566001',
  })) {
    form.append(name, value);
  }
  if (documents) {
    form.append('inn', file(pdf(), 'inn.pdf', 'application/pdf'));
    form.append('id_1', file(jpeg(), 'front.jpg', 'image/jpeg'));
    form.append('id_2', file(png(), 'back.png', 'image/png'));
  }
  return form;
}

test('GET /.well-known/apple-app-site-association (get_apple_json) answers the seed’s JSON', async () => {
  const answer = await mobile('GET', '/.well-known/apple-app-site-association');
  assert.equal(answer.status, 200);
  assertSeedShape(MobileAppSiteAssociation, answer.body, 'GET /.well-known/apple-app-site-association');
  assert.deepEqual(answer.body, {
    applinks: { details: [{ appIDs: ['5JTBMP57KF.ua.org.lKassa'], components: [{ '/': '/diia/*' }] }] },
  });
});

test('GET /program/list (program): the open programs, program_file the terms’ full URL', async () => {
  const listed = await openProgram('Контракт: перелік', '150.50');
  const answer = await mobile('GET', '/program/list');
  assert.equal(answer.status, 200);
  assertSeedShape(MobileProgramListAnswer, answer.body, 'GET /program/list');
  assert.equal(listed.month_price, 150.5);
  assert.match(listed.program_file, new RegExp(`^${kasa().mobileUrl}/program/[0-9a-f]{32}$`));
  const terms = await fetch(listed.program_file);
  assert.equal(terms.status, 200, 'the URL serves the terms (GET /program/:filename)');
  assert.equal(terms.headers.get('content-type'), 'application/pdf');
  assert.equal((await mobile('GET', '/program/00000000000000000000000000000000')).status, 404);
});

test('POST /user/profile/create (user_profile_post): 200 {message}; 400 {message} for the form', async () => {
  const { program_id } = await openProgram('Контракт: анкета', '100');
  const token = await signUp('+380671710001');
  const incomplete = await mobile('POST', '/user/profile/create', profileForm(program_id, false), token);
  assert.equal(incomplete.status, 400);
  assertSeedShape(MobileProfileFormError, incomplete.body, 'POST /user/profile/create 400');

  const sent = await whenMemberReady(() =>
    mobile('POST', '/user/profile/create', profileForm(program_id), token),
  );
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  assertSeedShape(MobileProfileCreateAnswer, sent.body, 'POST /user/profile/create');
});

test('POST /user/profile/edit (user_update): 200 {message}; 422 for another’s phone, 400 for the form', async () => {
  const token = await signUp('+380671710002');
  const holder = memberIdOf(await signUp('+380671710003'));
  await eventually(async () => (await admin('POST', '/member', { id: holder })).status === 200 || null, {
    message: 'the phone’s holder has a profile',
  });
  const photo = new FormData();
  photo.append('email', 'new@example.org');
  photo.append('phone', '+380671710002');
  photo.append('photo', file(jpeg(), 'me.jpg', 'image/jpeg'));
  const edited = await whenMemberReady(() => mobile('POST', '/user/profile/edit', photo, token));
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  assertSeedShape(MobileProfileEditAnswer, edited.body, 'POST /user/profile/edit');

  const taken = await mobile('POST', '/user/profile/edit', { phone: '+380671710003' }, token);
  assert.equal(taken.status, 422);
  assert.deepEqual(taken.body, { message: 'Can not assign this phone number' });
  const unproven = await mobile('POST', '/user/profile/edit', { phone: '+380501710002' }, token);
  assert.equal(unproven.status, 422, 'a new phone waits for the code texted to it');
  assertSeedShape(MobileProfileFormError, unproven.body, 'POST /user/profile/edit 422 code sent');
  assert.match(unproven.body.message, /^We sent a code to \+380501710002/);
  const invalid = await mobile('POST', '/user/profile/edit', { email: 'not an email' }, token);
  assert.equal(invalid.status, 400);
  assertSeedShape(MobileProfileFormError, invalid.body, 'POST /user/profile/edit 400');
});

test('POST /user/profile/wrong (profile_wrong): 200 {message}; 400 {message} for the form', async () => {
  const token = await signUp('+380671710004');
  const reported = await whenMemberReady(() =>
    mobile('POST', '/user/profile/wrong', { last_name: 'Шевченко' }, token),
  );
  assert.equal(reported.status, 200, JSON.stringify(reported.body));
  assertSeedShape(MobileProfileWrongAnswer, reported.body, 'POST /user/profile/wrong');
  const wrongDate = await mobile('POST', '/user/profile/wrong', { birth_date: '31.02.1990' }, token);
  assert.equal(wrongDate.status, 400);
  assertSeedShape(MobileProfileFormError, wrongDate.body, 'POST /user/profile/wrong 400');
});

test('GET /user/profile/get (user_get): the member’s row in the seed’s formats, with the program', async () => {
  const early = await mobile('GET', '/user/profile/get', undefined, await signUp('+380671710005'));
  assert.equal(early.status, 403);
  assertSeedShape(MobileProfileNotApproved, early.body, 'GET /user/profile/get 403');
  assert.deepEqual(early.body, { message: 'Your profile is not approved yet' });

  const { token, memberId, certificate } = await approvedMember('+380671710006', '250');
  assert.equal((await admin('PUT', '/member', { id: memberId, birth_date: '17.04.1990' })).status, 200);
  const photo = new FormData();
  photo.append('photo', file(jpeg(), 'me.jpg', 'image/jpeg'));
  assert.equal((await mobile('POST', '/user/profile/edit', photo, token)).status, 200);

  const answer = await mobile('GET', '/user/profile/get', undefined, token);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assertSeedShape(MobileProfileGetAnswer, answer.body, 'GET /user/profile/get');
  const profile = answer.body;
  assert.equal(profile.id, memberId);
  assert.equal(profile.certificate, certificate);
  assert.equal(profile.birth_date, '17.04.1990');
  assert.equal(profile.expiration_date, null);
  assert.ok(isHttpDate(profile.created_at) && isHttpDate(profile.updated_at), 'RFC 1123 instants');
  assert.equal(profile.has_new_request, 0);
  assert.equal(profile.is_submited, true);
  assert.equal(profile.diia_answer, null);
  assert.match(profile.photo, new RegExp(`^${kasa().mobileUrl}/files/${memberId}/[0-9a-f]{32}$`));
  const own = await fetch(profile.photo, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(own.status, 200, 'the photo URL serves it');
  assert.equal(profile.program.month_price, 250);
  assert.match(profile.program.program_file, new RegExp(`^${kasa().mobileUrl}/program/[0-9a-f]{32}$`));
});

test('POST /program/change (program_change): data is the new Member_program row; errors carry status', async () => {
  const { token, memberId } = await approvedMember('+380671710007', '300');
  const other = await openProgram('Контракт: зміна', '400');

  const missing = await mobile('POST', '/program/change', {}, token);
  assert.equal(missing.status, 400);
  assertSeedShape(MobileProgramChangeError, missing.body, 'POST /program/change 400');
  assert.equal(missing.body.status, 'error');
  const unknown = await mobile('POST', '/program/change', { program_id: 999_999 }, token);
  assert.equal(unknown.status, 422);
  assertSeedShape(MobileProgramChangeError, unknown.body, 'POST /program/change 422');

  const answer = await mobile('POST', '/program/change', { program_id: other.program_id }, token);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assertSeedShape(MobileProgramChangeAnswer, answer.body, 'POST /program/change');
  const { data } = answer.body;
  assert.equal(data.is_active, false);
  assert.equal(data.is_new, true);
  assert.equal(data.member.id, memberId);
  assert.equal(data.member.has_new_program_change, true);
  assert.equal(data.program.id, other.program_id);
  assert.equal(data.program.month_price, 400);
  assert.equal(data.program.program_file, other.program_file);
  assert.ok(isHttpDate(data.created_at));

  const card = await admin('POST', '/member', { id: memberId });
  assert.equal(card.body.new_program?.program?.id ?? card.body.new_program?.program_id, other.program_id);
});

test('GET /files/:uid/:filename (downloader): the member’s own files only, 404 otherwise', async () => {
  const first = await signUp('+380671710008');
  const second = await signUp('+380671710009');
  const firstId = memberIdOf(first);
  const photo = new FormData();
  photo.append('photo', file(png(), 'me.png', 'image/png'));
  assert.equal((await whenMemberReady(() => mobile('POST', '/user/profile/edit', photo, first))).status, 200);
  const name = (await admin('POST', '/member', { id: firstId })).body.member.photo;

  const own = await mobile('GET', `/files/${firstId}/${name}`, undefined, first);
  assert.equal(own.status, 200);
  assert.equal(own.headers.get('content-type'), 'image/png');
  for (const [path, token] of [
    [`/files/${firstId}/${name}`, second],
    [`/files/${memberIdOf(second)}/${name}`, second],
    [`/files/${firstId}/..%2F..%2Fetc%2Fpasswd`, first],
  ] as const) {
    const refused = await mobile('GET', path, undefined, token);
    assert.equal(refused.status, 404, path);
    assertSeedShape(MobileFileNotFound, refused.body, 'GET /files/:uid/:filename 404');
  }
  assert.equal((await mobile('GET', `/files/${firstId}/${name}`)).status, 401, 'a token is needed');
});

test('POST /user/profile/diia and diia-callback (diia, diia_callback): Diia’s answer, then {success}', async () => {
  const token = await signUp('+380671710010');
  const memberId = memberIdOf(token);
  const asked = await whenMemberReady(() => mobile('POST', '/user/profile/diia', undefined, token));
  assert.equal(asked.status, 200, JSON.stringify(asked.body));
  assertSeedShape(MobileDiiaAnswer, asked.body, 'POST /user/profile/diia');
  const offered = kasa().diia!.offerRequests.at(-1)!;
  assert.equal(asked.body.deeplink, offered.deeplink, 'Diia’s deeplink, as Diia answered it');
  const waiting = await admin('POST', '/member', { id: memberId });
  assert.equal(waiting.body.member.diia_answer, offered.requestId, 'the request id, as the seed kept it');

  const callback = kasa().diia!.callbackFor(offered.requestId);
  const deliver = (body: Buffer, headers: Record<string, string>) =>
    fetch(`${kasa().mobileUrl}/user/profile/diia-callback`, {
      method: 'POST',
      headers,
      body: new Uint8Array(body),
    });
  const notDiias = await deliver(callback.body, { 'content-type': callback.contentType });
  assert.equal(notDiias.status, 400, 'no request id');
  assertSeedShape(MobileDiiaCallbackError, await notDiias.json(), 'POST /user/profile/diia-callback 400');

  const delivered = await deliver(callback.body, callback.headers);
  assert.equal(delivered.status, 200);
  const success = await delivered.json();
  assertSeedShape(MobileDiiaCallbackAnswer, success, 'POST /user/profile/diia-callback');
  assert.deepEqual(success, { success: true });

  const imported = await eventually(
    async () => {
      const card = await admin('POST', '/member', { id: memberId });
      return card.body.member.diia_answer === offered.requestId ? null : card.body.member;
    },
    { timeoutMs: 10_000, message: 'the Diia answer kept' },
  );
  assert.deepEqual(JSON.parse(imported.diia_answer), callback.data, 'the decrypted answer, as Diia sent it');
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { claimsFor, signToken } from '@kasa/testing';
import { jpeg, pdf, png } from '@kasa/testing/sample-files';
import { clientsOf, file } from './support/clients.ts';
import { type KasaUnderTest, startKasa } from './support/kasa-under-test.ts';

/**
 * Issue 4's story through both gateways: a new member signs up by SMS, sends the profile with
 * photos, an administrator finds them on the attention list and approves them, and the member's
 * `profile/get` answers with the program. Real services, RabbitMQ and MariaDB; Twilio is local.
 */
let kasa: KasaUnderTest;
let mobileUrl: string;
let adminToken: string;
let staffToken: string;

before(async () => {
  kasa = await startKasa({ withMembers: true, withStaff: true });
  ({ mobileUrl } = kasa);
  adminToken = signToken(kasa.keys.privateKey, claimsFor({ sub: '1', aud: 'staff', role: 'admin' }));
  staffToken = signToken(kasa.keys.privateKey, claimsFor({ sub: '2', aud: 'staff', role: 'staff' }));
});

after(() => kasa?.stop());

const { mobile, admin, signUp } = clientsOf(
  () => kasa,
  () => adminToken,
);

test('sign up, send the profile with photos, be approved by staff, read the profile with the program', async () => {
  const terms = new FormData();
  terms.append('program_name', 'Базова');
  terms.append('month_price', '200.50');
  terms.append('is_active', 'true');
  terms.append('new_program_file', file(pdf(), 'terms.pdf', 'application/pdf'));
  const created = await admin('PUT', '/program', terms);
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const program = created.body.data;
  assert.equal(program.month_price, 200.5);
  assert.equal(
    (await admin('PUT', '/program', terms, staffToken)).status,
    403,
    'only administrators edit programs',
  );

  const catalogue = await mobile('GET', '/program/list');
  assert.equal(catalogue.status, 200);
  const listed = catalogue.body.find(
    (entry: { program_id: number }) => entry.program_id === program.program_id,
  );
  assert.equal(listed.month_price, 200.5);
  assert.match(listed.program_file, new RegExp(`^${mobileUrl}/program/[0-9a-f]{32}$`), 'the full URL');
  const termsFile = await fetch(listed.program_file);
  assert.equal(termsFile.status, 200);
  assert.equal(termsFile.headers.get('content-type'), 'application/pdf');

  const token = await signUp('+380671230001');
  const memberId = (await mobile('GET', '/user/session', undefined, token)).body.member_id;
  const early = await mobile('GET', '/user/profile/get', undefined, token);
  assert.equal(early.status, 403);
  assert.deepEqual(early.body, { message: 'Your profile is not approved yet' });

  const form = new FormData();
  for (const [name, value] of Object.entries({
    first_name: 'Олена',
    middle_name: 'Петрівна',
    last_name: 'Коваль',
    email: 'olena@example.org',
    program_id: String(program.program_id),
    iban: 'UA213223130000026007233566001',
  })) {
    form.append(name, value);
  }
  form.append('inn', file(pdf(), 'inn.pdf', 'application/pdf'));
  form.append('id_1', file(jpeg(), 'front.jpg', 'image/jpeg'));
  form.append('id_2', file(png(), 'back.png', 'image/png'));
  const sent = await mobile('POST', '/user/profile/create', form, token);
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  assert.deepEqual(sent.body, { message: 'Profile successfully created' });

  const attention = await admin('POST', '/members', { filter: { query: '' } });
  assert.equal(attention.status, 200, JSON.stringify(attention.body));
  assert.ok(
    attention.body.data.some((entry: { id: number }) => entry.id === memberId),
    'on the attention list',
  );
  const found = await admin('POST', '/members', {
    filter: { query: 'коваль олена', fields: { name: true } },
  });
  assert.deepEqual(
    found.body.data.map((entry: { id: number }) => entry.id),
    [memberId],
  );

  const card = await admin('POST', '/member', { id: memberId });
  assert.equal(card.status, 200, JSON.stringify(card.body));
  assert.equal(card.body.new_program.program.id, program.program_id);
  assert.equal(card.body.new_program.is_new, true);
  assert.equal(card.body.new_identities.length, 3);
  assert.deepEqual(card.body.requests, []);
  const scan = await admin('POST', '/files', {
    user_id: memberId,
    filename: card.body.new_identities[0].file.filename,
  });
  assert.equal(scan.status, 200);
  assert.equal(scan.headers.get('x-content-type-options'), 'nosniff');

  const certificate = await admin('GET', '/member/generate_certificate');
  assert.equal(certificate.status, 200);
  const approved = await admin('PUT', '/member', {
    id: memberId,
    certificate: certificate.body.data,
    is_submited: true,
  });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));

  const profile = await mobile('GET', '/user/profile/get', undefined, token);
  assert.equal(profile.status, 200, JSON.stringify(profile.body));
  assert.equal(profile.body.first_name, 'Олена');
  assert.equal(profile.body.certificate, certificate.body.data);
  assert.deepEqual(profile.body.program, listed);

  // The seed's app sends these forms urlencoded.
  const urlencoded = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const wrongDate = await fetch(`${mobileUrl}/user/profile/wrong`, urlencoded({ birth_date: '31.02.1990' }));
  assert.equal(wrongDate.status, 400);
  assert.deepEqual(Object.keys((await wrongDate.json()) as object), ['message']);
  const reported = await fetch(`${mobileUrl}/user/profile/wrong`, urlencoded({ last_name: 'Ковальчук' }));
  assert.equal(reported.status, 200);
  const sameProgram = await fetch(
    `${mobileUrl}/program/change`,
    urlencoded({ program_id: String(program.program_id) }),
  );
  assert.equal(sameProgram.status, 409);
  const corrected = await admin('POST', '/member', { id: memberId });
  assert.equal(corrected.body.corrections[0].last_name, 'Ковальчук');
  assert.equal(
    (await admin('PUT', '/member', { id: memberId, last_name: 'Ковальчук', is_submited: true })).status,
    200,
  );

  const stillWaiting = await admin('POST', '/members', { filter: { query: '' } });
  assert.ok(
    !stillWaiting.body.data.some((entry: { id: number }) => entry.id === memberId),
    'off the attention list',
  );
});

test("a member never reaches another's files, and member tokens do not open the admin gateway", async () => {
  const first = await signUp('+380671230002');
  const second = await signUp('+380671230003');
  const firstId = (await mobile('GET', '/user/session', undefined, first)).body.member_id;
  const photo = new FormData();
  photo.append('photo', file(jpeg(), 'me.jpg', 'image/jpeg'));
  assert.equal((await mobile('POST', '/user/profile/edit', photo, first)).status, 200);
  const card = await admin('POST', '/member', { id: firstId });
  const name = card.body.member.photo;

  const own = await mobile('GET', `/files/${firstId}/${name}`, undefined, first);
  assert.equal(own.status, 200);
  assert.equal(own.headers.get('content-type'), 'image/jpeg');
  assert.equal((await mobile('GET', `/files/${firstId}/${name}`, undefined, second)).status, 404);
  assert.equal(
    (await mobile('GET', `/files/${firstId}/..%2F..%2Fetc%2Fpasswd`, undefined, first)).status,
    404,
  );

  for (const [method, path, body] of [
    ['POST', '/members', { filter: { query: '' } }],
    ['POST', '/member', { id: firstId }],
    ['PUT', '/member', { id: firstId, is_submited: true }],
    ['GET', '/member/generate_certificate', undefined],
  ] as const) {
    assert.equal((await admin(method, path, body, first)).status, 401, `${method} ${path}`);
  }
});

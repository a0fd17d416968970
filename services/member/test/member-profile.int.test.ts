import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { SENSITIVE_EVENT_TYPES } from '@kasa/contracts';
import { eventually, type FilePart, multipartBody } from '@kasa/testing';
import { jpeg, pdf, png } from '@kasa/testing/sample-files';
import { type MemberUnderTest, startMember } from './support/member-under-test.ts';

/** A Ukrainian IBAN with a valid check (mod 97); no real account. */
const IBAN = 'UA743052990000026007233566001';
let member: MemberUnderTest;
let programId: number;
let otherProgramId: number;

before(async () => {
  member = await startMember({ FILES_MAX_BYTES: String(64 * 1024) });
  programId = await addProgram('Базова', 20_000);
  otherProgramId = await addProgram('Розширена', 35_000);
});
after(() => member.close());

async function addProgram(name: string, monthPrice: number): Promise<number> {
  await member.query('INSERT INTO programs (name, month_price) VALUES (?, ?)', [name, monthPrice]);
  const [row] = await member.query<{ id: number }>('SELECT MAX(id) AS id FROM programs');
  return row!.id;
}

const photo = (): FilePart => ({ bytes: jpeg(), filename: 'photo.jpg', type: 'image/jpeg' });
const scan = (): FilePart => ({ bytes: pdf(), filename: 'scan.pdf', type: 'application/pdf' });

function profileForm(overrides: Record<string, string | FilePart | null> = {}) {
  const fields: Record<string, string | FilePart | null> = {
    first_name: 'Олена',
    middle_name: 'Петрівна',
    last_name: 'Коваль',
    email: 'olena@example.org',
    program_id: String(programId),
    iban: IBAN,
    inn: scan(),
    id_1: photo(),
    id_2: { bytes: png(), filename: 'back.png', type: 'image/png' },
    ...overrides,
  };
  return multipartBody(
    Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) as Record<
      string,
      string | FilePart
    >,
  );
}

async function call(method: 'GET' | 'POST' | 'PATCH', url: string, memberId: number | null, body?: unknown) {
  const auth = memberId === null ? {} : { authorization: member.memberAuth(memberId) };
  const multipart = body as { payload: Buffer; headers: Record<string, string> } | undefined;
  const isForm = multipart !== undefined && Buffer.isBuffer(multipart.payload);
  return member.service.app.inject({
    method,
    url,
    headers: { ...auth, ...(isForm ? multipart.headers : {}) },
    ...(body === undefined ? {} : isForm ? { payload: multipart.payload } : { payload: body as object }),
  });
}

const memberRow = async (id: number) =>
  (await member.query<Record<string, unknown>>('SELECT * FROM members WHERE id = ?', [id]))[0]!;
/** The member's events in the outbox; personal ones leave it as soon as the broker has them. */
const outboxTypes = async (memberId: number) =>
  (
    await member.query<{ type: string }>('SELECT type FROM outbox WHERE aggregate_id = ? ORDER BY id', [
      String(memberId),
    ])
  )
    .map(({ type }) => type)
    .filter((type) => !SENSITIVE_EVENT_TYPES.has(type));

test('profile/get answers 403 until staff approve the profile', async () => {
  await member.signUp(101, '+380671000101');
  const answer = await call('GET', '/me/profile', 101);
  assert.equal(answer.statusCode, 403);
  assert.equal(answer.json().message, 'Your profile is not approved yet');
});

test('a profile with the tax card and both ID card sides waits for staff, files encrypted at rest', async () => {
  await member.signUp(102, '+380671000102');
  const answer = await call('POST', '/me/profile', 102, await profileForm());
  assert.equal(answer.statusCode, 200, answer.body);
  assert.deepEqual(answer.json(), { message: 'Profile successfully created' });

  const row = await memberRow(102);
  assert.equal(row.first_name, 'Олена');
  assert.equal(row.iban, IBAN);
  assert.equal(row.pending_program_id, programId);
  assert.equal(row.has_new_program_change, 1);
  assert.equal(row.has_new_documents, 1);
  assert.equal(row.is_submitted, 0);
  assert.ok(row.profile_sent_at);

  const documents = await member.query<{ type: string; status: string; file_name: string }>(
    'SELECT type, status, file_name FROM identity_documents WHERE member_id = 102 ORDER BY type',
  );
  assert.deepEqual(
    documents.map(({ type, status }) => `${type}:${status}`).sort(),
    ['id_card_front:pending', 'id_card_back:pending', 'tax_number_card:pending'].sort(),
  );
  const stored = await member.storedFiles();
  for (const { file_name } of documents) assert.ok(stored.includes(file_name), 'every document is on disk');
  assert.deepEqual(await outboxTypes(102), ['member.profile_submitted', 'member.documents_uploaded']);
});

test('a rejected profile leaves no file behind and changes nothing', async () => {
  await member.signUp(103, '+380671000103');
  const before = (await member.storedFiles()).length;
  const cases: [Record<string, string | FilePart | null>, number, RegExp][] = [
    [{ inn: null }, 400, /inn/],
    [{ id_2: null }, 400, /Both sides of the ID card/],
    [{ iban: 'UA000000000000000000000000000' }, 400, /IBAN/],
    [{ program_id: '999999' }, 422, /Program not found/],
    [{ program_id: 'abc' }, 400, /program_id/],
    [{ email: 'not-an-email' }, 400, /email/],
    [
      {
        id_1: { bytes: Buffer.from('just text, named like a photo'), filename: 'x.jpg', type: 'image/jpeg' },
      },
      415,
      /JPEG/,
    ],
    [
      { id_1: { bytes: Buffer.concat([jpeg(), Buffer.alloc(80 * 1024)]), filename: 'big.jpg' } },
      413,
      /larger/,
    ],
    [{ photo: photo() }, 400, /does not take a file/],
  ];
  for (const [overrides, status, message] of cases) {
    const answer = await call('POST', '/me/profile', 103, await profileForm(overrides));
    assert.equal(answer.statusCode, status, `${JSON.stringify(Object.keys(overrides))}: ${answer.body}`);
    assert.match(answer.json().message, message);
  }
  assert.equal((await member.storedFiles()).length, before, 'nothing was left on disk');
  assert.equal((await memberRow(103)).profile_sent_at, null);
  assert.deepEqual(await outboxTypes(103), []);
});

test('1,000 malformed multipart bodies are refused with 4xx and the service stays up', async () => {
  await member.signUp(104, '+380671000104');
  const valid = await profileForm();
  const boundary = valid.headers['content-type']!.split('boundary=')[1]!;
  const before = (await member.storedFiles()).length;
  for (let index = 0; index < 1000; index += 1) {
    const cut = Math.floor((valid.payload.length * index) / 1000);
    const variants = [
      { payload: valid.payload.subarray(0, cut), type: valid.headers['content-type']! },
      {
        payload: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data\r\n\r\nx`),
        type: valid.headers['content-type']!,
      },
      { payload: valid.payload, type: 'multipart/form-data' },
      {
        payload: Buffer.from([index & 0xff, 0x00, 0x2d, 0x2d]),
        type: `multipart/form-data; boundary=${boundary}`,
      },
    ];
    const { payload, type } = variants[index % variants.length]!;
    const answer = await member.service.app.inject({
      method: 'POST',
      url: '/me/profile',
      headers: { authorization: member.memberAuth(104), 'content-type': type },
      payload,
    });
    assert.ok(
      answer.statusCode >= 400 && answer.statusCode < 500,
      `#${index}: ${answer.statusCode} ${answer.body}`,
    );
  }
  assert.equal((await member.storedFiles()).length, before);
  assert.equal((await call('GET', '/health/live', null)).statusCode, 200);
});

test('a profile cannot be sent by staff, by no one, or by a blocked member', async () => {
  const form = await profileForm();
  const staff = await member.service.app.inject({
    method: 'POST',
    url: '/me/profile',
    headers: { authorization: member.staffAuth(1, 'admin'), ...form.headers },
    payload: form.payload,
  });
  assert.equal(staff.statusCode, 401);
  assert.equal((await call('POST', '/me/profile', null, form)).statusCode, 401);

  await member.signUp(105, '+380671000105');
  await member.query('UPDATE members SET is_active = 0 WHERE id = 105');
  const blocked = await call('POST', '/me/profile', 105, await profileForm());
  assert.equal(blocked.statusCode, 403);
  assert.equal(blocked.json().message, 'Your account is blocked');
});

test('edit: the phone stays unique, a change goes to auth by event, the old photo is deleted', async () => {
  await member.signUp(106, '+380671000106');
  await member.signUp(107, '+380671000107');
  const taken = await call('PATCH', '/me/profile', 106, { phone: '+380671000107' });
  assert.equal(taken.statusCode, 422);
  assert.equal(taken.json().message, 'Can not assign this phone number');

  const invalid = await call('PATCH', '/me/profile', 106, { phone: '12345' });
  assert.equal(invalid.statusCode, 400);

  const changed = await call('PATCH', '/me/profile', 106, {
    phone: '+380 67 100 0199',
    email: 'new@example.org',
    phone_proof: member.phoneProof(106, '+380671000106', '+380671000199'),
  });
  assert.equal(changed.statusCode, 200, changed.body);
  const row = await memberRow(106);
  assert.equal(row.phone, '+380671000199');
  assert.equal(row.email, 'new@example.org');
  assert.deepEqual(await outboxTypes(106), ['member.updated', 'member.phone_changed']);

  const notAPhoto = await call('PATCH', '/me/profile', 106, await multipartBody({ photo: scan() }));
  assert.equal(notAPhoto.statusCode, 415);

  assert.equal(
    (await call('PATCH', '/me/profile', 106, await multipartBody({ photo: photo() }))).statusCode,
    200,
  );
  const first = (await memberRow(106)).photo_file as string;
  assert.ok((await member.storedFiles()).includes(first));
  assert.equal(
    (await call('PATCH', '/me/profile', 106, await multipartBody({ photo: photo() }))).statusCode,
    200,
  );
  const second = (await memberRow(106)).photo_file as string;
  assert.notEqual(second, first);
  const stored = await member.storedFiles();
  assert.ok(stored.includes(second));
  assert.ok(!stored.includes(first), 'the replaced photo is gone');
});

test('edit: a new phone without the auth service’s proof is refused, and nothing of the form is kept', async () => {
  await member.signUp(114, '+380671000114');
  const before = await memberRow(114);
  const filesBefore = await member.storedFiles();
  const refused = await call('PATCH', '/me/profile', 114, { phone: '+380671000214', email: 'x@example.org' });
  assert.equal(refused.statusCode, 422, refused.body);
  assert.equal(refused.headers['x-error-code'], 'phone_unconfirmed');
  assert.equal(refused.json().message, 'Confirm the new phone with the code we text to it');

  const form = await multipartBody({ phone: '+380671000214', code: '123456', photo: photo() });
  const withPhoto = await call('PATCH', '/me/profile', 114, form);
  assert.equal(withPhoto.statusCode, 422, 'a code is for the gateway to trade: it proves nothing here');
  assert.deepEqual(await memberRow(114), before, 'neither the phone nor the email nor a photo changed');
  assert.deepEqual(await outboxTypes(114), []);
  assert.deepEqual(await member.storedFiles(), filesBefore, 'the photo sent with it is not kept');
});

test('edit: a proof moves only its member, from the phone they have, to its phone, while it lasts', async () => {
  await member.signUp(115, '+380671000115');
  await member.signUp(116, '+380671000116');
  const to = '+380671000215';
  const now = Math.floor(Date.now() / 1000);
  const proofs = {
    'for another member': member.phoneProof(116, '+380671000115', to),
    'for another phone': member.phoneProof(115, '+380671000115', '+380671000315'),
    'from another phone': member.phoneProof(115, '+380671000116', to),
    expired: member.phoneProof(115, '+380671000115', to, { iat: now - 700, exp: now - 100 }),
    'of another purpose': member.phoneProof(115, '+380671000115', to, { purpose: 'sign_in' }),
    'an access token': member.memberAuth(115).slice('Bearer '.length),
    'not signed by auth': 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMTUifQ.',
  };
  for (const [what, proof] of Object.entries(proofs)) {
    const answer = await call('PATCH', '/me/profile', 115, { phone: to, phone_proof: proof });
    assert.equal(answer.statusCode, 422, what);
    assert.equal(answer.headers['x-error-code'], 'phone_proof_invalid', what);
    assert.equal(
      answer.json().message,
      'The confirmation is not for this phone or has expired: ask for a new code',
    );
  }
  assert.equal((await memberRow(115)).phone, '+380671000115');

  const proof = member.phoneProof(115, '+380671000115', to);
  const form = await multipartBody({ phone: to, phone_proof: proof, photo: photo() });
  const changed = await call('PATCH', '/me/profile', 115, form);
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal((await memberRow(115)).phone, to);
  assert.deepEqual(await outboxTypes(115), ['member.updated', 'member.phone_changed']);

  const onward = member.phoneProof(115, to, '+380671000315');
  assert.equal(
    (await call('PATCH', '/me/profile', 115, { phone: '+380671000315', phone_proof: onward })).statusCode,
    200,
  );
  const replayed = await call('PATCH', '/me/profile', 115, { phone: to, phone_proof: proof });
  assert.equal(replayed.statusCode, 422, 'a proof works once: the phone it moved from is gone');
  assert.equal((await memberRow(115)).phone, '+380671000315');
});

test('edit: a form with nothing to change is refused; the same values are no error', async () => {
  await member.signUp(113, '+380671000113');
  for (const body of [{}, { nickname: 'olena' }, await multipartBody({ nickname: 'olena' })]) {
    const answer = await call('PATCH', '/me/profile', 113, body);
    assert.equal(answer.statusCode, 400, answer.body);
    assert.equal(answer.json().message, 'Nothing to change: send an email, a phone or a photo');
  }
  const same = await call('PATCH', '/me/profile', 113, { phone: '+380671000113' });
  assert.equal(same.statusCode, 200, same.body);
  assert.deepEqual(await outboxTypes(113), []);
});

test('a member reaches their own files only; other names are not found', async () => {
  await member.signUp(108, '+380671000108');
  await member.signUp(109, '+380671000109');
  assert.equal(
    (await call('PATCH', '/me/profile', 108, await multipartBody({ photo: photo() }))).statusCode,
    200,
  );
  const name = (await memberRow(108)).photo_file as string;

  const own = await call('GET', `/me/files/${name}`, 108);
  assert.equal(own.statusCode, 200);
  assert.equal(own.headers['content-type'], 'image/jpeg');
  assert.equal(own.headers['x-content-type-options'], 'nosniff');
  assert.equal(own.rawPayload.subarray(0, 2).toString('hex'), 'ffd8');

  for (const url of [
    `/me/files/${name}`,
    '/me/files/..%2F..%2F..%2Fetc%2Fpasswd',
    '/me/files/%2e%2e%2fschema.ts',
    `/me/files/${name.toUpperCase()}`,
    '/me/files/00000000000000000000000000000000',
  ]) {
    const answer = await call('GET', url, 109);
    assert.equal(answer.statusCode, 404, url);
    assert.equal(answer.json().message, 'File not found');
  }
});

test('corrections and program changes put the member on the staff attention list', async () => {
  await member.signUp(110, '+380671000110');
  const badDate = await call('POST', '/me/corrections', 110, { birth_date: '31.02.1990' });
  assert.equal(badDate.statusCode, 400);
  assert.equal((await call('POST', '/me/corrections', 110, {})).statusCode, 400);
  const sent = await call('POST', '/me/corrections', 110, {
    last_name: 'Ковальчук',
    birth_date: '02.03.1990',
  });
  assert.equal(sent.statusCode, 200, sent.body);
  assert.equal((await memberRow(110)).has_correction_request, 1);
  const [correction] = await member.query<{ last_name: string; birth_date: string }>(
    "SELECT last_name, DATE_FORMAT(birth_date, '%Y-%m-%d') AS birth_date FROM profile_corrections WHERE member_id = 110",
  );
  assert.deepEqual({ ...correction }, { last_name: 'Ковальчук', birth_date: '1990-03-02' });

  await member.query('UPDATE members SET program_id = ? WHERE id = 110', [programId]);
  const same = await call('POST', '/me/program-change', 110, { program_id: programId });
  assert.equal(same.statusCode, 409);
  const change = await call('POST', '/me/program-change', 110, { program_id: otherProgramId });
  assert.equal(change.statusCode, 200, change.body);
  const changed = change.json();
  assert.equal(changed.data.program_id, otherProgramId);
  assert.equal(changed.member.id, 110);
  assert.equal(changed.member.has_new_program_change, true);
  assert.deepEqual(
    { ...changed.member_program, program: changed.member_program.program.program_id, created_at: undefined },
    {
      id: 110,
      program: otherProgramId,
      created_at: undefined,
      updated_at: changed.member.updated_at,
      is_active: false,
      is_new: true,
    },
    'the pending change as a member-program row, under the member’s id',
  );
  const row = await memberRow(110);
  assert.equal(row.pending_program_id, otherProgramId);
  assert.equal(row.has_new_program_change, 1);
  const withdrawn = await call('POST', '/me/program-change', 110, { program_id: programId });
  assert.equal(withdrawn.statusCode, 200);
  assert.equal((await memberRow(110)).pending_program_id, null);
  assert.equal((await call('POST', '/me/program-change', 110, { program_id: 999_999 })).statusCode, 422);
});

test('an approved member reads the profile with the program; the catalogue is public', async () => {
  await member.signUp(111, '+380671000111');
  await member.query(
    "UPDATE members SET is_submitted = 1, program_id = ?, first_name = 'Іван', birth_date = '1990-03-02', paid_until = '2026-12-31' WHERE id = 111",
    [programId],
  );
  const answer = await call('GET', '/me/profile', 111);
  assert.equal(answer.statusCode, 200, answer.body);
  const profile = answer.json();
  assert.equal(profile.id, 111);
  assert.equal(profile.birth_date, '1990-03-02');
  assert.equal(profile.expiration_date, '2026-12-31');
  assert.deepEqual(
    { ...profile.program, created_at: undefined, updated_at: undefined },
    {
      program_id: programId,
      program_name: 'Базова',
      program_file: null,
      month_price: 20_000,
      is_active: true,
      created_at: undefined,
      updated_at: undefined,
      created_by: null,
      updated_by: null,
    },
  );
  assert.equal(profile.diia_answer, null, 'no Diia import yet');

  const catalogue = await call('GET', '/programs', null);
  assert.equal(catalogue.statusCode, 200);
  assert.ok(
    catalogue.json().data.some((program: { program_id: number }) => program.program_id === programId),
  );
  assert.equal((await call('GET', '/programs/terms/../../etc/passwd', null)).statusCode, 404);
});

test('an upload the client abandons halfway leaves nothing on disk', async () => {
  await member.signUp(112, '+380671000112');
  const before = (await member.storedFiles()).length;
  const form = await profileForm();
  // Everything up to the middle of the last file: the first files are whole and already stored.
  const cut = form.payload.lastIndexOf(Buffer.from('filename="back.png"')) + 40;
  const address = await member.service.app.listen({ host: '127.0.0.1', port: 0 });
  const { hostname, port } = new URL(address);
  const socket = connect({ host: hostname, port: Number(port) });
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(
    `POST /me/profile HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: ${member.memberAuth(112)}\r\n` +
      `Content-Type: ${form.headers['content-type']}\r\nContent-Length: ${form.payload.length}\r\n\r\n`,
  );
  socket.write(form.payload.subarray(0, cut));
  await eventually(async () => ((await member.storedFiles()).length > before ? true : null), {
    message: 'the first files stored',
  });
  socket.destroy();
  await eventually(async () => ((await member.storedFiles()).length === before ? true : null), {
    message: 'the stored files removed',
  });
  assert.equal((await memberRow(112)).profile_sent_at, null);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ADMIN_MEMBER_NOT_FOUND_MESSAGE,
  ADMIN_MEMBER_UPDATED_MESSAGE,
  AdminCertificateAnswer,
  AdminMemberCardAnswer,
  AdminMemberNotFound,
  AdminMembersAnswer,
  AdminMemberUpdateAnswer,
  AdminMemberUpdateError,
  kyivDateOf,
  SEED_IDENTITY_TYPES,
  SEED_REQUEST_STATUSES,
  seedDateOfCalendarDate,
} from '@kasa/contracts';
import { assertSeedShape, eventually } from '@kasa/testing';
import { jpeg } from '@kasa/testing/sample-files';
import { file } from '../../../mobile-gateway/test/support/clients.ts';
import { wholeKasa } from '../../../mobile-gateway/test/support/whole-kasa.ts';

/**
 * Admin routes 9–12 answer what the seed's admin site reads (seeds/000 admin-app/main.py
 * member_list, generate_certificate, member_get, member_update), on the whole of Kasa.
 */
const { mobile, admin, newProgram, approvedMember } = wholeKasa();

const HTTP_DATE = /^[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$/;
const EVERY_FIELD = { passport: true, name: true, inn: true, iban: true, certificate: true };
const onlyField = (field: keyof typeof EVERY_FIELD) => ({
  ...Object.fromEntries(Object.keys(EVERY_FIELD).map((name) => [name, false])),
  [field]: true,
});

const memberA = approvedMemberOnce('+380671780001');
const memberB = approvedMemberOnce('+380671780002');

/** Each member is made once, by the first test that needs them. */
function approvedMemberOnce(phone: string) {
  let made: ReturnType<typeof approvedMember> | undefined;
  return () => {
    made ??= approvedMember(phone, '250');
    return made;
  };
}

/** The member asks the app for another program, as the seed's app does (a form). */
async function askForProgram(token: string, programId: number): Promise<void> {
  const form = new FormData();
  form.append('program_id', String(programId));
  const asked = await mobile('POST', '/program/change', form, token);
  assert.equal(asked.status, 200, JSON.stringify(asked.body));
}

const card = (id: number) => admin('POST', '/member', { id });

test('POST /members: member rows; the attention list, any word of the query, everything without a limit', async () => {
  const a = await memberA();
  const b = await memberB();
  await askForProgram(a.token, await newProgram('Розширена 178', '400'));

  const attention = await admin('POST', '/members', { filter: { query: '', fields: EVERY_FIELD } });
  assert.equal(attention.status, 200, JSON.stringify(attention.body));
  assertSeedShape(AdminMembersAnswer, attention.body, 'POST /members');
  const row = attention.body.data.find((entry: { id: number }) => entry.id === a.memberId);
  assert.ok(row, 'a member who asked for another program needs attention');
  assert.equal(row.has_new_program_change, true);
  assert.equal(row.has_new_request, 0, 'an INT column: a number');
  assert.equal(row.is_submited, true);
  assert.equal(row.certificate, a.certificate);
  assert.match(row.created_at, HTTP_DATE);
  assert.ok(
    !attention.body.data.some((entry: { id: number }) => entry.id === b.memberId),
    'an approved member with nothing new is not on it',
  );
  assert.equal(attention.body.data.length, attention.body.total, 'without a limit, every match');

  // The seed OR-ed the words: either certificate finds its member.
  const both = await admin('POST', '/members', {
    filter: { query: `${a.certificate} ${b.certificate}`, fields: onlyField('certificate') },
  });
  assert.equal(both.status, 200, JSON.stringify(both.body));
  assertSeedShape(AdminMembersAnswer, both.body, 'POST /members (words)');
  assert.deepEqual(
    both.body.data.map((entry: { id: number }) => entry.id).sort(),
    [a.memberId, b.memberId].sort(),
  );
  const nowhere = await admin('POST', '/members', {
    filter: { query: a.certificate, fields: onlyField('passport') },
  });
  assert.deepEqual(nowhere.body.data, [], 'only the chosen fields are searched');

  const page = await admin('POST', '/members', {
    filter: { query: `${a.certificate} ${b.certificate}`, fields: EVERY_FIELD },
    limit: 1,
  });
  assert.equal(page.body.data.length, 1, 'a page when the site asks for one');
  assert.equal(page.body.total, 2);
});

test('GET /member/generate_certificate: {data: the number as text}, increasing', async () => {
  const first = await admin('GET', '/member/generate_certificate');
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assertSeedShape(AdminCertificateAnswer, first.body, 'GET /member/generate_certificate');
  assert.equal(typeof first.body.data, 'string');
  const second = await admin('GET', '/member/generate_certificate');
  assert.ok(BigInt(second.body.data) > BigInt(first.body.data));
});

test('POST /member: the card of rows (program rows, identities, requests, payments); 404 in the seed words', async () => {
  const b = await memberB();
  assert.equal((await admin('PUT', '/member', { id: b.memberId, birth_date: '24.08.1990' })).status, 200);
  const opened = new FormData();
  opened.append('comment', 'Ліки після операції');
  opened.append('files', file(jpeg(), 'receipt.jpg', 'image/jpeg'));
  const request = await mobile('POST', '/user/request/create', opened, b.token);
  assert.equal(request.status, 200, JSON.stringify(request.body));
  const requestId: number = request.body.id ?? request.body.data?.id;
  const today = seedDateOfCalendarDate(kyivDateOf(new Date()));
  const paid = await admin('PUT', '/payment', { member: b.memberId, type: 1, date: today, amount: 250 });
  assert.equal(paid.status, 200, JSON.stringify(paid.body));
  const wanted = await newProgram('Сімейна 178', '600');
  await askForProgram(b.token, wanted);

  const answer = await eventually(
    async () => {
      const read = await card(b.memberId);
      return read.body.requests?.length === 1 && read.body.payments?.length === 1 ? read : null;
    },
    { timeoutMs: 15_000, message: 'the request and the payment on the card' },
  );
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assertSeedShape(AdminMemberCardAnswer, answer.body, 'POST /member');
  const { member, actual_program, new_program, programs, identities, requests, payments } = answer.body;

  assert.equal(member.id, b.memberId);
  assert.equal(member.birth_date, '1990-08-24', 'the card formats birth_date as %Y-%m-%d');
  assert.equal(member.is_active, true);
  assert.match(member.created_at, HTTP_DATE);

  assert.equal(actual_program.is_active, true);
  assert.equal(actual_program.is_new, false);
  assert.equal(actual_program.member.id, b.memberId);
  assert.equal(actual_program.member.birth_date, 'Fri, 24 Aug 1990 00:00:00 GMT', 'nested rows as jsonify');
  assert.match(actual_program.program.program_name, /^Програма /);
  assert.equal(actual_program.program.month_price, 250);
  assert.match(actual_program.program.program_file, /^https?:\/\/.+\/program\/[0-9a-f]{32}$/);
  assert.equal(new_program.is_new, true);
  assert.equal(new_program.is_active, false);
  assert.equal(new_program.program.id, wanted);
  assert.equal(new_program.program.month_price, 600);
  assert.deepEqual(
    programs.map((row: { id: number }) => row.id),
    [new_program.id, actual_program.id],
    "Kasa's addition: the member's program rows (the seed's list was always empty)",
  );

  assert.equal(identities.length, 3);
  assert.deepEqual(answer.body.current_identities, identities, 'the approved documents are current');
  assert.deepEqual(answer.body.new_identities, []);
  const types = identities.map((row: { identity_type: { id: number } }) => row.identity_type.id).sort();
  assert.deepEqual(types, [1, 2, 6]);
  for (const row of identities) {
    assert.deepEqual(
      row.identity_type,
      SEED_IDENTITY_TYPES.find((type) => type.id === row.identity_type.id),
    );
    assert.equal(row.is_active, true);
    assert.equal(row.is_new, false);
    assert.equal(row.file.member.id, b.memberId);
    assert.equal(row.file.request, null);
    const scan = await admin('POST', '/files', { user_id: b.memberId, filename: row.file.filename });
    assert.equal(scan.status, 200, 'the file row names what POST /files serves');
  }

  assert.equal(requests[0].id, requestId);
  assert.equal(requests[0].request_text, 'Ліки після операції');
  assert.deepEqual(requests[0].status, SEED_REQUEST_STATUSES[0]);
  assert.equal(requests[0].member.id, b.memberId);
  assert.match(requests[0].created_at, HTTP_DATE);
  assert.deepEqual(payments[0].payment_type, { id: 1, name: 'Поповнення' });
  assert.equal(payments[0].amount, 250);
  assert.equal(payments[0].member.id, b.memberId);
  assert.equal(payments[0].request, null);
  assert.match(payments[0].payment_date, HTTP_DATE);
  assert.ok(Array.isArray(answer.body.corrections), "Kasa's reported mistakes stay");

  const missing = await card(999_999);
  assert.equal(missing.status, 404);
  assertSeedShape(AdminMemberNotFound, missing.body, 'POST /member (unknown)');
  assert.deepEqual(missing.body, { status: 'error', message: ADMIN_MEMBER_NOT_FOUND_MESSAGE });
});

test('PUT /member: the seed success; both date forms; empty fields change nothing; a save approves what is pending', async () => {
  const a = await memberA();
  const b = await memberB();
  const iso = await admin('PUT', '/member', { id: a.memberId, birth_date: '1991-02-03', first_name: '' });
  assert.equal(iso.status, 200, JSON.stringify(iso.body));
  assertSeedShape(AdminMemberUpdateAnswer, iso.body, 'PUT /member');
  assert.deepEqual(iso.body, { status: 'success', message: ADMIN_MEMBER_UPDATED_MESSAGE });
  let read = await card(a.memberId);
  assert.equal(read.body.member.birth_date, '1991-02-03');
  assert.equal(read.body.member.first_name, 'Олена', 'an empty field changes nothing, as in the seed');

  const wanted = await newProgram('Пільгова 178', '150');
  await askForProgram(a.token, wanted);
  const seedDate = await admin('PUT', '/member', {
    id: a.memberId,
    birth_date: '04.03.1991',
    middle_name: null,
    email: 'olena.k@example.org',
  });
  assert.equal(seedDate.status, 200, JSON.stringify(seedDate.body));
  read = await card(a.memberId);
  assert.equal(read.body.member.birth_date, '1991-03-04');
  assert.equal(read.body.member.email, 'olena.k@example.org');
  assert.equal(read.body.new_program, null, 'the save approved the program asked for, as the seed did');
  assert.equal(read.body.actual_program.program.id, wanted);
  assert.equal(read.body.member.has_new_program_change, false);

  const cases: [body: object, status: number][] = [
    [{ id: 999_999, first_name: 'Ніхто' }, 404],
    [{ id: a.memberId, birth_date: '31.02.1990' }, 400],
    [{ id: a.memberId, certificate: b.certificate }, 422],
  ];
  for (const [body, status] of cases) {
    const failed = await admin('PUT', '/member', body);
    assert.equal(failed.status, status, `${JSON.stringify(body)}: ${JSON.stringify(failed.body)}`);
    assertSeedShape(AdminMemberUpdateError, failed.body, `PUT /member ${JSON.stringify(body)}`);
    assert.equal(failed.body.status, 'error');
  }
  assert.equal(
    (await admin('PUT', '/member', { id: 999_999, first_name: 'Ніхто' })).body.message,
    ADMIN_MEMBER_NOT_FOUND_MESSAGE,
  );
});

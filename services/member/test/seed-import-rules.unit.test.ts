import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SeedProblem } from '@kasa/seed-import';
import { memberOfSeed } from '../src/import/member-of-seed.ts';
import { calendarDayOf, seedFileName, seedRowKey } from '../src/import/seed-values.ts';

const RUN = new Date('2026-12-07T12:00:00.000Z');

function convert(row: Record<string, string | number | null>) {
  const problems: SeedProblem[] = [];
  const member = memberOfSeed({ id: 5, phone: '0671234567', ...row }, 5, RUN, (problem) =>
    problems.push(problem),
  );
  return { member, problems };
}

test('a member who only signed in sent no profile; NULL flags are an active, unapproved member', () => {
  const { member, problems } = convert({ created_at: '2024-01-15 18:45:00' });
  assert.equal(member.phone, '+380671234567');
  assert.equal(member.values.profileSentAt, null);
  assert.equal(member.values.isActive, true);
  assert.equal(member.values.isSubmitted, false);
  assert.equal(member.values.createdAt?.toISOString(), '2024-01-15T16:45:00.000Z');
  assert.equal(member.values.updatedAt?.toISOString(), '2024-01-15T16:45:00.000Z');
  assert.deepEqual(problems, []);
});

test('a Diia request still awaited is kept as the request; an answer as the answer, and the profile counts as sent', () => {
  const awaited = convert({ diia_answer: '3F2C1A7E-5B6D-4E8F-9A0B-1C2D3E4F5A6B' }).member;
  assert.equal(awaited.diiaRequestId, '3f2c1a7e-5b6d-4e8f-9a0b-1c2d3e4f5a6b');
  assert.equal(awaited.values.diiaAnswer, null);
  assert.equal(awaited.values.profileSentAt, null);
  const answered = convert({ diia_answer: '{"data":{}}', updated_at: '2024-02-01 10:00:00' }).member;
  assert.equal(answered.diiaRequestId, null);
  assert.equal(answered.values.diiaAnswer, '{"data":{}}');
  assert.equal(answered.values.profileSentAt?.toISOString(), '2024-02-01T08:00:00.000Z');
});

test('texts are trimmed, blanks are none, IBANs canonical; what Kasa cannot hold is reported by column, never by value', () => {
  const { member, problems } = convert({
    first_name: '  Олена ',
    middle_name: '   ',
    actual_iban: 'ua21 3223 1300 0002 6007 2335 6600 1',
    inn: '30123 45678',
    passport_data: `ID 001234567 ${'виданий Києвом '.repeat(20)}`,
    birth_date: '2023-02-30',
    expiration_date: '2024-12-31 00:00:00',
  });
  assert.equal(member.values.firstName, 'Олена');
  assert.equal(member.values.middleName, null);
  assert.equal(member.values.iban, 'UA213223130000026007233566001');
  assert.equal(member.values.taxNumber, '3012345678');
  assert.equal(member.values.passportData?.length, 255);
  assert.equal(member.values.birthDate, null);
  assert.equal(member.values.paidUntil, '2024-12-31');
  assert.deepEqual(
    problems.map(({ kind, ...rest }) => `${kind}:${(rest as { column?: string }).column}`),
    ['date_unknown:undefined', 'bad_date:birth_date', 'value_replaced:passport_data'],
  );
  assert.ok(!JSON.stringify(problems).includes('001234567'), 'the passport itself is not in the report');
});

test('a phone that is no number is none; the seed’s days and file names are read as it wrote them', () => {
  assert.equal(convert({ phone: 'не знаю' }).member.phone, null);
  assert.equal(calendarDayOf('0000-00-00'), null);
  assert.equal(calendarDayOf('1985-04-12'), '1985-04-12');
  assert.equal(calendarDayOf('1985-13-01'), 'invalid');
  assert.equal(
    seedFileName('https://old.fund.example/uploads/1709640000_terms%20basic.pdf'),
    '1709640000_terms basic.pdf',
  );
  assert.equal(seedFileName('1709640100_photo.jpg'), '1709640100_photo.jpg');
  assert.equal(seedFileName('../../etc/passwd'), 'passwd');
});

test('a link row is told apart by its id, else by what it holds, and a long key by its hash', () => {
  assert.equal(seedRowKey({ id: 7, member_id: 1 }, ['member_id']), '7');
  assert.equal(seedRowKey({ member_id: 1, program_id: null }, ['member_id', 'program_id']), '1/');
  const long = seedRowKey({ member_id: 'x'.repeat(200) }, ['member_id']);
  assert.match(long, /^sha256:[0-9a-f]{64}$/);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wordsOf } from '../src/application/staff-search-members.ts';
import {
  awaitsApproval,
  checkProfileEdit,
  type ProfileFields,
  profileChanges,
} from '../src/domain/member-edit.ts';
import type { ReviewState } from '../src/domain/member-review.ts';

const TODAY = '2026-11-24';
const IBAN = 'UA743052990000026007233566001';

const profile: ProfileFields = {
  firstName: 'Олена',
  middleName: null,
  lastName: 'Коваль',
  email: 'olena@example.org',
  iban: IBAN,
  birthDate: '1990-03-02',
  certificate: '1001',
  passportData: null,
  taxNumber: '2924300123',
  phone: '+380671234567',
};

const approved: ReviewState = {
  isSubmitted: true,
  profileSentAt: new Date('2026-11-01T10:00:00Z'),
  programId: 2,
  pendingProgramId: null,
  hasNewRequest: false,
  hasNewProgramChange: false,
  hasNewDocuments: false,
  hasCorrectionRequest: false,
};

test('an edit is stored trimmed, blanks as none, IBAN and phone in their canonical form', () => {
  assert.deepEqual(
    checkProfileEdit(
      {
        firstName: '  Олена ',
        middleName: '   ',
        email: '',
        certificate: ' 1002 ',
        iban: 'ua74 3052 9900 0002 6007 2335 6600 1',
        taxNumber: ' 2924300123 ',
        phone: '+380 (67) 123-45-67',
        birthDate: TODAY,
      },
      TODAY,
    ),
    {
      ok: true,
      edit: {
        firstName: 'Олена',
        middleName: null,
        email: null,
        certificate: '1002',
        iban: IBAN,
        taxNumber: '2924300123',
        phone: '+380671234567',
        birthDate: TODAY,
      },
    },
  );
  assert.deepEqual(checkProfileEdit({ iban: '', taxNumber: null, birthDate: null }, TODAY), {
    ok: true,
    edit: { iban: null, taxNumber: null, birthDate: null },
  });
});

test('an edit with a wrong IBAN, tax number, phone, birth date or a blank name is refused in words', () => {
  const refusal = (edit: Parameters<typeof checkProfileEdit>[0]) => {
    const checked = checkProfileEdit(edit, TODAY);
    return checked.ok ? null : checked.code;
  };
  assert.equal(refusal({ iban: 'UA743052990000026007233566002' }), 'invalid_iban');
  assert.equal(refusal({ iban: 'DE89370400440532013000' }), 'invalid_iban');
  assert.equal(refusal({ taxNumber: '2924300124' }), 'invalid_tax_number');
  assert.equal(refusal({ taxNumber: '29243001' }), 'invalid_tax_number');
  assert.equal(refusal({ phone: '0671234567' }), 'invalid_phone');
  assert.equal(refusal({ phone: '+38067123456' }), 'invalid_phone');
  assert.equal(refusal({ birthDate: '2026-11-25' }), 'invalid_birth_date');
  assert.equal(refusal({ lastName: ' ' }), 'name_required');
});

test('only the fields that differ are changes', () => {
  assert.deepEqual(profileChanges(profile, {}), {});
  assert.deepEqual(profileChanges(profile, { ...profile }), {});
  assert.deepEqual(
    profileChanges(profile, { firstName: 'Олена', middleName: 'Петрівна', certificate: null }),
    {
      middleName: 'Петрівна',
      certificate: null,
    },
  );
});

test('approval has something to do until the profile is approved, and again for each pending change', () => {
  assert.equal(awaitsApproval(approved), false);
  assert.equal(
    awaitsApproval({ ...approved, hasNewRequest: true }),
    false,
    'requests are reviewed elsewhere',
  );
  assert.equal(awaitsApproval({ ...approved, isSubmitted: false }), true);
  for (const change of [
    { pendingProgramId: 3 },
    { hasNewProgramChange: true },
    { hasNewDocuments: true },
    { hasCorrectionRequest: true },
  ]) {
    assert.equal(awaitsApproval({ ...approved, ...change }), true, JSON.stringify(change));
  }
});

test('a query is its words, each once whatever its case', () => {
  assert.deepEqual(wordsOf(''), []);
  assert.deepEqual(wordsOf(' \t\n '), []);
  assert.deepEqual(wordsOf('  Олена   коваль\tКОВАЛЬ олена 1001 '), ['Олена', 'коваль', '1001']);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedFields, editFormOf, isBirthDate } from '../src/screens/members/member-edit.ts';
import {
  attentionReasons,
  chosenFields,
  fullName,
  membersBody,
  PAGE_SIZE,
  pageCount,
  readMembersSearch,
} from '../src/screens/members/members-filter.ts';

test('an empty query asks for the attention queue, a page at a time', () => {
  assert.deepEqual(membersBody('   ', ['name'], 1), { filter: { query: '' }, offset: 0, limit: PAGE_SIZE });
  assert.deepEqual(membersBody('', chosenFields(undefined), 3), {
    filter: { query: '' },
    offset: 2 * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
});

test('a query looks in every field unless some are chosen, and then names each of them', () => {
  assert.deepEqual(membersBody(' Коваль ', chosenFields(undefined), 1).filter, { query: 'Коваль' });
  assert.deepEqual(membersBody('UA21', chosenFields('iban,certificate'), 1).filter, {
    query: 'UA21',
    fields: { name: false, passport: false, inn: false, iban: true, certificate: true },
  });
});

test('the address keeps only what it can use: known fields, a page beyond the first, a query', () => {
  assert.deepEqual(readMembersSearch({ q: 'Олена', fields: 'inn,bogus', page: '2' }), {
    q: 'Олена',
    fields: 'inn',
    page: 2,
  });
  assert.deepEqual(readMembersSearch({ q: '  ', fields: 'name,passport,inn,iban,certificate', page: 1 }), {});
  assert.deepEqual(readMembersSearch({ page: 'x', fields: 7 }), {});
  assert.deepEqual(chosenFields('nothing'), ['name', 'passport', 'inn', 'iban', 'certificate']);
});

test('pages: at least one, and a full last page is not followed by an empty one', () => {
  assert.equal(pageCount(0), 1);
  assert.equal(pageCount(PAGE_SIZE), 1);
  assert.equal(pageCount(PAGE_SIZE + 1), 2);
});

test('a member is named surname first, and a member who gave no name has none', () => {
  assert.equal(fullName({ first_name: 'Олена', middle_name: null, last_name: 'Коваль' }), 'Коваль Олена');
  assert.equal(fullName({ first_name: ' ', middle_name: null, last_name: null }), null);
});

test('the queue says why a member is in it', () => {
  const calm = {
    is_submited: true,
    has_new_program_change: false,
    has_new_passport_data: false,
    has_new_request: 0,
  };
  assert.deepEqual(attentionReasons(calm), []);
  assert.deepEqual(attentionReasons({ ...calm, is_submited: false, has_new_passport_data: true }), [
    'not_submitted',
    'new_documents',
  ]);
  assert.deepEqual(attentionReasons({ ...calm, has_new_program_change: true, has_new_request: 1 }), [
    'program_change',
    'new_requests',
  ]);
});

const member = {
  first_name: 'Олена',
  middle_name: null,
  last_name: 'Коваль',
  birth_date: '1990-03-05',
  phone: '+380501112233',
  email: 'olena@example.org',
  passport_data: null,
  inn: null,
  actual_iban: 'UA213223130000026007233566001',
  certificate: null,
};

test('an edit sends only the fields staff changed, trimmed; a cleared field is not sent', () => {
  const before = editFormOf(member);
  assert.equal(before.birth_date, '05.03.1990');
  assert.equal(before.iban, member.actual_iban);
  assert.deepEqual(changedFields(before, before), {});
  assert.deepEqual(
    changedFields(before, {
      ...before,
      middle_name: ' Петрівна ',
      email: '',
      certificate: '42',
      phone: before.phone,
    }),
    { middle_name: 'Петрівна', certificate: '42' },
  );
});

test('a birth date is a real day as dd.mm.yyyy, or left empty', () => {
  assert.equal(isBirthDate(''), true);
  assert.equal(isBirthDate('29.02.2024'), true);
  assert.equal(isBirthDate('29.02.2023'), false);
  assert.equal(isBirthDate('1990-03-05'), false);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidTaxNumber, normalizeIban, normalizePhone } from '../src/domain/bank-details.ts';
import { type DocumentType, missingForProfile } from '../src/domain/documents.ts';
import { needsAttention, planApproval, type ReviewState } from '../src/domain/member-review.ts';

const signedUp: ReviewState = {
  isSubmitted: false,
  profileSentAt: null,
  programId: null,
  pendingProgramId: null,
  hasNewRequest: false,
  hasNewProgramChange: false,
  hasNewDocuments: false,
  hasCorrectionRequest: false,
};
const sent: ReviewState = {
  ...signedUp,
  profileSentAt: new Date('2026-11-01T10:00:00Z'),
  pendingProgramId: 2,
  hasNewProgramChange: true,
  hasNewDocuments: true,
};
const approved: ReviewState = {
  ...signedUp,
  profileSentAt: sent.profileSentAt,
  isSubmitted: true,
  programId: 2,
};

test('a member who only signed in needs no attention; one who sent a profile does until approved', () => {
  assert.equal(needsAttention(signedUp), false);
  assert.equal(needsAttention(sent), true);
  assert.equal(needsAttention(approved), false);
});

test('an approved member needs attention again for each new fact staff must act on', () => {
  for (const flag of [
    'hasNewRequest',
    'hasNewProgramChange',
    'hasNewDocuments',
    'hasCorrectionRequest',
  ] as const) {
    assert.equal(needsAttention({ ...approved, [flag]: true }), true, flag);
  }
});

test('approval makes the pending program current and promotes the pending documents', () => {
  assert.deepEqual(planApproval(sent), { ok: true, newProgramId: 2, promoteDocuments: true });
  assert.deepEqual(planApproval(approved), { ok: true, newProgramId: null, promoteDocuments: false });
});

test('approval needs a profile and a program', () => {
  assert.deepEqual(planApproval(signedUp), { ok: false, message: 'The member has not sent a profile yet' });
  assert.equal(planApproval({ ...sent, pendingProgramId: null }).ok, false);
});

test('a first profile needs the tax number card and a whole ID card or passport book', () => {
  const has = (...types: DocumentType[]) => missingForProfile(new Set(types));
  assert.equal(has('tax_number_card', 'id_card_front', 'id_card_back'), null);
  assert.equal(has('tax_number_card', 'passport_page_1', 'passport_page_2', 'passport_address'), null);
  assert.match(has('id_card_front', 'id_card_back') ?? '', /tax number card/);
  assert.match(has('tax_number_card', 'id_card_front') ?? '', /Both sides of the ID card/);
});

test('an IBAN is Ukrainian, 29 characters and passes its mod-97 check; spaces and case are forgiven', () => {
  assert.equal(normalizeIban('ua21 3223 1300 0002 6007 2335 6600 1'), 'UA213223130000026007233566001');
  assert.equal(normalizeIban('UA213223130000026007233566002'), null);
  assert.equal(normalizeIban('DE89370400440532013000'), null);
});

test('a tax number is 10 digits whose last is its check digit', () => {
  assert.equal(isValidTaxNumber('3184710691'), true);
  assert.equal(isValidTaxNumber('3184710692'), false);
  assert.equal(isValidTaxNumber('318471069'), false);
});

test('a phone is E.164; a Ukrainian one has 12 digits', () => {
  assert.equal(normalizePhone('+380 67 123-45-67'), '+380671234567');
  assert.equal(normalizePhone('+38067123456'), null);
  assert.equal(normalizePhone('0671234567'), null);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textCapacityOf } from '@kasa/db';
import { DIIA_SAMPLE_INTERNAL_PASSPORT, DIIA_SAMPLE_TAXPAYER_CARD } from '@kasa/testing';
import { members } from '../src/db/schema.ts';
import {
  DIIA_ANSWER_MAX_BYTES,
  type DiiaDocuments,
  diiaFileMime,
  diiaProfile,
  identityDocumentTypeOf,
  parseDiiaDocuments,
} from '../src/diia/diia-documents.ts';
import { DiiaDocumentsError } from '../src/diia/diia-errors.ts';

/** Diia's own sample (its SDKs' metadata fixture), as the fake Diia shares it. */
const passport = { ...DIIA_SAMPLE_INTERNAL_PASSPORT, fileName: 'internal-passport-1.pdf.p7s.p7e' };
const taxpayerCard = { ...DIIA_SAMPLE_TAXPAYER_CARD, fileName: 'taxpayer-card-1.pdf.p7s.p7e' };
const shared = (data: Record<string, unknown>, requestId = '7d3f0c1e-2b4a-4c5d-8e6f-0a1b2c3d4e5f') =>
  JSON.stringify({ requestId, documentTypes: Object.keys(data), data });

const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DiiaDocumentsError, String(error));
    return error.problems.length > 0 ? error.problems : [error.message];
  }
  assert.fail('expected a DiiaDocumentsError');
};

test('fills the profile from the ID card and the tax number card, as people write names', () => {
  const documents = parseDiiaDocuments(
    shared({ 'internal-passport': [passport], 'taxpayer-card': [taxpayerCard] }),
  );
  assert.equal(documents.requestId, '7d3f0c1e-2b4a-4c5d-8e6f-0a1b2c3d4e5f');
  assert.deepEqual(diiaProfile(documents), {
    firstName: 'Надія',
    middleName: 'Володимирівна',
    lastName: 'Дія',
    birthDate: '1980-01-24',
    taxNumber: '2924300123',
    passportData:
      'ID-картка № 123456789, УНЗР 19800124-01234, видана 13.12.2019 органом 8031, дійсна до 13.12.2029, ' +
      'місце проживання: УКРАЇНА М. КИЇВ ВУЛ. ЦИФРОВІЗАЦІЇ БУД. 25 КВ. 18',
  });
});

test('without the tax number card, the tax number printed with the ID card data is used', () => {
  const profile = diiaProfile(parseDiiaDocuments(shared({ 'internal-passport': [passport] })));
  assert.equal(profile.taxNumber, '2924300123');
});

test('someone without a tax number (refused for religious reasons) gets none, not an error', () => {
  const profile = diiaProfile(
    parseDiiaDocuments(shared({ 'internal-passport': [{ ...passport, taxpayerNumber: '' }] })),
  );
  assert.equal(profile.taxNumber, null);
});

test('with the tax number card alone, names and birth date come from it and there is no passport line', () => {
  const profile = diiaProfile(parseDiiaDocuments(shared({ 'taxpayer-card': [taxpayerCard] })));
  assert.deepEqual(
    { name: [profile.lastName, profile.firstName, profile.middleName], birthDate: profile.birthDate },
    { name: ['Дія', 'Надія', 'Володимирівна'], birthDate: '1980-01-24' },
  );
  assert.equal(profile.passportData, null);
});

test('capitals become names with apostrophes and hyphens respected; a missing middle name is null', () => {
  const profile = diiaProfile(
    parseDiiaDocuments(
      shared({
        'internal-passport': [
          { ...passport, lastNameUA: "Д'ЯЧЕНКО-ЩЕРБА", firstNameUA: 'ОЛЕНА-МАРІЯ', middleNameUA: '' },
        ],
      }),
    ),
  );
  assert.deepEqual(
    [profile.lastName, profile.firstName, profile.middleName],
    ["Д'яченко-Щерба", 'Олена-Марія', null],
  );
});

test('barcode sharing’s shape, a document as an object instead of an array, is read the same', () => {
  const documents = parseDiiaDocuments({ requestId: 'r', data: { 'internal-passport': passport } });
  assert.equal(documents.internalPassport?.docNumber, '123456789');
});

test('the passport line fits the 255-character column', () => {
  const profile = diiaProfile(
    parseDiiaDocuments(
      shared({ 'internal-passport': [{ ...passport, residenceUA: 'ВУЛ. ДОВГА '.repeat(40) }] }),
    ),
  );
  assert.equal(profile.passportData?.length, 255);
  assert.ok(profile.passportData?.endsWith('…'));
});

test('data that is not JSON, or has no documents, is DiiaDocumentsError', () => {
  assert.deepEqual(
    problemsOf(() => parseDiiaDocuments('{not json')),
    ['The documents’ data is not JSON'],
  );
  assert.deepEqual(
    problemsOf(() => parseDiiaDocuments(shared({}))),
    ['The member shared neither the ID card nor the tax number'],
  );
  assert.deepEqual(
    problemsOf(() => parseDiiaDocuments('[]')),
    ['/ must be object'],
  );
});

test('data larger than the column keeping it is DiiaDocumentsError, not a database error', () => {
  assert.ok(DIIA_ANSWER_MAX_BYTES <= textCapacityOf(members.diiaAnswer).bytes);
  const padded = (bytes: number) => {
    const data = shared({ 'internal-passport': [passport] });
    // Cyrillic padding: 2 bytes a character, so the limit is counted in bytes, not characters.
    const pad = 'Ж'.repeat((bytes - Buffer.byteLength(data) - ',"pad":""'.length) / 2);
    return `${data.slice(0, -1)},"pad":"${pad}"}`;
  };
  assert.equal(
    parseDiiaDocuments(padded(DIIA_ANSWER_MAX_BYTES)).internalPassport?.docNumber,
    passport.docNumber,
  );
  assert.deepEqual(
    problemsOf(() => parseDiiaDocuments(padded(DIIA_ANSWER_MAX_BYTES + 2))),
    [`The documents’ data is larger than ${DIIA_ANSWER_MAX_BYTES} bytes`],
  );
});

test('malformed documents are reported by where they fail, never by their values', () => {
  const problems = problemsOf(() =>
    parseDiiaDocuments(
      shared({
        'internal-passport': [{ ...passport, birthday: '1980-01-24', firstNameUA: undefined }],
        'taxpayer-card': [{ ...taxpayerCard, docNumber: '12345' }],
      }),
    ),
  );
  assert.ok(
    problems.some((problem) => problem.startsWith('/data/internal-passport/0 ')),
    problems.join('\n'),
  );
  assert.ok(problems.some((problem) => problem.startsWith('/data/internal-passport/0/birthday ')));
  assert.ok(problems.some((problem) => problem.startsWith('/data/taxpayer-card/0/docNumber ')));
  assert.ok(problems.every((problem) => !problem.includes('1980-01-24') && !problem.includes('12345 ')));
});

test('a birth date that does not exist is refused', () => {
  const documents = parseDiiaDocuments(
    shared({ 'internal-passport': [{ ...passport, birthday: '31.02.1980' }] }),
  );
  assert.throws(() => diiaProfile(documents), /no valid birth date/);
});

test('files become the ID card and the tax number card, by their field or by the names the data gives', () => {
  const documents: DiiaDocuments = parseDiiaDocuments(
    shared({ 'internal-passport': [passport], 'taxpayer-card': [taxpayerCard] }),
  );
  assert.equal(
    identityDocumentTypeOf({ documentType: 'internal-passport', fileName: 'x' }, documents),
    'id_card_front',
  );
  assert.equal(
    identityDocumentTypeOf({ documentType: 'taxpayer-card', fileName: 'x' }, documents),
    'tax_number_card',
  );
  assert.equal(
    identityDocumentTypeOf({ documentType: null, fileName: 'taxpayer-card-1.pdf.p7s.p7e' }, documents),
    'tax_number_card',
  );
  assert.equal(
    identityDocumentTypeOf({ documentType: null, fileName: 'internal-passport-1.pdf.p7s.p7e' }, documents),
    'id_card_front',
  );
  assert.equal(identityDocumentTypeOf({ documentType: 'driver-license', fileName: 'y' }, documents), null);
  assert.equal(identityDocumentTypeOf({ documentType: 'toString', fileName: 'y' }, documents), null);
});

test('a decrypted file’s media type comes from its first bytes', () => {
  assert.equal(diiaFileMime(Buffer.from('%PDF-1.7\n')), 'application/pdf');
  assert.equal(diiaFileMime(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
  assert.equal(diiaFileMime(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'image/png');
  assert.equal(diiaFileMime(Buffer.from('hello')), 'application/octet-stream');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startFakeDiia } from '@kasa/testing';
import { readDiiaCallbackParts } from '../src/diia/diia-callback-parts.ts';
import { diiaProfile, identityDocumentTypeOf, parseDiiaDocuments } from '../src/diia/diia-documents.ts';
import { DiiaDocumentsError } from '../src/diia/diia-errors.ts';
import { diiaCallbackInput, TestDiiaDecryptor } from './support/diia-test-decryptor.ts';

const REQUEST_ID = '0b6c3a52-7a4e-4f0e-9d8c-3f2a1b0c9d8e';

test('the fake Diia’s callback goes through parsing, the test decryptor and the mapping to a profile and documents', async () => {
  const diia = await startFakeDiia();
  try {
    const callback = diia.callbackFor(REQUEST_ID);
    const parts = readDiiaCallbackParts(await diiaCallbackInput(callback));
    assert.equal(parts.requestId, REQUEST_ID);
    const decryptor = new TestDiiaDecryptor();
    const documents = parseDiiaDocuments(await decryptor.decryptData(parts.encodeData));
    assert.equal(documents.requestId, REQUEST_ID);
    assert.deepEqual(
      { ...diiaProfile(documents), passportData: undefined },
      {
        firstName: 'Надія',
        middleName: 'Володимирівна',
        lastName: 'Дія',
        birthDate: '1980-01-24',
        taxNumber: '2924300123',
        passportData: undefined,
      },
    );
    const files = await Promise.all(
      parts.files.map(async (file) => ({
        type: identityDocumentTypeOf(file, documents),
        content: await decryptor.decryptFile(file.encrypted),
      })),
    );
    assert.deepEqual(
      files.map(({ type, content }) => [type, content.toString('latin1')]),
      callback.files.map((file) => [
        file.fieldName === 'internal-passport' ? 'id_card_front' : 'tax_number_card',
        file.content.toString('latin1'),
      ]),
    );
  } finally {
    await diia.close();
  }
});

test('the fake Diia can leave a document out, change fields, or send malformed data', async () => {
  const diia = await startFakeDiia();
  try {
    const noCard = diia.callbackFor(REQUEST_ID, {
      taxpayerCard: null,
      internalPassport: { firstNameUA: 'ОЛЕНА' },
    });
    const parts = readDiiaCallbackParts(await diiaCallbackInput(noCard));
    assert.deepEqual(
      parts.files.map((file) => file.documentType),
      ['internal-passport'],
    );
    const decryptor = new TestDiiaDecryptor();
    assert.equal(
      diiaProfile(parseDiiaDocuments(await decryptor.decryptData(parts.encodeData))).firstName,
      'Олена',
    );

    const malformed = diia.callbackFor(REQUEST_ID, {
      data: { data: 'nothing' },
      withoutRequestIdHeader: true,
    });
    const malformedParts = readDiiaCallbackParts(await diiaCallbackInput(malformed));
    assert.equal(malformedParts.requestId, null);
    const malformedData = await decryptor.decryptData(malformedParts.encodeData);
    assert.throws(() => parseDiiaDocuments(malformedData), DiiaDocumentsError);
  } finally {
    await diia.close();
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  diiaCallbackInputOf,
  plainFileName,
  readDiiaCallbackParts,
} from '../src/diia/diia-callback-parts.ts';
import { DiiaCallbackError } from '../src/diia/diia-errors.ts';

const REQUEST_ID = '0b6c3a52-7a4e-4f0e-9d8c-3f2a1b0c9d8e';
const upload = (fieldName: string, fileName: string, content: string | Buffer) => ({
  fieldName,
  fileName,
  content: typeof content === 'string' ? Buffer.from(content, 'latin1') : content,
});

test('reads the request id header, encodeData and one encrypted file per document', () => {
  const parts = readDiiaCallbackParts({
    headers: { 'X-Document-Request-Trace-Id': REQUEST_ID },
    fields: { encodeData: 'ZGF0YQ==' },
    files: [
      upload('internal-passport', 'internal-passport-1.pdf.p7s.p7e', 'cGFzc3BvcnQ=\r\n'),
      upload('taxpayer-card', 'taxpayer-card-1.pdf.p7s.p7e', 'Y2FyZA=='),
    ],
  });
  assert.deepEqual(parts, {
    requestId: REQUEST_ID,
    encodeData: 'ZGF0YQ==',
    files: [
      {
        fieldName: 'internal-passport',
        fileName: 'internal-passport-1.pdf.p7s.p7e',
        plainFileName: 'internal-passport-1.pdf',
        documentType: 'internal-passport',
        encrypted: 'cGFzc3BvcnQ=',
      },
      {
        fieldName: 'taxpayer-card',
        fileName: 'taxpayer-card-1.pdf.p7s.p7e',
        plainFileName: 'taxpayer-card-1.pdf',
        documentType: 'taxpayer-card',
        encrypted: 'Y2FyZA==',
      },
    ],
  });
});

test('without the header, a requestId field stands in; with neither, the id is null', () => {
  const base = { fields: { encodeData: 'ZGF0YQ==' }, files: [] };
  assert.equal(
    readDiiaCallbackParts({ ...base, headers: {}, fields: { ...base.fields, requestId: 'r-1' } }).requestId,
    'r-1',
  );
  assert.equal(readDiiaCallbackParts({ ...base, headers: {} }).requestId, null);
  assert.throws(
    () => readDiiaCallbackParts({ ...base, headers: { 'x-document-request-trace-id': 'a b<script>' } }),
    DiiaCallbackError,
  );
});

test('a form without encodeData, or with encodeData that is not base64, is DiiaCallbackError', () => {
  assert.throws(() => readDiiaCallbackParts({ headers: {}, fields: {}, files: [] }), /no encodeData/);
  assert.throws(
    () => readDiiaCallbackParts({ headers: {}, fields: { encodeData: '{"plain": true}' }, files: [] }),
    /not base64/,
  );
  assert.throws(
    () =>
      readDiiaCallbackParts({
        headers: {},
        fields: { encodeData: 'ZGF0YQ==' },
        files: [upload('x', 'x', '')],
      }),
    /part is empty/,
  );
});

test('encodeData sent as a file part is read too, and a file sent as raw bytes is base64-encoded', () => {
  const raw = Buffer.from([0x30, 0x82, 0x01, 0xff, 0x00]);
  const parts = readDiiaCallbackParts({
    headers: {},
    fields: {},
    files: [upload('encodeData', 'blob', 'ZGF0YQ=='), upload('taxpayer-card', 'card.p7e', raw)],
  });
  assert.equal(parts.encodeData, 'ZGF0YQ==');
  assert.deepEqual(
    parts.files.map((file) => [file.fieldName, file.encrypted]),
    [['taxpayer-card', raw.toString('base64')]],
  );
});

test('barcode sharing’s single encryptedFile takes its name from encryptedFileName', () => {
  const parts = readDiiaCallbackParts({
    headers: {},
    fields: { encodeData: 'ZGF0YQ==', encryptedFileName: 'passport.pdf.p7s.p7e' },
    files: [upload('encryptedFile', 'blob', 'Y2FyZA==')],
  });
  assert.deepEqual(
    parts.files.map((file) => [file.fileName, file.plainFileName, file.documentType]),
    [['passport.pdf.p7s.p7e', 'passport.pdf', null]],
  );
});

test('plain file names lose directories, the envelope suffixes and unsafe characters', () => {
  assert.equal(plainFileName('../../etc/Паспорт 1.pdf.p7s.p7e', 'internal-passport'), 'Паспорт_1.pdf');
  assert.equal(plainFileName('C:\\tmp\\card.PDF.P7S', 'taxpayer-card'), 'card.PDF');
  assert.equal(plainFileName('.p7s.p7e', 'taxpayer-card'), 'taxpayer-card.pdf');
  assert.equal(plainFileName('...', 'bad field!'), 'bad_field_.pdf');
});

const form = (...parts: string[]) =>
  Buffer.from(`${parts.map((part) => `--b\r\n${part}\r\n`).join('')}--b--\r\n`, 'utf8');
const field = (name: string, value: string) =>
  `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}`;
const file = (name: string, fileName: string, value: string) =>
  `Content-Disposition: form-data; name="${name}"; filename="${fileName}"\r\n\r\n${value}`;

test('a raw multipart body becomes the fields and files the parts reader takes', async () => {
  const input = await diiaCallbackInputOf(
    form(field('encodeData', 'ZGF0YQ=='), file('taxpayer-card', 'card.p7e', 'Y2FyZA==')),
    'multipart/form-data; boundary=b',
    { 'x-document-request-trace-id': REQUEST_ID },
  );
  assert.deepEqual(
    {
      fields: { ...input.fields },
      files: input.files.map((upload) => ({ ...upload, content: upload.content.toString() })),
    },
    {
      fields: { encodeData: 'ZGF0YQ==' },
      files: [{ fieldName: 'taxpayer-card', fileName: 'card.p7e', content: 'Y2FyZA==' }],
    },
  );
  assert.equal(readDiiaCallbackParts(input).requestId, REQUEST_ID);
});

test('a body that is not a multipart form, or has more parts than Diia sends, is DiiaCallbackError', async () => {
  await assert.rejects(
    diiaCallbackInputOf(Buffer.from('{}'), 'application/json', {}),
    /not a multipart form/,
  );
  await assert.rejects(
    diiaCallbackInputOf(Buffer.from('no boundary here'), 'multipart/form-data; boundary=b', {}),
    DiiaCallbackError,
  );
  const eleven = Array.from({ length: 11 }, (_, index) => file(`doc-${index}`, `${index}.p7e`, 'Y2FyZA=='));
  await assert.rejects(
    diiaCallbackInputOf(
      form(field('encodeData', 'ZGF0YQ=='), ...eleven),
      'multipart/form-data; boundary=b',
      {},
    ),
    /more parts than Diia sends/,
  );
});

test('field names like __proto__ are plain fields', async () => {
  const input = await diiaCallbackInputOf(
    form(field('__proto__', 'x'), field('encodeData', 'ZGF0YQ==')),
    'multipart/form-data; boundary=b',
    {},
  );
  assert.equal(Object.getOwnPropertyDescriptor(input.fields, '__proto__')?.value, 'x');
  assert.equal(readDiiaCallbackParts(input).encodeData, 'ZGF0YQ==');
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ConfigError } from '@kasa/config';
import { freePort, TEST_DIIA_ENVELOPE_MARKER, testDiiaEnvelope } from '@kasa/testing';
import { createDiiaDecryptor } from '../src/diia/diia-decryptor.ts';
import { DiiaDecryptionError, DiiaDecryptorUnavailableError } from '../src/diia/diia-errors.ts';
import { HttpDiiaDecryptor } from '../src/diia/http-diia-decryptor.ts';
import {
  TEST_DIIA_ENVELOPE_MARKER as DECRYPTOR_MARKER,
  TestDiiaDecryptor,
} from '../src/diia/test-diia-decryptor.ts';
import { type FakeDecryptorSidecar, startFakeDecryptorSidecar } from './support/diia-test-decryptor.ts';

let sidecar: FakeDecryptorSidecar;
before(async () => {
  sidecar = await startFakeDecryptorSidecar();
});
after(() => sidecar.close());

const decryptor = (timeoutMs = 2_000) => new HttpDiiaDecryptor({ url: sidecar.url, timeoutMs });
const PDF = Buffer.from('%PDF-1.4\n\u00ff binary \u0000 bytes\n%%EOF\n', 'latin1');

test('the sidecar opens encodeData into the JSON text Diia signed, told it is the data part', async () => {
  const json = JSON.stringify({ requestId: 'r-1', data: { 'taxpayer-card': [{ docNumber: '2924300123' }] } });
  assert.equal(await decryptor().decryptData(testDiiaEnvelope(json)), json);
  assert.equal(sidecar.calls.at(-1)?.kind, 'data');
});

test('the sidecar opens a file into its exact bytes, told it is a file part', async () => {
  const plain = await decryptor().decryptFile(testDiiaEnvelope(PDF));
  assert.ok(plain.equals(PDF));
  assert.equal(sidecar.calls.at(-1)?.kind, 'file');
  assert.equal(sidecar.calls.at(-1)?.encrypted, testDiiaEnvelope(PDF));
});

test('a part the sidecar cannot open (422) is DiiaDecryptionError: permanent', async () => {
  await assert.rejects(
    decryptor().decryptFile(Buffer.from('forged').toString('base64')),
    (error: unknown) => {
      assert.ok(error instanceof DiiaDecryptionError);
      assert.equal(
        error.message,
        'The Diia decryptor could not open the file part: not an envelope for this key',
      );
      return true;
    },
  );
});

test('a sidecar failing on its side (500) is DiiaDecryptorUnavailableError: try later', async () => {
  sidecar.failNext(1, 500);
  await assert.rejects(decryptor().decryptData(testDiiaEnvelope('{}')), (error: unknown) => {
    assert.ok(error instanceof DiiaDecryptorUnavailableError);
    assert.equal(error.statusCode, 503);
    return true;
  });
});

test('a sidecar that is not running is DiiaDecryptorUnavailableError', async () => {
  const closedPort = await freePort();
  const absent = new HttpDiiaDecryptor({ url: `http://127.0.0.1:${closedPort}/unwrap`, timeoutMs: 1_000 });
  await assert.rejects(absent.decryptFile(testDiiaEnvelope(PDF)), (error: unknown) => {
    assert.ok(error instanceof DiiaDecryptorUnavailableError);
    assert.match(error.message, /ECONNREFUSED/);
    return true;
  });
});

test('decrypted data that is not UTF-8 is DiiaDecryptionError', async () => {
  await assert.rejects(
    decryptor().decryptData(testDiiaEnvelope(Buffer.from([0xff, 0xfe, 0x00]))),
    DiiaDecryptionError,
  );
});

test('the test decryptor opens the fake Diia’s envelopes and refuses anything else', async () => {
  assert.equal(
    DECRYPTOR_MARKER,
    TEST_DIIA_ENVELOPE_MARKER,
    'the fake and the decryptor agree on the envelope',
  );
  const test = new TestDiiaDecryptor();
  assert.equal(await test.decryptData(testDiiaEnvelope('{"a":1}')), '{"a":1}');
  assert.ok((await test.decryptFile(testDiiaEnvelope(PDF))).equals(PDF));
  await assert.rejects(test.decryptFile(PDF.toString('base64')), DiiaDecryptionError);
  await assert.rejects(test.decryptFile('not base64!'), DiiaDecryptionError);
});

test('createDiiaDecryptor: none configured is null, `test` the test envelopes, a URL the sidecar', () => {
  const base = { NODE_ENV: 'development', DIIA_TIMEOUT_MS: 1_000 } as const;
  assert.equal(createDiiaDecryptor(base), null);
  assert.ok(createDiiaDecryptor({ ...base, DIIA_DECRYPTOR: 'test' }) instanceof TestDiiaDecryptor);
  assert.ok(createDiiaDecryptor({ ...base, DIIA_DECRYPTOR: sidecar.url }) instanceof HttpDiiaDecryptor);
  assert.throws(
    () => createDiiaDecryptor({ ...base, NODE_ENV: 'production', DIIA_DECRYPTOR: 'test' }),
    ConfigError,
  );
});

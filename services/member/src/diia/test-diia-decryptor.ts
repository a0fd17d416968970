import { strictBase64 } from './base64.ts';
import type { DiiaDecryptor } from './diia-decryptor.ts';
import { DiiaDecryptionError } from './diia-errors.ts';

/**
 * The fake Diia's envelope (`@kasa/testing`'s fake-diia builds it): base64 of this marker
 * followed by the plain bytes. Reversible and signed by nobody, hence refused in production;
 * it exists so that local runs and tests go through the same decrypt step as real callbacks.
 */
export const TEST_DIIA_ENVELOPE_MARKER = 'kasa-test-diia-envelope\n';

const MARKER = Buffer.from(TEST_DIIA_ENVELOPE_MARKER, 'utf8');

/** DIIA_DECRYPTOR=test: opens the fake Diia's envelopes and nothing else. */
export class TestDiiaDecryptor implements DiiaDecryptor {
  async decryptData(encodeData: string): Promise<string> {
    const plain = unwrapTestEnvelope(encodeData, 'encodeData');
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(plain);
    } catch {
      throw new DiiaDecryptionError('The decrypted encodeData is not UTF-8 text');
    }
  }

  async decryptFile(encrypted: string): Promise<Buffer> {
    return unwrapTestEnvelope(encrypted, 'file');
  }
}

function unwrapTestEnvelope(encrypted: string, what: string): Buffer {
  const base64 = strictBase64(encrypted);
  const bytes = base64 === null ? null : Buffer.from(base64, 'base64');
  if (bytes === null || !bytes.subarray(0, MARKER.length).equals(MARKER)) {
    throw new DiiaDecryptionError(`The ${what} part is not a test envelope`);
  }
  return bytes.subarray(MARKER.length);
}

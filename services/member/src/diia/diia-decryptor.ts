import { ConfigError } from '@kasa/config';
import type { DiiaSettings } from './diia-settings.ts';
import { HttpDiiaDecryptor } from './http-diia-decryptor.ts';
import { TestDiiaDecryptor } from './test-diia-decryptor.ts';

/**
 * Opens what Diia sends to the callback. Every part (`encodeData` and each file) is the base64
 * text of a CMS envelope: signed by Diia, then encrypted for the fund's certificate, in
 * Ukrainian DSTU crypto that only the vendor's library speaks. Implementations decrypt with
 * the fund's key and check Diia's signature; they throw `DiiaDecryptionError` for a part that
 * fails either, and `DiiaDecryptorUnavailableError` when they cannot work right now.
 */
export interface DiiaDecryptor {
  /** `encodeData` → the documents' data, the JSON text Diia signed. */
  decryptData(encodeData: string): Promise<string>;
  /** One attached file's base64 text, as Diia sent it → the plain file (a PDF). */
  decryptFile(encrypted: string): Promise<Buffer>;
}

/**
 * The decryptor DIIA_DECRYPTOR names: the HTTP sidecar at its URL, or the test envelopes.
 * Null when none is configured: the caller keeps the raw callback and answers 503.
 */
export function createDiiaDecryptor(
  settings: Pick<DiiaSettings, 'NODE_ENV' | 'DIIA_DECRYPTOR' | 'DIIA_TIMEOUT_MS'>,
): DiiaDecryptor | null {
  const { DIIA_DECRYPTOR: decryptor } = settings;
  if (decryptor === undefined) return null;
  if (decryptor === 'test') {
    if (settings.NODE_ENV === 'production') {
      throw new ConfigError(['DIIA_DECRYPTOR=test is refused when NODE_ENV=production']);
    }
    return new TestDiiaDecryptor();
  }
  return new HttpDiiaDecryptor({ url: decryptor, timeoutMs: settings.DIIA_TIMEOUT_MS });
}

import { strictBase64 } from './base64.ts';
import type { DiiaDecryptor } from './diia-decryptor.ts';
import { DiiaDecryptionError, DiiaDecryptorUnavailableError } from './diia-errors.ts';
import { fetchFailureReason } from './fetch-failure.ts';

export interface HttpDiiaDecryptorOptions {
  /** The sidecar's endpoint, e.g. `http://127.0.0.1:8095/unwrap` (DIIA_DECRYPTOR). */
  url: string;
  timeoutMs: number;
}

/** The part kinds the sidecar is told about, for its logs and limits; it unwraps both alike. */
export type DiiaPartKind = 'data' | 'file';

/**
 * Decrypts through a sidecar that holds the fund's key and runs the vendor's DSTU library
 * (IIT's EUSignCP or UAPKI, as Diia's own SDKs do). The sidecar listens on a private address
 * only: what it returns is personal data. One part per call:
 *
 * ```
 * POST {DIIA_DECRYPTOR}
 * content-type: application/json
 * { "kind": "data" | "file", "encrypted": "<the part's base64 text, exactly as Diia sent it>" }
 *
 * 200 { "plain": "<base64 of the content: decrypted with the fund's key, Diia's signature checked>" }
 * 400 or 422 { "message": "…" }   not an envelope for our key, or the signature does not verify
 * anything else, or no answer      the sidecar cannot work now; the callback is kept and retried
 * ```
 *
 * The sidecar's own messages are quoted in errors: it must not echo the content it failed on.
 */
export class HttpDiiaDecryptor implements DiiaDecryptor {
  readonly #url: string;
  readonly #timeoutMs: number;

  constructor(options: HttpDiiaDecryptorOptions) {
    this.#url = options.url;
    this.#timeoutMs = options.timeoutMs;
  }

  async decryptData(encodeData: string): Promise<string> {
    const plain = await this.#unwrap('data', encodeData);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(plain);
    } catch {
      throw new DiiaDecryptionError('The decrypted encodeData is not UTF-8 text');
    }
  }

  decryptFile(encrypted: string): Promise<Buffer> {
    return this.#unwrap('file', encrypted);
  }

  async #unwrap(kind: DiiaPartKind, encrypted: string): Promise<Buffer> {
    let status: number;
    let text: string;
    try {
      const response = await fetch(this.#url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ kind, encrypted }),
        redirect: 'error',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw new DiiaDecryptorUnavailableError(
        `The Diia decryptor did not answer: ${fetchFailureReason(error, this.#timeoutMs)}`,
      );
    }
    const body = parseObject(text);
    if (status === 400 || status === 422) {
      const message = typeof body?.message === 'string' ? `: ${body.message.slice(0, 300)}` : '';
      throw new DiiaDecryptionError(`The Diia decryptor could not open the ${kind} part${message}`);
    }
    if (status !== 200) {
      throw new DiiaDecryptorUnavailableError(`The Diia decryptor answered ${status}`);
    }
    const plain = typeof body?.plain === 'string' ? strictBase64(body.plain) : null;
    if (plain === null) {
      throw new DiiaDecryptorUnavailableError('The Diia decryptor answered 200 without base64 `plain`');
    }
    return Buffer.from(plain, 'base64');
  }
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

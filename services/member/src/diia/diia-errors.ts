import { AppError } from '@kasa/http';

/**
 * What can go wrong between us and Diia. Each error carries the status our caller should
 * answer with and a stable code; none carries a `cause` or a URL, because the session-token
 * path holds the acquirer token and error logs keep causes.
 */

/** Diia did not answer, answered 5xx/429, timed out, or answered something unreadable: try later (503). */
export class DiiaUnavailableError extends AppError {
  /** Diia's HTTP status, or null when no answer came. */
  readonly diiaStatus: number | null;

  constructor(message: string, diiaStatus: number | null = null) {
    super({ statusCode: 503, code: 'diia_unavailable', message: message });
    this.name = 'DiiaUnavailableError';
    this.diiaStatus = diiaStatus;
  }
}

/**
 * Diia refused the request (4xx): a wrong acquirer token, branch or offer, or a request Diia
 * finds invalid. Repeating it will not help; our configuration or our request must change.
 */
export class DiiaRejectedError extends AppError {
  readonly diiaStatus: number;
  /** Diia's own `message`, secrets scrubbed; null when the answer had none. */
  readonly diiaMessage: string | null;

  constructor(message: string, diiaStatus: number, diiaMessage: string | null) {
    super({ statusCode: 502, code: 'diia_rejected', message: message });
    this.name = 'DiiaRejectedError';
    this.diiaStatus = diiaStatus;
    this.diiaMessage = diiaMessage;
  }
}

/** The decryptor (sidecar) could not be reached or failed on its side: keep the callback, try later. */
export class DiiaDecryptorUnavailableError extends AppError {
  constructor(message: string) {
    super({ statusCode: 503, code: 'diia_decryptor_unavailable', message: message });
    this.name = 'DiiaDecryptorUnavailableError';
  }
}

/**
 * A part could not be decrypted or its signature did not verify: not Diia's envelope for our
 * key, tampered, or not from Diia at all. Trying again will not change the answer.
 */
export class DiiaDecryptionError extends AppError {
  constructor(message: string) {
    super({ statusCode: 400, code: 'diia_decryption_failed', message: message });
    this.name = 'DiiaDecryptionError';
  }
}

/** The callback's multipart form is not what Diia sends (no `encodeData`, a part that is not base64). */
export class DiiaCallbackError extends AppError {
  constructor(message: string) {
    super({ statusCode: 400, code: 'diia_callback_invalid', message: message });
    this.name = 'DiiaCallbackError';
  }
}

/** The decrypted documents do not have the shape we read (a name, a birth date, a tax number). */
export class DiiaDocumentsError extends AppError {
  /** Where the data failed, as JSON pointers with TypeBox's message; never the values themselves. */
  readonly problems: string[];

  constructor(message: string, problems: string[] = []) {
    super({
      statusCode: 422,
      code: 'diia_documents_invalid',
      message: problems.length > 0 ? `${message}: ${problems.join('; ')}` : message,
    });
    this.name = 'DiiaDocumentsError';
    this.problems = problems;
  }
}

import { randomUUID } from 'node:crypto';
import { DiiaRejectedError, DiiaUnavailableError } from './diia-errors.ts';
import { type DiiaSettings, diiaReturnLink, isDiiaConfigured } from './diia-settings.ts';
import { fetchFailureReason } from './fetch-failure.ts';

/** The documents the fund asks for (SPEC §4): the ID card and the tax number (РНОКПП). */
export const DIIA_SHARED_DOCUMENTS = ['internal-passport', 'taxpayer-card'] as const;

export interface DiiaClientOptions {
  /** `https://api2s.diia.gov.ua` (test) or `https://api2.diia.gov.ua`, or a fake in tests. */
  apiUrl: string;
  acquirerToken: string;
  /** The Basic credential for the session-token call: base64 as Diia issues it, or `login:password`. */
  authAcquirerToken?: string;
  branchId: string;
  /** The sharing offer; created on first use when absent (as the seed did on every call). */
  offerId?: string;
  /** Where Diia sends the member back after sharing. */
  returnLink: string;
  timeoutMs: number;
  /** The offer's name, shown to the member in Diia, when this client creates the offer. */
  offerName?: string;
  /** Milliseconds since the epoch; the session token's expiry is measured against it. */
  now?: () => number;
}

/** What the member's app needs to open Diia, and what the callback will be matched by. */
export interface DiiaSharingRequest {
  /** Ours, a fresh UUID: Diia sends it back in `X-Document-Request-Trace-Id` and in the data. */
  requestId: string;
  deeplink: string;
  /** Diia's whole answer to the offer request (`{ deeplink, … }`): the seed passed it to the app as it came. */
  answer: Record<string, unknown>;
}

/** Diia's session tokens live two hours (its SDKs cache them for 2 h); renew a little before. */
const SESSION_TOKEN_LIFETIME_MS = 2 * 60 * 60_000;
const SESSION_TOKEN_RENEW_BEFORE_MS = 5 * 60_000;
const DEFAULT_OFFER_NAME = 'Каса взаємодопомоги: документи для участі в програмі';
/** Enough of Diia's message to act on; it is quoted in logs and to staff. */
const MAX_DIIA_MESSAGE = 300;

interface SessionToken {
  value: string;
  renewAt: number;
}

interface Answer {
  status: number;
  body: unknown;
}

/**
 * Diia's acquirer API, the calls the sharing flow needs (as in the seed and Diia's own SDKs):
 *
 * 1. `GET /api/v1/auth/acquirer/{acquirer token}` with `Authorization: Basic …` → `{ token }`,
 *    a session token kept until shortly before it expires and shared by concurrent calls;
 * 2. `POST /api/v1/acquirers/branch/{branch}/offer` `{ name, returnLink, scopes: { sharing } }`
 *    → `{ _id }`, only when no offer is configured, once per process;
 * 3. `POST /api/v2/acquirers/branch/{branch}/offer-request/dynamic`
 *    `{ offerId, requestId, returnLink }` → `{ deeplink }`.
 *
 * Calls 2 and 3 carry `Authorization: Bearer {session token}`; a 401 there means Diia dropped
 * the token early, so it is fetched again and the call repeated once.
 */
export class DiiaClient {
  readonly #apiUrl: string;
  readonly #acquirerToken: string;
  readonly #basicCredential: string | undefined;
  readonly #branchId: string;
  readonly #returnLink: string;
  readonly #timeoutMs: number;
  readonly #offerName: string;
  readonly #now: () => number;
  #offerId: string | undefined;
  #offerCreation: Promise<string> | undefined;
  #token: SessionToken | undefined;
  #tokenFetch: Promise<string> | undefined;

  constructor(options: DiiaClientOptions) {
    this.#apiUrl = options.apiUrl.replace(/\/+$/, '');
    this.#acquirerToken = options.acquirerToken;
    this.#basicCredential = options.authAcquirerToken && basicCredential(options.authAcquirerToken);
    this.#branchId = options.branchId;
    this.#offerId = options.offerId;
    this.#returnLink = options.returnLink;
    this.#timeoutMs = options.timeoutMs;
    this.#offerName = options.offerName ?? DEFAULT_OFFER_NAME;
    this.#now = options.now ?? Date.now;
  }

  /** Asks Diia for a deeplink that lets the member share the ID card and the tax number with the fund. */
  async requestDocuments(): Promise<DiiaSharingRequest> {
    const offerId = await this.#offer();
    const requestId = randomUUID();
    const { body } = await this.#authorized(
      'offer request',
      'POST',
      `/api/v2/acquirers/branch/${encodeURIComponent(this.#branchId)}/offer-request/dynamic`,
      { offerId, requestId, returnLink: this.#returnLink },
    );
    const answer = isPlainObject(body) ? body : {};
    const { deeplink } = answer;
    if (typeof deeplink !== 'string' || !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(deeplink)) {
      throw new DiiaUnavailableError('Diia answered the offer request without a deeplink', 200);
    }
    return { requestId, deeplink, answer };
  }

  async #offer(): Promise<string> {
    if (this.#offerId !== undefined) return this.#offerId;
    this.#offerCreation ??= this.#createOffer().finally(() => {
      this.#offerCreation = undefined;
    });
    return this.#offerCreation;
  }

  async #createOffer(): Promise<string> {
    const { body } = await this.#authorized(
      'offer creation',
      'POST',
      `/api/v1/acquirers/branch/${encodeURIComponent(this.#branchId)}/offer`,
      {
        name: this.#offerName,
        returnLink: this.#returnLink,
        scopes: { sharing: [...DIIA_SHARED_DOCUMENTS] },
      },
    );
    const id = (body as { _id?: unknown } | null)?._id;
    if (typeof id !== 'string' || id === '') {
      throw new DiiaUnavailableError('Diia answered the offer creation without an offer id', 200);
    }
    this.#offerId = id;
    return id;
  }

  /** A call with the session token; one retry with a new token when Diia says the token is no good. */
  async #authorized(operation: string, method: string, path: string, body: unknown): Promise<Answer> {
    for (let attempt = 1; ; attempt += 1) {
      const token = await this.#sessionToken();
      const answer = await this.#send(
        operation,
        method,
        path,
        {
          accept: 'application/json',
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
        },
        JSON.stringify(body),
      );
      if (answer.status === 401 && attempt === 1) {
        if (this.#token?.value === token) this.#token = undefined;
        continue;
      }
      return this.#checked(operation, answer, token);
    }
  }

  async #sessionToken(): Promise<string> {
    if (this.#token && this.#now() < this.#token.renewAt) return this.#token.value;
    this.#tokenFetch ??= this.#fetchSessionToken().finally(() => {
      this.#tokenFetch = undefined;
    });
    return this.#tokenFetch;
  }

  async #fetchSessionToken(): Promise<string> {
    const answer = await this.#send(
      'session token request',
      'GET',
      `/api/v1/auth/acquirer/${encodeURIComponent(this.#acquirerToken)}`,
      {
        accept: 'application/json',
        ...(this.#basicCredential === undefined ? {} : { authorization: `Basic ${this.#basicCredential}` }),
      },
    );
    const { body } = this.#checked('session token request', answer);
    const value = (body as { token?: unknown } | null)?.token;
    if (typeof value !== 'string' || value === '') {
      throw new DiiaUnavailableError('Diia answered the session token request without a token', 200);
    }
    const obtainedAt = this.#now();
    // An `exp` already past by our clock is skew, not a dead token: a 401 would tell us that.
    const exp = jwtExpiry(value);
    const expiresAt = exp !== null && exp > obtainedAt ? exp : obtainedAt + SESSION_TOKEN_LIFETIME_MS;
    const renewAt = Math.max(
      expiresAt - SESSION_TOKEN_RENEW_BEFORE_MS,
      obtainedAt + (expiresAt - obtainedAt) / 2,
    );
    this.#token = { value, renewAt };
    return value;
  }

  async #send(
    operation: string,
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<Answer> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.#apiUrl}${path}`, {
        method,
        headers,
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new DiiaUnavailableError(
        `Diia did not answer the ${operation}: ${fetchFailureReason(error, this.#timeoutMs)}`,
      );
    }
    return { status: response.status, body: parseJson(text) };
  }

  /** 2xx passes with a JSON body; 408, 429 and 5xx mean try later; any other status is a refusal. */
  #checked(operation: string, answer: Answer, sessionToken?: string): Answer {
    const { status, body } = answer;
    if (status >= 200 && status < 300) {
      if (body === INVALID_JSON) {
        throw new DiiaUnavailableError(`Diia answered the ${operation} with a body that is not JSON`, status);
      }
      return answer;
    }
    if (status === 408 || status === 429 || status >= 500) {
      throw new DiiaUnavailableError(`Diia answered the ${operation} with ${status}`, status);
    }
    const diiaMessage = this.#scrub(messageOf(body), sessionToken);
    throw new DiiaRejectedError(
      `Diia refused the ${operation} (${status})${diiaMessage ? `: ${diiaMessage}` : ''}`,
      status,
      diiaMessage,
    );
  }

  /** Diia's messages may quote what we sent; none of our credentials travels further. */
  #scrub(message: string | null, sessionToken?: string): string | null {
    if (message === null) return null;
    let clean = message;
    for (const secret of [this.#acquirerToken, this.#basicCredential, sessionToken]) {
      if (secret) clean = clean.replaceAll(secret, '[redacted]');
    }
    return clean.length > MAX_DIIA_MESSAGE ? `${clean.slice(0, MAX_DIIA_MESSAGE)}…` : clean;
  }
}

/** The client for a configured Diia, or null when members cannot import from Diia (no acquirer token). */
export function createDiiaClient(
  settings: Omit<DiiaSettings, 'NODE_ENV'>,
  publicUrl: string,
): DiiaClient | null {
  if (!isDiiaConfigured(settings)) return null;
  return new DiiaClient({
    apiUrl: settings.DIIA_API_URL,
    acquirerToken: settings.DIIA_ACQUIRER_TOKEN,
    authAcquirerToken: settings.DIIA_AUTH_ACQUIRER_TOKEN,
    branchId: settings.DIIA_BRANCH_ID,
    offerId: settings.DIIA_OFFER_ID,
    returnLink: diiaReturnLink(settings, publicUrl),
    timeoutMs: settings.DIIA_TIMEOUT_MS,
  });
}

/** `login:password` becomes base64; a value without a colon is already Diia's base64 credential. */
function basicCredential(value: string): string {
  return value.includes(':') ? Buffer.from(value, 'utf8').toString('base64') : value;
}

/** A JWT's `exp` in milliseconds, or null when the token is not a JWT with one. */
function jwtExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (token.split('.').length !== 3 || !payload) return null;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}

const INVALID_JSON = Symbol('invalid JSON');

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}

/** Diia's errors are `{ name, message, code, type }`; older answers put the text in `error`. */
function messageOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const { message, error } = body as { message?: unknown; error?: unknown };
  if (typeof message === 'string' && message !== '') return message;
  if (typeof error === 'string' && error !== '') return error;
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

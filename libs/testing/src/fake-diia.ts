import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text as readText } from 'node:stream/consumers';
import { pdfFile } from './sample-files.ts';

/**
 * The envelope the fake "encrypts" callback parts with: base64 of this marker followed by the
 * plain bytes. The member service's test decryptor (DIIA_DECRYPTOR=test) opens exactly this.
 */
export const TEST_DIIA_ENVELOPE_MARKER = 'kasa-test-diia-envelope\n';

export function testDiiaEnvelope(plain: Buffer | string): string {
  const bytes = typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain;
  return Buffer.concat([Buffer.from(TEST_DIIA_ENVELOPE_MARKER, 'utf8'), bytes]).toString('base64');
}

/** Every request that reached the fake, answered or not. */
export interface FakeDiiaRequest {
  method: string;
  path: string;
  status: number;
  /** The scheme of the Authorization header sent, if any. */
  auth: 'basic' | 'bearer' | null;
  body: unknown;
}

export interface FakeDiiaOffer {
  id: string;
  branchId: string;
  name: string;
  returnLink: string | null;
  sharing: string[];
}

export interface FakeDiiaOfferRequest {
  branchId: string;
  offerId: string;
  requestId: string;
  returnLink: string | null;
  deeplink: string;
}

/** A document's fields over the fake's sample person; null leaves the document out. */
export interface FakeDiiaDocuments {
  internalPassport?: Record<string, unknown> | null;
  taxpayerCard?: Record<string, unknown> | null;
  /** Replaces the whole signed data (for malformed-data tests). */
  data?: unknown;
  /** Leave out the `X-Document-Request-Trace-Id` header. */
  withoutRequestIdHeader?: boolean;
}

/** A callback exactly as Diia would POST it to the fund, parts enveloped for the test decryptor. */
export interface FakeDiiaCallback {
  body: Buffer;
  contentType: string;
  /** `content-type` and `x-document-request-trace-id`. */
  headers: Record<string, string>;
  /** The signed data before enveloping. */
  data: unknown;
  /** The files before enveloping, under the field and file names the body uses. */
  files: { fieldName: string; fileName: string; content: Buffer }[];
}

export interface FakeDiia {
  /** Base URL, e.g. `http://127.0.0.1:40123` (DIIA_API_URL). */
  url: string;
  acquirerToken: string;
  /** The Basic credential, base64 of `acquirer_<n>:<acquirer token>` as Diia issues it. */
  authAcquirerToken: string;
  branchId: string;
  /** A sharing offer for `internal-passport` and `taxpayer-card` that already exists on the branch. */
  offerId: string;
  readonly requests: FakeDiiaRequest[];
  readonly offers: FakeDiiaOffer[];
  readonly offerRequests: FakeDiiaOfferRequest[];
  /** Session tokens handed out, oldest first. */
  readonly sessionTokens: string[];
  /** The next `count` requests, whatever the endpoint, fail with this status and Diia's error body. */
  failNext(count: number, status?: number, message?: string): void;
  /** The next `count` requests are answered only after `ms`. */
  delayNext(count: number, ms: number): void;
  /** Every session token handed out so far stops working (Diia dropped them early). */
  revokeSessionTokens(): void;
  callbackFor(requestId: string, documents?: FakeDiiaDocuments): FakeDiiaCallback;
  close(): Promise<void>;
}

export interface FakeDiiaOptions {
  acquirerToken?: string;
  /** How long a session token lives (its JWT `exp`); Diia's live two hours. */
  sessionTokenSeconds?: number;
}

const AUTH_PATH = /^\/api\/v1\/auth\/acquirer\/([^/]+)$/;
const OFFER_PATH = /^\/api\/v1\/acquirers\/branch\/([^/]+)\/offer$/;
const DYNAMIC_PATH = /^\/api\/v2\/acquirers\/branch\/([^/]+)\/offer-request\/dynamic$/;
const SHARING_SCOPES = ['internal-passport', 'taxpayer-card', 'foreign-passport', 'passport'];

/**
 * A local stand-in for Diia's acquirer API, the part the sharing flow uses:
 * `GET /api/v1/auth/acquirer/{token}` (Basic auth) → `{ token }` (a JWT-shaped session token);
 * `POST /api/v1/acquirers/branch/{branch}/offer` → `{ _id }`;
 * `POST /api/v2/acquirers/branch/{branch}/offer-request/dynamic` `{ offerId, requestId, returnLink }`
 * → `{ deeplink }`. Errors come as Diia's `{ name, message, code, type }`.
 */
export async function startFakeDiia(options: FakeDiiaOptions = {}): Promise<FakeDiia> {
  const acquirerToken = options.acquirerToken ?? `kasa_test_token_${randomBytes(4).toString('hex')}`;
  const authAcquirerToken = Buffer.from(`acquirer_${1000 + randomBytes(1)[0]!}:${acquirerToken}`).toString(
    'base64',
  );
  const branchId = randomBytes(64).toString('hex');
  const sessionSeconds = options.sessionTokenSeconds ?? 2 * 60 * 60;
  const requests: FakeDiiaRequest[] = [];
  const offers: FakeDiiaOffer[] = [
    {
      id: randomBytes(12).toString('hex'),
      branchId,
      name: 'Каса взаємодопомоги',
      returnLink: null,
      sharing: ['internal-passport', 'taxpayer-card'],
    },
  ];
  const offerRequests: FakeDiiaOfferRequest[] = [];
  const sessionTokens: string[] = [];
  const liveTokens = new Map<string, number>();
  const failures: { status: number; message: string | undefined }[] = [];
  const delays: number[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const raw = await readText(request);
    const path = new URL(request.url ?? '/', 'http://fake-diia').pathname;
    const body = parseJson(raw);
    const scheme = (request.headers.authorization ?? '').split(' ')[0]?.toLowerCase();
    const auth = scheme === 'basic' || scheme === 'bearer' ? scheme : null;
    const [status, answer] = route(request, path, body);
    requests.push({ method: request.method ?? '', path, status, auth, body });
    const delayMs = delays.shift() ?? 0;
    if (delayMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, delayMs);
        timers.add(timer);
      });
    }
    if (response.destroyed) return;
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(answer));
  };

  const route = (request: IncomingMessage, path: string, body: unknown): [number, unknown] => {
    const failure = failures.shift();
    if (failure) return [failure.status, diiaError(failure.status, failure.message)];
    const auth = AUTH_PATH.exec(path);
    if (auth) {
      if (request.method !== 'GET') return [405, diiaError(405)];
      if (request.headers.authorization !== `Basic ${authAcquirerToken}`) return [401, diiaError(401)];
      if (decodeURIComponent(auth[1]!) !== acquirerToken)
        return [401, diiaError(401, 'Invalid acquirer token')];
      const token = sessionToken(sessionSeconds);
      sessionTokens.push(token);
      liveTokens.set(token, Date.now() + sessionSeconds * 1000);
      return [200, { token }];
    }
    const offer = OFFER_PATH.exec(path);
    const dynamic = DYNAMIC_PATH.exec(path);
    if (!offer && !dynamic) return [404, diiaError(404)];
    if (request.method !== 'POST') return [405, diiaError(405)];
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer || (liveTokens.get(bearer) ?? 0) < Date.now()) return [401, diiaError(401)];
    const branch = decodeURIComponent((offer ?? dynamic)![1]!);
    if (branch !== branchId) return [404, diiaError(404, 'Branch not found')];
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    return offer ? createOffer(fields) : createOfferRequest(fields);
  };

  const createOffer = (fields: Record<string, unknown>): [number, unknown] => {
    const sharing = (fields.scopes as { sharing?: unknown } | undefined)?.sharing;
    if (typeof fields.name !== 'string' || fields.name === '') {
      return [400, diiaError(400, '"name" is required')];
    }
    if (!Array.isArray(sharing) || sharing.some((scope) => !SHARING_SCOPES.includes(scope as string))) {
      return [400, diiaError(400, '"scopes.sharing" must list known documents')];
    }
    const created: FakeDiiaOffer = {
      id: randomBytes(12).toString('hex'),
      branchId,
      name: fields.name,
      returnLink: typeof fields.returnLink === 'string' ? fields.returnLink : null,
      sharing: sharing as string[],
    };
    offers.push(created);
    return [200, { _id: created.id }];
  };

  const createOfferRequest = (fields: Record<string, unknown>): [number, unknown] => {
    const offerId = fields.offerId;
    if (typeof offerId !== 'string' || !offers.some((offer) => offer.id === offerId)) {
      return [404, diiaError(404, 'Offer not found')];
    }
    if (typeof fields.requestId !== 'string' || fields.requestId === '') {
      return [400, diiaError(400, '"requestId" is required')];
    }
    const deeplink = `https://diia.app/acquirers/offer-request/dynamic/${offerRequests.length + 1}/${randomBytes(16).toString('hex')}`;
    offerRequests.push({
      branchId,
      offerId,
      requestId: fields.requestId,
      returnLink: typeof fields.returnLink === 'string' ? fields.returnLink : null,
      deeplink,
    });
    return [200, { deeplink }];
  };

  const server = createServer((request, response) => {
    response.on('error', () => {});
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    acquirerToken,
    authAcquirerToken,
    branchId,
    offerId: offers[0]!.id,
    requests,
    offers,
    offerRequests,
    sessionTokens,
    failNext(count, status = 500, message) {
      for (let i = 0; i < count; i += 1) failures.push({ status, message });
    },
    delayNext(count, ms) {
      for (let i = 0; i < count; i += 1) delays.push(ms);
    },
    revokeSessionTokens() {
      liveTokens.clear();
    },
    callbackFor: buildCallback,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Diia's sample person (its SDKs' fixtures), with a tax number whose check digit is right. */
export const DIIA_SAMPLE_INTERNAL_PASSPORT = {
  taxpayerNumber: '2924300123',
  residenceUA: 'УКРАЇНА М. КИЇВ ВУЛ. ЦИФРОВІЗАЦІЇ БУД. 25 КВ. 18',
  docNumber: '123456789',
  genderUA: 'Ж',
  nationalityUA: 'Україна',
  lastNameUA: 'ДІЯ',
  firstNameUA: 'НАДІЯ',
  middleNameUA: 'ВОЛОДИМИРІВНА',
  birthday: '24.01.1980',
  birthPlaceUA: 'М. КИЇВ УКРАЇНА',
  issueDate: '13.12.2019',
  expirationDate: '13.12.2029',
  recordNumber: '19800124-01234',
  department: '8031',
  genderEN: 'F',
  lastNameEN: 'DIIA',
  firstNameEN: 'NADIIA',
};

export const DIIA_SAMPLE_TAXPAYER_CARD = {
  creationDate: '08.09.2020',
  docNumber: '2924300123',
  lastNameUA: 'Дія',
  firstNameUA: 'Надія',
  middleNameUA: 'Володимирівна',
  birthday: '24.01.1980',
};

function buildCallback(requestId: string, documents: FakeDiiaDocuments = {}): FakeDiiaCallback {
  const files: FakeDiiaCallback['files'] = [];
  const shared: Record<string, unknown[]> = {};
  const add = (
    type: string,
    sample: Record<string, unknown>,
    fields: Record<string, unknown> | null | undefined,
  ) => {
    if (fields === null) return;
    const fileName = `${type}-${randomBytes(6).toString('hex')}.pdf.p7s.p7e`;
    shared[type] = [{ ...sample, fileName, ...fields }];
    files.push({ fieldName: type, fileName, content: fakePdf(type, requestId) });
  };
  add('internal-passport', DIIA_SAMPLE_INTERNAL_PASSPORT, documents.internalPassport);
  add('taxpayer-card', DIIA_SAMPLE_TAXPAYER_CARD, documents.taxpayerCard);
  const data =
    documents.data !== undefined
      ? documents.data
      : { requestId, documentTypes: Object.keys(shared), data: shared };

  const boundary = `----DiiaBoundary${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [
    part(
      boundary,
      'Content-Disposition: form-data; name="encodeData"',
      testDiiaEnvelope(JSON.stringify(data)),
    ),
    ...files.map((file) =>
      part(
        boundary,
        `Content-Disposition: form-data; name="${file.fieldName}"; filename="${file.fileName}"\r\nContent-Type: application/octet-stream`,
        testDiiaEnvelope(file.content),
      ),
    ),
    Buffer.from(`--${boundary}--\r\n`, 'latin1'),
  ];
  const contentType = `multipart/form-data; boundary=${boundary}`;
  return {
    body: Buffer.concat(chunks),
    contentType,
    headers: {
      'content-type': contentType,
      ...(documents.withoutRequestIdHeader ? {} : { 'x-document-request-trace-id': requestId }),
    },
    data,
    files,
  };
}

function part(boundary: string, headers: string, value: string): Buffer {
  return Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n${value}\r\n`, 'utf8');
}

/** A well-formed PDF (the member service checks a PDF's structure), marked with what it stands for. */
function fakePdf(type: string, requestId: string): Buffer {
  return pdfFile(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'], {
    afterHeader: `% fake Diia copy of ${type} for ${requestId}\n`,
  });
}

/** A JWT-shaped token with an `exp`, as Diia's session tokens are; the signature is noise. */
function sessionToken(seconds: number): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ alg: 'RS256', typ: 'JWT' });
  const payload = encode({
    data: randomBytes(16).toString('hex'),
    exp: Math.floor(Date.now() / 1000) + seconds,
  });
  return `${header}.${payload}.${randomBytes(32).toString('base64url')}`;
}

const ERROR_NAMES: Record<number, [string, string, string]> = {
  400: ['BadRequestError', 'Bad request', 'BAD_REQUEST'],
  401: ['UnauthorizedError', 'Unauthorized', 'UNAUTHORIZED'],
  403: ['AccessDeniedError', 'Access denied', 'ACCESS_DENIED'],
  404: ['NotFoundError', 'Not found', 'NOT_FOUND'],
  405: ['MethodNotAllowedError', 'Method not allowed', 'METHOD_NOT_ALLOWED'],
  429: ['TooManyRequestsError', 'Too many requests', 'TOO_MANY_REQUESTS'],
  500: ['InternalServerError', 'Internal server error', 'INTERNAL_SERVER_ERROR'],
  503: ['ServiceUnavailableError', 'Service unavailable', 'SERVICE_UNAVAILABLE'],
};

/** Diia's error body: `{ name, message, code, type }`. */
function diiaError(status: number, message?: string) {
  const [name, text, type] = ERROR_NAMES[status] ?? ['HttpError', `HTTP ${status}`, 'HTTP_ERROR'];
  return { name, message: message ?? text, code: status, type };
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

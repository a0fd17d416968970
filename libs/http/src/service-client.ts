import type { Readable } from 'node:stream';
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { type Dispatcher, Pool } from 'undici';
import { ERROR_CODE_HEADER } from './error-envelope.ts';
import { AppError, defaultCodeFor, serviceUnavailable } from './errors.ts';
import { REQUEST_ID_HEADER } from './request-id.ts';

export interface ServiceClientOptions {
  /** The service's name, as the client's errors call it: "member is unavailable". */
  name: string;
  baseUrl: string;
  /** Deadline for the whole call: connecting, sending, and reading the answer. */
  timeoutMs?: number;
  /**
   * Deadline for a forwarded upload, answer included: ten photos from a phone on a slow network
   * take far longer than a JSON call.
   */
  uploadTimeoutMs?: number;
  /** Most sockets kept open to the service. */
  connections?: number;
  /** Check answers against their schema; on everywhere but production by default. */
  validateResponses?: boolean;
}

export type QueryValue = string | number | boolean | undefined | null;

/** Where a call goes and who it is for; every kind of call shares these. */
export interface ServiceCall {
  /** Path below the base URL, parameters already encoded: `/members/${encodeURIComponent(id)}`. */
  path: string;
  query?: Record<string, QueryValue | readonly QueryValue[]>;
  headers?: Record<string, string>;
  /** The caller's request id, so one id follows the work across services. */
  requestId?: string;
}

export interface ServiceRequest<T extends TSchema> extends ServiceCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  response: T;
}

/** A body the gateway does not read, sent on to the service as it arrives (a multipart upload). */
export interface ServiceForward<T extends TSchema> extends ServiceCall {
  method: 'POST' | 'PUT' | 'PATCH';
  body: Readable;
  /** Sent as is: a multipart body cannot be read without the boundary this header names. */
  contentType: string;
  /** The client's Content-Length when it sent one; without it the body goes chunked. */
  contentLength?: number;
  response: T;
}

export interface ServiceDownload extends ServiceCall {
  method?: 'GET' | 'POST';
}

/** A file the service answered with, still streaming, for the gateway to send on as it is. */
export interface DownloadAnswer {
  statusCode: number;
  /** Only the headers that describe the file (see DOWNLOAD_HEADERS). */
  headers: Record<string, string>;
  body: Readable;
}

export interface ServiceClient {
  request<T extends TSchema>(options: ServiceRequest<T>): Promise<Static<T>>;
  /** Streams `body` to the service; the answer is handled as `request` handles it. */
  forward<T extends TSchema>(options: ServiceForward<T>): Promise<Static<T>>;
  /** A 2xx answer's body as a stream; any other answer throws as `request` would. */
  download(options: ServiceDownload): Promise<DownloadAnswer>;
  close(): Promise<void>;
}

/**
 * What a file download passes on to our client. Everything else (the service's Server, Date,
 * Connection, its internal headers) stays behind; these let a browser save and cache the file
 * without guessing its type, and never run it.
 */
const DOWNLOAD_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'cache-control',
  'etag',
  'last-modified',
  'x-content-type-options',
  // How a browser may show the file: as a sandbox, inline or as a download (see sendDownload).
  'content-security-policy',
] as const;

type Checker = ReturnType<typeof Compile>;
const checkers = new WeakMap<TSchema, Checker>();

function checkerFor(schema: TSchema): Checker {
  let checker = checkers.get(schema);
  if (!checker) {
    checker = Compile(schema);
    checkers.set(schema, checker);
  }
  return checker;
}

interface RawAnswer {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A request body and the headers that describe it. */
interface Payload {
  body: string | Readable | null;
  headers: Record<string, string>;
}

interface Dispatch {
  accept: string;
  payload: Payload;
  /**
   * Ends the call at its deadline. undici's own headers/body timeouts tick in steps of about a
   * second: too coarse for a JSON call's few seconds.
   */
  signal: AbortSignal;
  /** Longest silence from the service while its answer's body streams. */
  bodyTimeout?: number;
}

export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  const { name, baseUrl, timeoutMs = 5000, uploadTimeoutMs = 60_000, connections = 16 } = options;
  const validate = options.validateResponses ?? process.env.NODE_ENV !== 'production';
  const pool = new Pool(baseUrl, { connections, connect: { timeout: timeoutMs } });
  const unavailable = (cause: unknown) =>
    serviceUnavailable(`${name} is unavailable`, 'service_unavailable', cause);
  /**
   * Any failure to get an answer (refused, reset, timed out) means the service is unavailable,
   * except an AppError: only a forwarded body fails with one (too large, dropped by our own
   * client), and that fault is not the service's.
   */
  const failure = (error: unknown) => (error instanceof AppError ? error : unavailable(error));
  const answered = (method: string, path: string, { statusCode }: RawAnswer) =>
    `${name} answered ${method} ${path} with ${statusCode}`;

  async function dispatch(call: ServiceCall & { method: string }, how: Dispatch) {
    const { method, path, query, headers, requestId } = call;
    try {
      return await pool.request({
        method,
        path: withQuery(path, query),
        headers: {
          accept: how.accept,
          ...how.payload.headers,
          ...(requestId === undefined ? {} : { [REQUEST_ID_HEADER]: requestId }),
          ...headers,
        },
        body: how.payload.body,
        signal: how.signal,
        ...(how.bodyTimeout === undefined ? {} : { bodyTimeout: how.bodyTimeout }),
      });
    } catch (error) {
      throw failure(error);
    }
  }

  async function readWhole(answer: Dispatcher.ResponseData): Promise<RawAnswer> {
    try {
      const text = await answer.body.text();
      return { statusCode: answer.statusCode, headers: answer.headers, text };
    } catch (error) {
      throw failure(error);
    }
  }

  /** A JSON answer: the parsed body on 2xx, the service's error otherwise. */
  function resultOf<T extends TSchema>(
    call: { method: string; path: string; response: T },
    answer: RawAnswer,
  ): Static<T> {
    const what = answered(call.method, call.path, answer);
    const body = parseJson(answer.text);
    if (!isSuccess(answer.statusCode)) throw errorFromAnswer(answer, body, what, unavailable);
    if (body === INVALID_JSON) throw new Error(`${what} and a body that is not JSON`);
    if (validate) {
      const checker = checkerFor(call.response);
      if (!checker.Check(body)) {
        const first = checker.Errors(body)[0];
        const where = first ? ` (${first.instancePath || '/'} ${first.message})` : '';
        throw new Error(`${what} and a body that does not match its schema${where}`);
      }
    }
    return body as Static<T>;
  }

  async function request<T extends TSchema>(call: ServiceRequest<T>): Promise<Static<T>> {
    const payload = call.body === undefined ? NO_PAYLOAD : jsonPayload(call.body);
    return withDeadline(timeoutMs, async (signal) => {
      const answer = await dispatch(call, { accept: JSON_TYPE, payload, signal });
      return resultOf(call, await readWhole(answer));
    });
  }

  /**
   * undici reads `body` only as the service takes it, so a slow service slows the client down
   * instead of filling the gateway's memory. When `body` fails or closes early (the client hung
   * up, the upload went over its limit) undici aborts the call and the service sees its request
   * cut off, never a short body passed off as whole.
   */
  async function forward<T extends TSchema>(call: ServiceForward<T>): Promise<Static<T>> {
    const { body, contentType, contentLength } = call;
    const payload: Payload = {
      body,
      headers: {
        'content-type': contentType,
        ...(contentLength === undefined ? {} : { 'content-length': String(contentLength) }),
      },
    };
    return withDeadline(uploadTimeoutMs, async (signal) => {
      const answer = await dispatch(call, { accept: JSON_TYPE, payload, signal });
      return resultOf(call, await readWhole(answer));
    });
  }

  /**
   * The deadline covers the wait for the answer, not the file's streaming: a file may take long
   * to reach a slow phone, and that wait is not the service's. While the file streams, a service
   * that goes quiet for as long as a whole JSON call fails it instead (undici stops that clock
   * while our client is not reading, and a second's precision is enough for it).
   */
  async function download(call: ServiceDownload): Promise<DownloadAnswer> {
    const method = call.method ?? 'GET';
    return withDeadline(timeoutMs, async (signal) => {
      const answer = await dispatch(
        { ...call, method },
        { accept: '*/*', payload: NO_PAYLOAD, signal, bodyTimeout: timeoutMs },
      );
      if (isSuccess(answer.statusCode)) {
        return { statusCode: answer.statusCode, headers: fileHeaders(answer.headers), body: answer.body };
      }
      const raw = await readWhole(answer);
      throw errorFromAnswer(raw, parseJson(raw.text), answered(method, call.path, raw), unavailable);
    });
  }

  return { request, forward, download, close: () => pool.close() };
}

const JSON_TYPE = 'application/json';

/**
 * Runs the call with a signal that aborts it after `ms`, and drops the timer as soon as the
 * call is done. `AbortSignal.timeout` keeps every timer until it fires: at 2,000 calls a
 * second that is 10,000 live timers, each firing long after its call ended.
 */
async function withDeadline<T>(ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error(`no answer within ${ms} ms`)), ms);
  try {
    return await call(deadline.signal);
  } finally {
    clearTimeout(timer);
  }
}
const NO_PAYLOAD: Payload = { body: null, headers: {} };

function jsonPayload(body: unknown): Payload {
  return { body: JSON.stringify(body), headers: { 'content-type': JSON_TYPE } };
}

function isSuccess(statusCode: number): boolean {
  return statusCode >= 200 && statusCode < 300;
}

function fileHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of DOWNLOAD_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') kept[name] = value;
  }
  return kept;
}

const INVALID_JSON = Symbol('invalid JSON');

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}

/** A service's error envelope travels on to our client as is: its 404 stays a 404. */
function errorFromAnswer(
  { statusCode, headers }: RawAnswer,
  body: unknown,
  what: string,
  unavailable: (cause: unknown) => AppError,
): Error {
  const message = (body as { message?: unknown } | undefined)?.message;
  if (typeof body !== 'object' || body === null || typeof message !== 'string') {
    return statusCode >= 500 ? unavailable(new Error(what)) : new Error(`${what} and no error envelope`);
  }
  const code = headers[ERROR_CODE_HEADER];
  const retryAfter = headers['retry-after'];
  return new AppError({
    statusCode,
    code: typeof code === 'string' ? code : defaultCodeFor(statusCode),
    message,
    headers: typeof retryAfter === 'string' ? { 'retry-after': retryAfter } : {},
    cause: new Error(what),
  });
}

function withQuery(path: string, query: ServiceCall['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const values: readonly QueryValue[] = Array.isArray(value) ? value : [value as QueryValue];
    for (const item of values) if (item !== undefined && item !== null) params.append(key, String(item));
  }
  const search = params.toString();
  if (!search) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${search}`;
}

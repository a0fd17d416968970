import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Pool } from 'undici';
import { ERROR_CODE_HEADER } from './error-envelope.ts';
import { AppError, defaultCodeFor, serviceUnavailable } from './errors.ts';
import { REQUEST_ID_HEADER } from './request-id.ts';

export interface ServiceClientOptions {
  /** The service's name, as the client's errors call it: "member is unavailable". */
  name: string;
  baseUrl: string;
  /** Deadline for the whole call: connecting, sending, and reading the answer. */
  timeoutMs?: number;
  /** Most sockets kept open to the service. */
  connections?: number;
  /** Check answers against their schema; on everywhere but production by default. */
  validateResponses?: boolean;
}

export type QueryValue = string | number | boolean | undefined | null;

export interface ServiceRequest<T extends TSchema> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the base URL, parameters already encoded: `/members/${encodeURIComponent(id)}`. */
  path: string;
  query?: Record<string, QueryValue | readonly QueryValue[]>;
  body?: unknown;
  headers?: Record<string, string>;
  /** The caller's request id, so one id follows the work across services. */
  requestId?: string;
  response: T;
}

export interface ServiceClient {
  request<T extends TSchema>(options: ServiceRequest<T>): Promise<Static<T>>;
  close(): Promise<void>;
}

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

export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  const { name, baseUrl, timeoutMs = 5000, connections = 16 } = options;
  const validate = options.validateResponses ?? process.env.NODE_ENV !== 'production';
  const pool = new Pool(baseUrl, { connections, connect: { timeout: timeoutMs } });
  const unavailable = (cause: unknown) =>
    serviceUnavailable(`${name} is unavailable`, 'service_unavailable', cause);

  /** Any failure to get a whole answer (refused, reset, timed out) means the service is unavailable. */
  async function send({ method, path, query, body, headers, requestId }: ServiceRequest<TSchema>) {
    try {
      const answer = await pool.request({
        method,
        path: withQuery(path, query),
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(requestId === undefined ? {} : { [REQUEST_ID_HEADER]: requestId }),
          ...headers,
        },
        body: body === undefined ? null : JSON.stringify(body),
        // undici's own headers/body timeouts tick in steps of about a second: too coarse here.
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await answer.body.text();
      return { statusCode: answer.statusCode, headers: answer.headers, text } satisfies RawAnswer;
    } catch (error) {
      throw unavailable(error);
    }
  }

  async function request<T extends TSchema>(call: ServiceRequest<T>): Promise<Static<T>> {
    const answer = await send(call);
    const what = `${name} answered ${call.method} ${call.path} with ${answer.statusCode}`;
    const body = parseJson(answer.text);
    if (answer.statusCode < 200 || answer.statusCode >= 300) {
      throw errorFromAnswer(answer, body, what, unavailable);
    }
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

  return { request, close: () => pool.close() };
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

function withQuery(path: string, query: ServiceRequest<TSchema>['query']): string {
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

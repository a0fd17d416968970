import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text as readText } from 'node:stream/consumers';

/** A text the fake accepted, as Twilio would keep it. */
export interface FakeTwilioMessage {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body: string;
  dateCreated: Date;
  /** When the carrier took it: null while it is queued (see `carrierDelayMs`). */
  dateSent: Date | null;
}

/** Every request that reached the fake, answered or not. */
export interface FakeTwilioRequest {
  method: string;
  path: string;
  status: number;
}

export interface FakeTwilio {
  /** Base URL for the SDK, e.g. `http://127.0.0.1:40123` (TWILIO_API_URL). */
  url: string;
  accountSid: string;
  authToken: string;
  /** Texts accepted, oldest first (also those whose answer was delayed past a client's timeout). */
  readonly messages: FakeTwilioMessage[];
  readonly requests: FakeTwilioRequest[];
  /** The next `count` message creations fail with this HTTP status and Twilio error code. */
  failNext(count: number, status?: number, twilioCode?: number): void;
  /** The next `count` message creations to the number `to` fail like `failNext`'s. */
  failFor(to: string, count: number, status?: number, twilioCode?: number): void;
  /** The next `count` message creations are accepted at once but answered only after `ms`. */
  delayNext(count: number, ms: number): void;
  /** The notification service's variables for sending through this fake, from the fund's test number. */
  env: Record<'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN' | 'TWILIO_FROM' | 'TWILIO_API_URL', string>;
  close(): Promise<void>;
}

export interface FakeTwilioOptions {
  accountSid?: string;
  authToken?: string;
  /** How long an accepted text stays queued, without a date sent; 0 (default) hands it on at once. */
  carrierDelayMs?: number;
}

const API_VERSION = '2010-04-01';
const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const E164 = /^\+[1-9][0-9]{6,14}$/;

/**
 * A local stand-in for Twilio's Messages API that the real SDK talks to over HTTP: create
 * (`POST …/Messages.json`, form-encoded To/From/Body, basic auth with the account SID and
 * token) and list (`GET …/Messages.json` with To, From and DateSent filters, paged as
 * Twilio pages). Errors come as Twilio's JSON: `{ code, message, more_info, status }`.
 */
export async function startFakeTwilio(options: FakeTwilioOptions = {}): Promise<FakeTwilio> {
  const accountSid = options.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const messages: FakeTwilioMessage[] = [];
  const requests: FakeTwilioRequest[] = [];
  const failures: { status: number; code: number }[] = [];
  const failuresByNumber = new Map<string, { status: number; code: number }[]>();
  const delays: number[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const record = (request: IncomingMessage, status: number) =>
    requests.push({ method: request.method ?? '', path: request.url ?? '', status });
  const write = (response: ServerResponse, status: number, body: unknown) => {
    if (response.destroyed) return; // the client gave up waiting: the fake still did the work
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  };
  const answer = (request: IncomingMessage, response: ServerResponse, status: number, body: unknown) => {
    record(request, status);
    write(response, status, body);
  };
  const fail = (
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    code: number,
    message: string,
  ) => answer(request, response, status, twilioError(status, code, message));

  const create = async (request: IncomingMessage, response: ServerResponse, account: string) => {
    const form = new URLSearchParams(await readText(request));
    const to = form.get('To');
    const from = form.get('From');
    const text = form.get('Body');
    const delayMs = delays.shift() ?? 0;
    const failure = failuresByNumber.get(to ?? '')?.shift() ?? failures.shift();
    let status: number;
    let body: unknown;
    if (failure) {
      status = failure.status;
      body = twilioError(failure.status, failure.code, failureMessage(failure.code, to));
    } else if (!to) {
      [status, body] = [400, twilioError(400, 21604, "A 'To' phone number is required.")];
    } else if (!E164.test(to)) {
      [status, body] = [400, twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`)];
    } else if (!from) {
      [status, body] = [400, twilioError(400, 21603, "A 'From' phone number is required.")];
    } else if (!text) {
      [status, body] = [400, twilioError(400, 21602, 'Message body is required.')];
    } else {
      const now = new Date();
      const message: FakeTwilioMessage = {
        sid: `SM${randomBytes(16).toString('hex')}`,
        accountSid: account,
        to,
        from,
        body: text,
        dateCreated: now,
        dateSent: options.carrierDelayMs ? null : now,
      };
      if (options.carrierDelayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          message.dateSent = new Date();
        }, options.carrierDelayMs);
        timers.add(timer);
      }
      messages.push(message);
      status = 201;
      body = { ...resource(message), status: 'queued', date_sent: null };
    }
    record(request, status);
    if (delayMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, delayMs);
        timers.add(timer);
      });
    }
    write(response, status, body);
  };

  const list = (
    request: IncomingMessage,
    response: ServerResponse,
    account: string,
    query: URLSearchParams,
  ) => {
    const to = query.get('To');
    const from = query.get('From');
    const onDay = query.get('DateSent');
    const after = query.get('DateSent>');
    const before = query.get('DateSent<');
    const matching = messages
      .filter(
        (message) =>
          message.accountSid === account &&
          (!to || message.to === to) &&
          (!from || message.from === from) &&
          // As at Twilio, a DateSent filter leaves out texts not sent yet.
          (!(onDay || after || before) || message.dateSent !== null) &&
          (!onDay || message.dateSent!.toISOString().slice(0, 10) === onDay.slice(0, 10)) &&
          (!after || message.dateSent! >= dayOrInstant(after, 'start')) &&
          (!before || message.dateSent! <= dayOrInstant(before, 'end')),
      )
      .reverse(); // Twilio lists the newest first
    const pageSize = Math.min(Math.max(Number(query.get('PageSize') ?? 50) || 50, 1), 1000);
    const page = Math.max(Number(query.get('Page') ?? 0) || 0, 0);
    const slice = matching.slice(page * pageSize, (page + 1) * pageSize);
    const base = `/${API_VERSION}/Accounts/${account}/Messages.json`;
    const uriFor = (pageNumber: number) => {
      const params = new URLSearchParams(query);
      params.set('PageSize', String(pageSize));
      params.set('Page', String(pageNumber));
      if (pageNumber > 0) params.set('PageToken', `PA${pageNumber}`);
      else params.delete('PageToken');
      return `${base}?${params}`;
    };
    answer(request, response, 200, {
      messages: slice.map(resource),
      end: page * pageSize + Math.max(slice.length - 1, 0),
      first_page_uri: uriFor(0),
      next_page_uri: (page + 1) * pageSize < matching.length ? uriFor(page + 1) : null,
      page,
      page_size: pageSize,
      previous_page_uri: page > 0 ? uriFor(page - 1) : null,
      start: page * pageSize,
      uri: uriFor(page),
    });
  };

  const server = createServer((request, response) => {
    response.on('error', () => {});
    const url = new URL(request.url ?? '/', 'http://fake-twilio');
    const route = MESSAGES_PATH.exec(url.pathname);
    if (!authorized(request, accountSid, authToken)) {
      fail(request, response, 401, 20003, 'Authenticate');
    } else if (!route) {
      fail(request, response, 404, 20404, `The requested resource ${url.pathname} was not found`);
    } else if (route[1] !== accountSid) {
      fail(request, response, 404, 20404, `The requested resource ${url.pathname} was not found`);
    } else if (request.method === 'POST') {
      create(request, response, route[1]).catch(() =>
        fail(request, response, 500, 20500, 'Internal Server Error'),
      );
    } else if (request.method === 'GET') {
      list(request, response, route[1], url.searchParams);
    } else {
      fail(request, response, 405, 20004, 'Method not allowed');
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    accountSid,
    authToken,
    env: {
      TWILIO_ACCOUNT_SID: accountSid,
      TWILIO_AUTH_TOKEN: authToken,
      TWILIO_FROM: '+380441234567',
      TWILIO_API_URL: url,
    },
    messages,
    requests,
    failNext(count, status = 500, twilioCode = 20500) {
      for (let i = 0; i < count; i += 1) failures.push({ status, code: twilioCode });
    },
    failFor(to, count, status = 500, twilioCode = 20500) {
      const queue = failuresByNumber.get(to) ?? [];
      for (let i = 0; i < count; i += 1) queue.push({ status, code: twilioCode });
      failuresByNumber.set(to, queue);
    },
    delayNext(count, ms) {
      for (let i = 0; i < count; i += 1) delays.push(ms);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function authorized(request: IncomingMessage, accountSid: string, authToken: string): boolean {
  const [scheme, encoded] = (request.headers.authorization ?? '').split(' ');
  if (scheme !== 'Basic' || !encoded) return false;
  return Buffer.from(encoded, 'base64').toString('utf8') === `${accountSid}:${authToken}`;
}

function twilioError(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

/** Twilio's own wording for the codes tests ask for, so messages quote what the real one quotes. */
function failureMessage(code: number, to: string | null): string {
  if (code === 21211) return `The 'To' number ${to} is not a valid phone number.`;
  if (code === 20429) return 'Too Many Requests';
  if (code === 20500) return 'An internal server error has occurred';
  return `The fake was told to fail this request (${code})`;
}

/** `YYYY-MM-DD` means the whole UTC day; a full timestamp means that instant. */
function dayOrInstant(value: string, edge: 'start' | 'end'): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`);
  }
  return new Date(value);
}

/** Twilio's dates are RFC 2822 with a numeric zone. */
function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

/** The Message resource as Twilio's JSON has it. */
function resource(message: FakeTwilioMessage) {
  const uri = `/${API_VERSION}/Accounts/${message.accountSid}/Messages/${message.sid}`;
  return {
    account_sid: message.accountSid,
    api_version: API_VERSION,
    body: message.body,
    date_created: rfc2822(message.dateCreated),
    date_sent: message.dateSent ? rfc2822(message.dateSent) : null,
    date_updated: rfc2822(message.dateSent ?? message.dateCreated),
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: message.from,
    messaging_service_sid: null,
    num_media: '0',
    num_segments: String(Math.max(1, Math.ceil([...message.body].length / 70))),
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: message.dateSent ? 'sent' : 'queued',
    subresource_uris: { media: `${uri}/Media.json`, feedback: `${uri}/Feedback.json` },
    to: message.to,
    uri: `${uri}.json`,
  };
}

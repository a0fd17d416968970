import { maskPhone } from '@kasa/log';
import { PermanentError } from '@kasa/messaging';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import { isPermanentStatus } from '../application/provider-answer.ts';
import { SmsProviderError, type SmsSender } from './sms-sender.ts';

export interface TwilioSmsSenderOptions {
  accountSid: string;
  authToken: string;
  /** The sender number, E.164. */
  from: string;
  /** `https://api.twilio.com`, or a stand-in that speaks the same API (tests). */
  apiUrl: string;
  /** Per request: past it, the outcome of a send is unknown. */
  timeoutMs: number;
}

/** Twilio's providers' clocks and ours may disagree a little; look back this much further. */
const CLOCK_SKEW_MS = 5 * 60_000;
/**
 * Twilio lists newest first, and a retry looks back minutes, not days: the auth service sends
 * a number at most 5 codes in 10 minutes, so one page of this many holds the text if it exists.
 */
const LOOKUP_LIMIT = 50;

/** Texts through Twilio's Messages API with the official SDK. */
export class TwilioSmsSender implements SmsSender {
  readonly #client: twilio.Twilio;
  readonly #from: string;

  constructor(options: TwilioSmsSenderOptions) {
    this.#from = options.from;
    this.#client = twilio(options.accountSid, options.authToken, {
      httpClient: new ApiUrlRequestClient(options.apiUrl, options.timeoutMs),
      // The bus retries with backoff and counts the attempts; the SDK must not retry behind it.
      autoRetry: false,
    });
  }

  async send(to: string, body: string): Promise<{ sid: string }> {
    try {
      const message = await this.#client.messages.create({ to, from: this.#from, body });
      return { sid: message.sid };
    } catch (error) {
      throw classifyTwilioError(error);
    }
  }

  /**
   * Twilio's Messages list filtered by To and From (newest first), compared on the body and
   * on when Twilio created the text. Not filtered by DateSent: a text still queued at the
   * carrier has no date sent yet, and is exactly the one a retry after a timeout must find.
   */
  async findSent(to: string, body: string, since: Date): Promise<string | null> {
    const from = since.getTime() - CLOCK_SKEW_MS;
    try {
      const messages = await this.#client.messages.list({
        to,
        from: this.#from,
        pageSize: LOOKUP_LIMIT,
        limit: LOOKUP_LIMIT,
      });
      return (
        messages.find((message) => message.body === body && message.dateCreated.getTime() >= from)?.sid ??
        null
      );
    } catch (error) {
      throw classifyTwilioError(error);
    }
  }
}

/**
 * The SDK's own HTTP client, with every request sent to the configured API address instead
 * of the SDK's fixed `https://api.twilio.com` (the custom `httpClient` hook the SDK documents
 * in advanced-examples/custom-http-client.md). Paging follows the same route.
 */
class ApiUrlRequestClient extends twilio.RequestClient {
  readonly #apiUrl: string;

  constructor(apiUrl: string, timeoutMs: number) {
    super({ timeout: timeoutMs, autoRetry: false });
    this.#apiUrl = apiUrl.replace(/\/+$/, '');
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const { pathname, search } = new URL(opts.uri);
    // `logLevel: 'debug'` makes the SDK print requests to the console, phone numbers and all.
    return super.request({ ...opts, uri: `${this.#apiUrl}${pathname}${search}`, logLevel: undefined });
  }
}

/**
 * Turns what the SDK threw into the bus's terms. Twilio's error answers (RestException and
 * its RFC 9457 sibling both carry the HTTP `status` and Twilio's `code`): a 4xx other than
 * 429 is the request's own fault (an invalid number is 21211) and no retry can fix it;
 * 429 and 5xx are retried. Anything without a status never got an answer (network, timeout):
 * retried, and a retry first asks Twilio whether the text went through after all.
 */
export function classifyTwilioError(error: unknown): Error {
  const { status, code, message } = (error ?? {}) as { status?: unknown; code?: unknown; message?: unknown };
  const text = scrubPhones(typeof message === 'string' ? message : String(error));
  if (typeof status === 'number') {
    const reason = `Twilio answered ${status}${typeof code === 'number' ? ` (code ${code})` : ''}: ${text}`;
    return isPermanentStatus(status) ? new PermanentError(reason) : new SmsProviderError(reason);
  }
  return new SmsProviderError(`Twilio could not be reached: ${text}`);
}

/** Twilio's messages quote the number ("The 'To' number +380… is not valid"); they end up in logs and dead letters. */
export function scrubPhones(text: string): string {
  return text.replace(/\+?[0-9]{7,15}/g, (number) => maskPhone(number));
}

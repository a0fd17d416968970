import type { Readable } from 'node:stream';
import { Agent } from 'undici';
import type { AddressPolicy } from '../domain/address-policy.ts';
import type { AttemptResult } from '../domain/attempt-verdict.ts';
import { guardedConnector } from './guarded-connector.ts';

/** What the attempt log keeps of an answer: its first kilobyte. */
export const EXCERPT_BYTES = 1024;
/** An answer longer than this is cut off (its connection closed) instead of read to the end. */
const DISCARD_LIMIT = 64 * 1024;
const USER_AGENT = 'Kasa-Webhooks/1';

export interface Sent {
  result: AttemptResult;
  durationMs: number;
  /** The answer's first kilobyte as text, or null without an answer. */
  excerpt: string | null;
}

export interface WebhookSenderOptions {
  policy: AddressPolicy;
  /** The whole attempt: connecting, sending, the answer's headers and body. */
  timeoutMs: number;
  /** Sockets kept per receiver's origin. */
  connections: number;
}

/**
 * POSTs signed bodies to subscribers. Redirects are not followed (undici's request never does):
 * a 3xx is an answer like any other that is not a 2xx. The address policy is applied to every
 * connection opened.
 */
export class WebhookSender {
  readonly #agent: Agent;
  readonly #timeoutMs: number;

  constructor({ policy, timeoutMs, connections }: WebhookSenderOptions) {
    this.#timeoutMs = timeoutMs;
    this.#agent = new Agent({
      connect: guardedConnector(policy, timeoutMs),
      connections,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  }

  /** One attempt; never throws. `interrupt` aborts it (the service is stopping). */
  async post(
    url: URL,
    body: string,
    headers: Record<string, string>,
    interrupt?: AbortSignal,
  ): Promise<Sent> {
    const started = performance.now();
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new Error(`no answer within ${this.#timeoutMs} ms`)),
      this.#timeoutMs,
    );
    const onInterrupt = () => deadline.abort(new Error('interrupted: the service is stopping'));
    interrupt?.addEventListener('abort', onInterrupt, { once: true });
    try {
      const response = await this.#agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, ...headers },
        body,
        signal: deadline.signal,
      });
      const excerpt = await excerptOf(response.body);
      const retryAfter = response.headers['retry-after'];
      return {
        result: {
          kind: 'answered',
          status: response.statusCode,
          retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
        },
        durationMs: performance.now() - started,
        excerpt,
      };
    } catch (error) {
      const reason = deadline.signal.aborted ? (deadline.signal.reason as Error) : error;
      return {
        result: { kind: 'unanswered', error: describe(reason) },
        durationMs: performance.now() - started,
        excerpt: null,
      };
    } finally {
      clearTimeout(timer);
      interrupt?.removeEventListener('abort', onInterrupt);
    }
  }

  close(): Promise<void> {
    return this.#agent.close();
  }
}

/**
 * The answer's first kilobyte. The rest is read and dropped, so the connection can carry the
 * next delivery, unless there is too much of it.
 */
async function excerptOf(body: Readable): Promise<string> {
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (keptBytes < EXCERPT_BYTES) {
      const part = chunk.subarray(0, EXCERPT_BYTES - keptBytes);
      kept.push(part);
      keptBytes += part.length;
    }
    total += chunk.length;
    if (total > DISCARD_LIMIT) break; // leaving the loop destroys the body and its socket
  }
  return Buffer.concat(kept, keptBytes).toString('utf8');
}

/** An error as the attempt log shows it: its code and message, never longer than the column. */
function describe(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = [
    typeof code === 'string' ? code : undefined,
    typeof message === 'string' ? message : String(error),
  ]
    .filter(Boolean)
    .join(': ');
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}

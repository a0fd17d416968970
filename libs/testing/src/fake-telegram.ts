import { randomInt } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text as readText } from 'node:stream/consumers';

/** A message the fake accepted. */
export interface FakeTelegramMessage {
  messageId: number;
  chatId: string;
  text: string;
}

export interface FakeTelegram {
  /** TELEGRAM_API_URL for the service. */
  url: string;
  /** A token the fake accepts (TELEGRAM_BOT_TOKEN); any other gets 401 as Telegram answers. */
  botToken: string;
  readonly messages: FakeTelegramMessage[];
  /** The next `count` sendMessage calls fail with this status (and, for 429, a retry_after). */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

const SEND_MESSAGE = /^\/bot([^/]+)\/sendMessage$/;

/**
 * A local stand-in for the Telegram Bot API's `sendMessage`: JSON body `{chat_id, text}`,
 * answers `{ok: true, result: {message_id, …}}`, or `{ok: false, error_code, description}`
 * as the Bot API does for a wrong token, a missing chat or flood control.
 */
export async function startFakeTelegram(): Promise<FakeTelegram> {
  const botToken = `${randomInt(100_000, 999_999)}:AAF${'x'.repeat(30)}`;
  const messages: FakeTelegramMessage[] = [];
  const failures: number[] = [];
  let nextId = 1;

  const server = createServer(async (request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const raw = await readText(request);
    const match = SEND_MESSAGE.exec(request.url ?? '');
    if (request.method !== 'POST' || !match) {
      return reply(404, { ok: false, error_code: 404, description: 'Not Found' });
    }
    if (match[1] !== botToken) return reply(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const failure = failures.shift();
    if (failure !== undefined) {
      return reply(failure, {
        ok: false,
        error_code: failure,
        description: failure === 429 ? 'Too Many Requests: retry after 1' : 'Internal Server Error',
        ...(failure === 429 ? { parameters: { retry_after: 1 } } : {}),
      });
    }
    let body: { chat_id?: unknown; text?: unknown };
    try {
      body = JSON.parse(raw);
    } catch {
      return reply(400, { ok: false, error_code: 400, description: "Bad Request: can't parse JSON" });
    }
    if (typeof body.text !== 'string' || body.text.length === 0 || body.chat_id === undefined) {
      return reply(400, { ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
    }
    const message = { messageId: nextId++, chatId: String(body.chat_id), text: body.text };
    messages.push(message);
    reply(200, {
      ok: true,
      result: {
        message_id: message.messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: message.chatId },
        text: message.text,
      },
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    botToken,
    messages,
    failNext(count, status = 500) {
      for (let i = 0; i < count; i += 1) failures.push(status);
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

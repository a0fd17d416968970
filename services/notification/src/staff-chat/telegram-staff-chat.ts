import { PermanentError } from '@kasa/messaging';
import { isPermanentStatus } from '../application/provider-answer.ts';
import type { StaffChat } from './staff-chat.ts';

export interface TelegramStaffChatOptions {
  /** `https://api.telegram.org`, or a local stand-in that speaks the Bot API (tests). */
  apiUrl: string;
  botToken: string;
  chatId: string;
  timeoutMs: number;
}

/** What the Bot API answers: `ok` with the result, or an error code and its description. */
interface BotApiAnswer {
  ok: boolean;
  result?: { message_id?: number };
  description?: string;
}

/**
 * A transient Bot API failure (flood control, Telegram's own errors, the network). Like the
 * SMS provider's, it carries no `cause`, so the bus retries and finally dead-letters it
 * instead of taking a network error code for a database outage.
 */
class StaffChatUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StaffChatUnavailableError';
  }
}

/**
 * Posts to the staff chat with the Bot API's `sendMessage`. The token is part of the path,
 * so no error or log line here ever carries the URL.
 */
export class TelegramStaffChat implements StaffChat {
  readonly #endpoint: string;
  readonly #chatId: string;
  readonly #timeoutMs: number;

  constructor({ apiUrl, botToken, chatId, timeoutMs }: TelegramStaffChatOptions) {
    this.#endpoint = `${apiUrl.replace(/\/+$/, '')}/bot${botToken}/sendMessage`;
    this.#chatId = chatId;
    this.#timeoutMs = timeoutMs;
  }

  async post(text: string): Promise<{ messageId: number }> {
    let response: Response;
    try {
      response = await fetch(this.#endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chat_id: this.#chatId, text, link_preview_options: { is_disabled: true } }),
        signal: AbortSignal.timeout(this.#timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : 'could not be reached';
      throw new StaffChatUnavailableError(`Telegram ${reason}`);
    }
    const answer = (await response.json().catch(() => ({}))) as BotApiAnswer;
    if (response.ok && answer.ok && typeof answer.result?.message_id === 'number') {
      return { messageId: answer.result.message_id };
    }
    throw classifyBotApiFailure(response.status, answer);
  }
}

/**
 * 429 (flood control) and 5xx are retried; any other 4xx (a wrong chat, a revoked token, the
 * bot removed from the group) is dead-lettered, where an operator sees the description.
 */
function classifyBotApiFailure(status: number, answer: BotApiAnswer): Error {
  const description = (answer.description ?? '').slice(0, 300);
  const reason = `Telegram answered ${status}${description ? `: ${description}` : ''}`;
  if (isPermanentStatus(status)) return new PermanentError(reason);
  return new StaffChatUnavailableError(reason);
}

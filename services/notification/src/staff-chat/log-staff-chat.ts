import type { Logger } from '@kasa/log';
import type { StaffChat } from './staff-chat.ts';

/** Without a bot configured, staff messages are written to the log (they carry no personal data). */
export class LogStaffChat implements StaffChat {
  readonly #logger: Logger;
  #next = 1;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  async post(text: string): Promise<{ messageId: number }> {
    const messageId = this.#next++;
    this.#logger.info({ text }, 'staff message written to the log (no TELEGRAM_BOT_TOKEN)');
    return { messageId };
  }
}

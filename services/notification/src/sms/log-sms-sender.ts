import { randomUUID } from 'node:crypto';
import type { Logger } from '@kasa/log';
import type { SmsSender } from './sms-sender.ts';

/**
 * The driver used without a Twilio account (refused in production): writes each text to the
 * log at info, so a developer can read a sign-in code. The number is masked by the logger.
 * It cannot be asked what it sent, so an attempt of unknown outcome is not repeated.
 */
export class LogSmsSender implements SmsSender {
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  async send(to: string, body: string): Promise<{ sid: string }> {
    const sid = `LOG${randomUUID().replaceAll('-', '')}`;
    this.#logger.info({ to, text: body, sid }, 'SMS written to the log (no TWILIO_ACCOUNT_SID)');
    return { sid };
  }
}

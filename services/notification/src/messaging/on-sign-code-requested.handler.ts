import type { SignCodeRequested } from '@kasa/contracts';
import type { Database } from '@kasa/db';
import type { Handler } from '@kasa/messaging';
import { sendSmsOnce } from '../application/send-sms-once.ts';
import type { SmsSender } from '../sms/sms-sender.ts';
import { smsText } from '../sms/templates.ts';

export interface SmsHandlerDeps {
  database: Database;
  sender: SmsSender;
}

/** Texts a member their sign-in code, unless it expired while the event waited. */
export function onSignCodeRequested({ database, sender }: SmsHandlerDeps): Handler<typeof SignCodeRequested> {
  return async (event, { tx, logger }) => {
    const { signRequestId, phone, code, expiresAt } = event.data;
    if (Date.parse(expiresAt) <= Date.now()) {
      logger.info({ signRequestId, expiresAt }, 'sign-in code expired before it could be texted: not sent');
      return;
    }
    await sendSmsOnce(
      { eventId: event.id, kind: 'sign_code', to: phone, body: smsText('sign_code', { code }) },
      { db: database.db, tx, sender, logger },
    );
  };
}

import { SignCodeRequested } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import { sendSmsOnce } from '../application/send-sms-once.ts';
import type { NotificationDeps } from '../deps.ts';
import { smsText } from '../sms/templates.ts';

/**
 * Texts a member their code, unless it expired while the event waited. The text says what the
 * code opens: someone texted a code to change a member's number to theirs learns that it is not
 * a sign-in.
 */
export function authHandlers(
  consumers: Consumers,
  { database, smsSender: sender }: Pick<NotificationDeps, 'database' | 'smsSender'>,
): void {
  consumers.handle(SignCodeRequested, async (event, { tx, logger }) => {
    const { signRequestId, phone, code, expiresAt, purpose } = event.data;
    if (Date.parse(expiresAt) <= Date.now()) {
      logger.info({ signRequestId, expiresAt }, 'sign-in code expired before it could be texted: not sent');
      return;
    }
    const kind = purpose === 'phone_change' ? 'phone_change_code' : 'sign_code';
    await sendSmsOnce(
      { eventId: event.id, kind, to: phone, body: smsText(kind, { code }) },
      { db: database.db, tx, sender, logger },
    );
  });
}

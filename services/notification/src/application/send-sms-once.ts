import type { Db, Tx } from '@kasa/db';
import type { Logger } from '@kasa/log';
import { beginSmsAttempt, markSmsSent, recordSmsFailure } from '../db/sms-messages.repository.ts';
import type { SmsSender } from '../sms/sms-sender.ts';
import type { SmsKind } from '../sms/templates.ts';

export interface SmsToSend {
  /** The event that asked for it: one event, at most one SMS. */
  eventId: string;
  kind: SmsKind;
  to: string;
  body: string;
}

export interface SendSmsContext {
  /** The database itself, for the `sending` mark that must survive the handler's rollback. */
  db: Db;
  /** The handler's transaction: `sent` commits with the inbox row. */
  tx: Tx;
  sender: SmsSender;
  logger: Logger;
}

/**
 * Texts once per event. A `sending` mark is committed before the provider is called; a retry
 * that finds it (the earlier attempt crashed, timed out or failed) asks the provider whether
 * the text went through and sends only if it did not. Failures are thrown for the bus to
 * retry with backoff or dead-letter; the body is never logged here (it may hold a code).
 */
export async function sendSmsOnce(sms: SmsToSend, { db, tx, sender, logger }: SendSmsContext): Promise<void> {
  const attempt = await beginSmsAttempt(db, sms.eventId, sms.kind);
  if (attempt.status === 'sent') {
    logger.info({ kind: sms.kind, sid: attempt.providerSid }, 'SMS already sent for this event');
    return;
  }
  try {
    let sid: string | null = null;
    if (attempt.attempts > 1) {
      if (!sender.findSent) {
        logger.warn(
          { kind: sms.kind },
          'an earlier attempt may have sent this SMS and it cannot be checked: not sent again',
        );
        await recordSmsFailure(db, sms.eventId, 'outcome of an earlier attempt unknown; not sent again');
        return;
      }
      sid = await sender.findSent(sms.to, sms.body, attempt.startedAt);
      if (sid)
        logger.info({ kind: sms.kind, sid }, 'an earlier attempt had reached the provider: not sent again');
    }
    sid ??= (await sender.send(sms.to, sms.body)).sid;
    await markSmsSent(tx, sms.eventId, sid);
    logger.info(
      { kind: sms.kind, to: sms.to, sid, attempts: attempt.attempts },
      'SMS accepted by the provider',
    );
  } catch (error) {
    await recordSmsFailure(db, sms.eventId, (error as Error).message).catch(() => {});
    throw error;
  }
}

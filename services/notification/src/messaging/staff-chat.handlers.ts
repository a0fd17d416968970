import type { KasaEvent } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import {
  beginStaffMessage,
  markStaffMessageSent,
  recordStaffMessageFailure,
} from '../db/staff-messages.repository.ts';
import type { NotificationDeps } from '../deps.ts';
import { staffText } from '../staff-chat/staff-texts.ts';

/**
 * The `staff-chat` stream: one message in the staff chat per payment status change and new
 * request. Posted once per event when all goes well; the Bot API cannot be asked what it
 * already has, so after an attempt of unknown outcome (a timeout, a crash before the commit)
 * the message is posted again: staff may read it twice, but never miss it.
 */
export function staffChatHandlers(
  consumers: Consumers,
  { database, staffChat: chat }: Pick<NotificationDeps, 'database' | 'staffChat'>,
): void {
  consumers.handleStream('staff-chat', async (anyEvent, { tx, logger }) => {
    const message = staffText(anyEvent as KasaEvent);
    if (!message) return;
    const attempt = await beginStaffMessage(database.db, anyEvent.id, message.kind);
    if (attempt.status === 'sent') return;
    if (attempt.attempts > 1) {
      logger.warn(
        { kind: message.kind },
        'an earlier attempt may have reached the staff chat: posting again',
      );
    }
    try {
      const { messageId } = await chat.post(message.text);
      await markStaffMessageSent(tx, anyEvent.id, messageId);
    } catch (error) {
      await recordStaffMessageFailure(database.db, anyEvent.id, (error as Error).message).catch(() => {});
      throw error;
    }
  });
}

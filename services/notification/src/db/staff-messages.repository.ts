import type { Db, Executor } from '@kasa/db';
import { eq, sql } from 'drizzle-orm';
import { staffMessages } from './schema.ts';

/**
 * Marks, in a transaction of its own, that an attempt is about to post the event's message,
 * and returns how the row now stands: `sent` means an earlier attempt's commit went through.
 */
export async function beginStaffMessage(
  db: Db,
  eventId: string,
  kind: string,
): Promise<{ status: 'sending' | 'sent'; attempts: number }> {
  return db.transaction(async (tx) => {
    await tx
      .insert(staffMessages)
      .values({ eventId, kind, status: 'sending' })
      .onDuplicateKeyUpdate({
        set: {
          attempts: sql`IF(${staffMessages.status} = 'sending', ${staffMessages.attempts} + 1, ${staffMessages.attempts})`,
          updatedAt: sql`CURRENT_TIMESTAMP(3)`,
        },
      });
    const [row] = await tx
      .select({ status: staffMessages.status, attempts: staffMessages.attempts })
      .from(staffMessages)
      .where(eq(staffMessages.eventId, eventId));
    return row!;
  });
}

/** In the handler's transaction, with the inbox row. */
export async function markStaffMessageSent(tx: Executor, eventId: string, messageId: number): Promise<void> {
  await tx
    .update(staffMessages)
    .set({
      status: 'sent',
      telegramMessageId: messageId,
      sentAt: sql`CURRENT_TIMESTAMP(3)`,
      updatedAt: sql`CURRENT_TIMESTAMP(3)`,
    })
    .where(eq(staffMessages.eventId, eventId));
}

/** The latest failure, for operators; outside the handler's transaction, which rolls back. */
export async function recordStaffMessageFailure(db: Db, eventId: string, reason: string): Promise<void> {
  await db
    .update(staffMessages)
    .set({ lastError: reason.slice(0, 1000), updatedAt: sql`CURRENT_TIMESTAMP(3)` })
    .where(eq(staffMessages.eventId, eventId));
}

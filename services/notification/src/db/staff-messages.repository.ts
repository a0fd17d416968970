import { type Db, type Executor, placeholders, prepared } from '@kasa/db';
import { eq, sql } from 'drizzle-orm';
import { attemptStart } from './provider-attempts.ts';
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
    await startMessage(tx, { eventId, kind });
    const [row] = await messageOf(tx, { eventId });
    return row!;
  });
}

const startMessage = attemptStart(staffMessages);

const messageOf = prepared<{ eventId: string }, { status: 'sending' | 'sent'; attempts: number }[]>((db) =>
  db
    .select({ status: staffMessages.status, attempts: staffMessages.attempts })
    .from(staffMessages)
    .where(eq(staffMessages.eventId, sql.placeholder('eventId'))),
);

/** In the handler's transaction, with the inbox row. */
export async function markStaffMessageSent(tx: Executor, eventId: string, messageId: number): Promise<void> {
  await markSent(tx, { eventId, telegramMessageId: messageId });
}

const markSent = prepared<{ eventId: string; telegramMessageId: number }, unknown>((db) =>
  db
    .update(staffMessages)
    .set({
      status: 'sent',
      ...placeholders(['telegramMessageId']),
      sentAt: sql`CURRENT_TIMESTAMP(3)`,
      updatedAt: sql`CURRENT_TIMESTAMP(3)`,
    })
    .where(eq(staffMessages.eventId, sql.placeholder('eventId'))),
);

/** The latest failure, for operators; outside the handler's transaction, which rolls back. */
export async function recordStaffMessageFailure(db: Db, eventId: string, reason: string): Promise<void> {
  await db
    .update(staffMessages)
    .set({ lastError: reason.slice(0, 1000), updatedAt: sql`CURRENT_TIMESTAMP(3)` })
    .where(eq(staffMessages.eventId, eventId));
}

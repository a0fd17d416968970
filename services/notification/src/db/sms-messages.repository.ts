import { type Db, type Executor, placeholders, prepared } from '@kasa/db';
import { eq, sql } from 'drizzle-orm';
import { attemptStart } from './provider-attempts.ts';
import { smsMessages } from './schema.ts';

export interface SmsAttempt {
  status: 'sending' | 'sent';
  /** Attempts so far, this one included: above 1, an earlier attempt may have reached the provider. */
  attempts: number;
  /** When the first attempt began: nothing the provider holds for this event is older. */
  startedAt: Date;
  providerSid: string | null;
}

/**
 * Commits, in a transaction of its own, that an attempt is about to call the provider, and
 * returns the row as it now stands. It must outlive the handler's transaction: if the process
 * dies after the provider accepted the text, this row is the evidence the retry finds.
 */
export async function beginSmsAttempt(db: Db, eventId: string, kind: string): Promise<SmsAttempt> {
  return db.transaction(async (tx) => {
    await startAttempt(tx, { eventId, kind });
    const [row] = await attemptOf(tx, { eventId });
    return row!;
  });
}

const startAttempt = attemptStart(smsMessages);

const attemptOf = prepared<{ eventId: string }, SmsAttempt[]>((db) =>
  db
    .select({
      status: smsMessages.status,
      attempts: smsMessages.attempts,
      startedAt: smsMessages.createdAt,
      providerSid: smsMessages.providerSid,
    })
    .from(smsMessages)
    .where(eq(smsMessages.eventId, sql.placeholder('eventId'))),
);

/** Marks the text as accepted by the provider; runs in the handler's transaction, with the inbox row. */
export async function markSmsSent(tx: Executor, eventId: string, providerSid: string): Promise<void> {
  await markSent(tx, { eventId, providerSid });
}

const markSent = prepared<{ eventId: string; providerSid: string }, unknown>((db) =>
  db
    .update(smsMessages)
    .set({
      status: 'sent',
      ...placeholders(['providerSid']),
      sentAt: sql`CURRENT_TIMESTAMP(3)`,
      updatedAt: sql`CURRENT_TIMESTAMP(3)`,
    })
    .where(eq(smsMessages.eventId, sql.placeholder('eventId'))),
);

/** Keeps the latest failure on the row for operators; outside the handler's transaction, which rolls back. */
export async function recordSmsFailure(db: Db, eventId: string, reason: string): Promise<void> {
  await db
    .update(smsMessages)
    .set({ lastError: reason.slice(0, 1000), updatedAt: sql`CURRENT_TIMESTAMP(3)` })
    .where(eq(smsMessages.eventId, eventId));
}

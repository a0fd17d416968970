import { sql } from 'drizzle-orm';
import { char, datetime, int, mysqlEnum, mysqlTable, varchar } from 'drizzle-orm/mysql-core';

/** The service's tables. The outbox and inbox come from @kasa/db so every service has the same. */
export { inbox, outbox } from '@kasa/db';

/**
 * One row per event that asks for a text: the evidence that keeps it to one SMS. `sending`
 * is committed before the provider is called, so after a crash or a timeout a retry knows
 * the outcome is unknown and asks the provider instead of sending again.
 */
export const smsMessages = mysqlTable('sms_messages', {
  eventId: char('event_id', { length: 36 }).primaryKey(),
  /** Which text it is (`sign_code`, …); never the text itself, which may hold a code. */
  kind: varchar('kind', { length: 40 }).notNull(),
  status: mysqlEnum('status', ['sending', 'sent']).notNull(),
  providerSid: varchar('provider_sid', { length: 64 }),
  /** Attempts that reached the provider step, including the one that succeeded. */
  attempts: int('attempts', { unsigned: true }).notNull().default(1),
  lastError: varchar('last_error', { length: 1000 }),
  createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  sentAt: datetime('sent_at', { mode: 'date', fsp: 3 }),
});

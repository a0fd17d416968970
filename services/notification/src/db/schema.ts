import { createdAt, jsonText, updatedAt } from '@kasa/db';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  date,
  datetime,
  index,
  int,
  mediumtext,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  smallint,
  varchar,
} from 'drizzle-orm/mysql-core';

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

/**
 * What the service knows of each member to text them: the number (from sign-up and phone
 * changes), whether they are blocked and the day their membership is paid until. Each fact
 * keeps the time of the event that set it, so an older event arriving late changes nothing.
 */
export const memberContacts = mysqlTable(
  'member_contacts',
  {
    memberId: int('member_id', { unsigned: true }).primaryKey(),
    phone: varchar('phone', { length: 16 }),
    phoneSetAt: datetime('phone_set_at', { mode: 'date', fsp: 3 }),
    blocked: boolean('blocked').notNull().default(false),
    blockedSetAt: datetime('blocked_set_at', { mode: 'date', fsp: 3 }),
    paidUntil: date('paid_until', { mode: 'string' }),
    paidUntilSetAt: datetime('paid_until_set_at', { mode: 'date', fsp: 3 }),
    updatedAt: updatedAt(),
  },
  (table) => [index('member_contacts_paid_until').on(table.paidUntil)],
);

/**
 * One row per membership period reminded of: the member and the day it is paid until. The
 * reminder job inserts it together with the `membership.reminder_due` event that asks for
 * the text, so however many instances run the job, a period is reminded of once.
 */
export const membershipReminders = mysqlTable(
  'membership_reminders',
  {
    memberId: int('member_id', { unsigned: true }).notNull(),
    paidUntil: date('paid_until', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.memberId, table.paidUntil] })],
);

/**
 * One row per event that staff hear of in their Telegram chat: `sending` is committed before
 * the Bot API is called, `sent` with the handler's inbox row.
 */
export const staffMessages = mysqlTable('staff_messages', {
  eventId: char('event_id', { length: 36 }).primaryKey(),
  kind: varchar('kind', { length: 40 }).notNull(),
  status: mysqlEnum('status', ['sending', 'sent']).notNull(),
  attempts: int('attempts', { unsigned: true }).notNull().default(1),
  telegramMessageId: bigint('telegram_message_id', { mode: 'number' }),
  lastError: varchar('last_error', { length: 1000 }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  sentAt: datetime('sent_at', { mode: 'date', fsp: 3 }),
});

/**
 * External systems that receive signed webhooks (SPEC §4). The secret has to be kept as it is:
 * every delivery is signed with it. `event_types` lists the types sent, or is `["*"]` for all.
 * A disabled subscriber gets no new deliveries and its pending ones wait, paused.
 */
export const webhookSubscribers = mysqlTable('webhook_subscribers', {
  id: int('id', { unsigned: true }).autoincrement().primaryKey(),
  url: varchar('url', { length: 2048 }).notNull(),
  description: varchar('description', { length: 200 }),
  secret: varchar('secret', { length: 255 }).notNull(),
  eventTypes: jsonText<string[]>('event_types').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** Why it is disabled: the receiver answered 410 Gone, or an administrator said so. */
  disabledReason: mysqlEnum('disabled_reason', ['gone', 'administrator']),
  disabledAt: datetime('disabled_at', { mode: 'date', fsp: 3 }),
  /** Staff users (auth ids) who created and last changed it. */
  createdBy: int('created_by', { unsigned: true }),
  updatedBy: int('updated_by', { unsigned: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * One row per event and subscriber it goes to, written with the consumer's inbox row. It is due
 * at `next_attempt_at`; a worker that claims it moves that time to the end of its lease and
 * writes its token, so another instance takes it only after a crash let the lease run out.
 * `failures` counts the failed attempts since it was recorded or last replayed: it picks the
 * next pause of the retry schedule. `payload` holds the exact bytes that are signed and sent.
 */
export const webhookDeliveries = mysqlTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    subscriberId: int('subscriber_id', { unsigned: true }).notNull(),
    eventId: char('event_id', { length: 36 }).notNull(),
    eventType: varchar('event_type', { length: 100 }).notNull(),
    /** The object the event is about (`payment:42`): its deliveries go out in order. */
    objectKey: varchar('object_key', { length: 170 }).notNull(),
    occurredAt: datetime('occurred_at', { mode: 'date', fsp: 3 }).notNull(),
    payload: mediumtext('payload').notNull(),
    status: mysqlEnum('status', ['pending', 'delivered', 'dead', 'paused']).notNull().default('pending'),
    nextAttemptAt: datetime('next_attempt_at', { mode: 'date', fsp: 3 }).notNull(),
    claimToken: varchar('claim_token', { length: 32 }),
    attempts: int('attempts', { unsigned: true }).notNull().default(0),
    failures: int('failures', { unsigned: true }).notNull().default(0),
    lastStatus: smallint('last_status', { unsigned: true }),
    lastError: varchar('last_error', { length: 500 }),
    lastAttemptAt: datetime('last_attempt_at', { mode: 'date', fsp: 3 }),
    deliveredAt: datetime('delivered_at', { mode: 'date', fsp: 3 }),
    createdAt: createdAt(),
  },
  (table) => [
    index('webhook_deliveries_due').on(table.subscriberId, table.status, table.nextAttemptAt),
    index('webhook_deliveries_object').on(
      table.subscriberId,
      table.objectKey,
      table.status,
      table.occurredAt,
    ),
    index('webhook_deliveries_status').on(table.status, table.deliveredAt),
  ],
);

/**
 * Every attempt to deliver: the answer's status and its first kilobyte (which may hold what the
 * receiver echoed back: kept here for administrators, never logged), or why there was none.
 */
export const webhookAttempts = mysqlTable(
  'webhook_attempts',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    deliveryId: bigint('delivery_id', { mode: 'number', unsigned: true }).notNull(),
    subscriberId: int('subscriber_id', { unsigned: true }).notNull(),
    attemptedAt: datetime('attempted_at', { mode: 'date', fsp: 3 }).notNull(),
    durationMs: int('duration_ms', { unsigned: true }).notNull(),
    statusCode: smallint('status_code', { unsigned: true }),
    error: varchar('error', { length: 500 }),
    responseExcerpt: varchar('response_excerpt', { length: 1024 }),
  },
  (table) => [
    index('webhook_attempts_delivery').on(table.deliveryId),
    index('webhook_attempts_subscriber').on(table.subscriberId),
    index('webhook_attempts_time').on(table.attemptedAt),
  ],
);

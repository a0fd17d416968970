import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  datetime,
  index,
  mediumtext,
  mysqlTable,
  primaryKey,
  varchar,
} from 'drizzle-orm/mysql-core';

/**
 * Events a service has committed but not yet handed to the broker. Rows are written in the
 * transaction of the state change they describe and marked published once the broker confirms.
 */
export const outbox = mysqlTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    eventId: char('event_id', { length: 36 }).notNull().unique(),
    type: varchar('type', { length: 100 }).notNull(),
    aggregateId: varchar('aggregate_id', { length: 64 }).notNull(),
    payload: mediumtext('payload').notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
    publishedAt: datetime('published_at', { mode: 'date', fsp: 3 }),
  },
  (table) => [
    index('outbox_pending').on(table.publishedAt, table.id),
    index('outbox_aggregate').on(table.aggregateId, table.id),
  ],
);

/** Events a consumer has applied; the key makes applying one twice impossible. */
export const inbox = mysqlTable(
  'inbox',
  {
    consumer: varchar('consumer', { length: 150 }).notNull(),
    eventId: char('event_id', { length: 36 }).notNull(),
    processedAt: datetime('processed_at', { mode: 'date', fsp: 3 })
      .notNull()
      .default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (table) => [
    primaryKey({ columns: [table.consumer, table.eventId] }),
    index('inbox_processed').on(table.processedAt),
  ],
);

import type { ActorKind } from '@kasa/contracts';
import { jsonText } from '@kasa/db';
import {
  bigint,
  char,
  datetime,
  index,
  int,
  mysqlTable,
  smallint,
  tinyint,
  varchar,
} from 'drizzle-orm/mysql-core';

/** The service's tables. The outbox and inbox come from @kasa/db so every service has the same. */
export { inbox, outbox } from '@kasa/db';

/**
 * The audit trail: one row per event, never changed nor removed (triggers refuse UPDATE and
 * DELETE), each sealed by a hash over its content and the previous row's hash. Only names and
 * ids: no value an event carried is kept.
 */
export const auditEvents = mysqlTable(
  'audit_events',
  {
    /** The position in the chain: 1, 2, 3… without gaps, taken under the chain head's lock. */
    sequence: bigint('sequence', { mode: 'number', unsigned: true }).primaryKey(),
    eventId: char('event_id', { length: 36 }).notNull().unique(),
    eventType: varchar('event_type', { length: 100 }).notNull(),
    eventVersion: smallint('event_version', { unsigned: true }).notNull(),
    objectKind: varchar('object_kind', { length: 32 }).notNull(),
    objectId: varchar('object_id', { length: 64 }),
    memberId: int('member_id', { unsigned: true }),
    actorKind: varchar('actor_kind', { length: 16 }).notNull().$type<ActorKind>(),
    actorId: varchar('actor_id', { length: 64 }),
    occurredAt: datetime('occurred_at', { mode: 'date', fsp: 3 }).notNull(),
    recordedAt: datetime('recorded_at', { mode: 'date', fsp: 3 }).notNull(),
    /** The names of what changed, as a JSON array. */
    fields: jsonText<string[]>('fields').notNull(),
    previousHash: char('previous_hash', { length: 64 }).notNull(),
    hash: char('hash', { length: 64 }).notNull(),
  },
  // Each way of browsing reads one index in the order staff read the trail: when things
  // happened, newest first (the chain's order is the order events reached the trail).
  (table) => [
    index('audit_events_object').on(table.objectKind, table.objectId, table.occurredAt),
    index('audit_events_member').on(table.memberId, table.occurredAt),
    index('audit_events_actor').on(table.actorKind, table.actorId, table.occurredAt),
    index('audit_events_type').on(table.eventType, table.occurredAt),
    index('audit_events_occurred').on(table.occurredAt),
  ],
);

/**
 * The chain's end, one row: every append locks it, so appends from any number of instances
 * and batches line up in one order. Triggers let it only move one position forward.
 */
export const auditChainHead = mysqlTable('audit_chain_head', {
  id: tinyint('id', { unsigned: true }).primaryKey(),
  lastSequence: bigint('last_sequence', { mode: 'number', unsigned: true }).notNull(),
  lastHash: char('last_hash', { length: 64 }).notNull(),
});

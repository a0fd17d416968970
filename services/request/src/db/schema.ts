import { createdAt, updatedAt } from '@kasa/db';
import {
  boolean,
  char,
  datetime,
  index,
  int,
  mysqlEnum,
  mysqlTable,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { REQUEST_STATUSES } from '../domain/request-status.ts';

/** The service's tables. The outbox and inbox come from @kasa/db so every service has the same. */
export { inbox, outbox } from '@kasa/db';

/** A member's request for aid: what they wrote, and staff's diagnosis and granted amount. */
export const requests = mysqlTable(
  'requests',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    memberId: int('member_id', { unsigned: true }).notNull(),
    status: mysqlEnum('status', REQUEST_STATUSES).notNull().default('opened'),
    /** 1 when opened, one more at each status change: consumers apply the changes in this order. */
    statusVersion: int('status_version', { unsigned: true }).notNull().default(1),
    /** What the member asked for (the seed's `comment`); staff may correct it. */
    requestText: text('request_text').notNull(),
    /** Set by staff; empty until then. */
    diagnosis: varchar('diagnosis', { length: 2000 }).notNull().default(''),
    /** In kopiyky; null until staff grant an amount. */
    grantedAmount: int('granted_amount', { unsigned: true }),
    /** Kopiyky paid out so far (from the payment service's `payout.recorded` and `payout.reversed`). */
    paidAmount: int('paid_amount').notNull().default(0),
    createdAt: createdAt(),
    /** Changed by everything the member sees happen to the request: staff's list is ordered by it. */
    updatedAt: updatedAt(),
  },
  (table) => [
    /** A member's own list, by status. */
    index('requests_member_status').on(table.memberId, table.status),
    /** Staff's list of some statuses, latest changed first. */
    index('requests_status_updated').on(table.status, table.updatedAt),
    /** Staff's list of every status, latest changed first. */
    index('requests_updated').on(table.updatedAt),
  ],
);

/** A receipt photo or scan attached to a request, in the encrypted store. */
export const requestFiles = mysqlTable(
  'request_files',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    requestId: int('request_id', { unsigned: true }).notNull(),
    memberId: int('member_id', { unsigned: true }).notNull(),
    /** The store's random name: the only name a file is ever asked for by. */
    name: char('name', { length: 32 }).notNull(),
    mime: varchar('mime', { length: 64 }).notNull(),
    size: int('size', { unsigned: true }).notNull(),
    /** Of the stored bytes: the same receipt sent twice has the same one. */
    sha256: char('sha256', { length: 64 }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('request_files_name').on(table.name),
    index('request_files_request').on(table.requestId),
    index('request_files_sha256').on(table.sha256),
  ],
);

/** One message of a request's conversation; exactly one of member_id and user_id is set. */
export const requestMessages = mysqlTable(
  'request_messages',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    requestId: int('request_id', { unsigned: true }).notNull(),
    /** The member who wrote it. */
    memberId: int('member_id', { unsigned: true }),
    /** The staff user who wrote it. */
    userId: int('user_id', { unsigned: true }),
    /** A staff note the member never sees. */
    internal: boolean('internal').notNull().default(false),
    message: text('message').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('request_messages_request').on(table.requestId, table.id)],
);

/**
 * The program each approved member is on (the member service's, by `member.approved`): what is
 * usual for a request is judged among the requests of members on the same program.
 */
export const memberPrograms = mysqlTable(
  'member_programs',
  {
    memberId: int('member_id', { unsigned: true }).primaryKey(),
    programId: int('program_id', { unsigned: true }).notNull(),
    /** When the approval that set it happened: a late, older one never overwrites it. */
    approvedAt: datetime('approved_at', { mode: 'date', fsp: 3 }).notNull(),
  },
  (table) => [index('member_programs_program').on(table.programId)],
);

import { createdAt, updatedAt } from '@kasa/db';
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
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { DOCUMENT_TYPES } from '../domain/documents.ts';

/** The service's tables. The outbox and inbox come from @kasa/db so every service has the same. */
export { inbox, outbox } from '@kasa/db';

/** A charity program members pay into; prices in kopiyky. */
export const programs = mysqlTable('programs', {
  id: int('id', { unsigned: true }).autoincrement().primaryKey(),
  name: varchar('name', { length: 128 }).notNull(),
  monthPrice: int('month_price', { unsigned: true }).notNull(),
  /** The terms document in the file store. */
  termsFile: varchar('terms_file', { length: 64 }),
  isActive: boolean('is_active').notNull().default(true),
  createdBy: int('created_by', { unsigned: true }),
  updatedBy: int('updated_by', { unsigned: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * A member's profile, under the id of their sign-in account. The flags are what the staff
 * attention list is made of; each is kept true to the facts by the use case that changes them.
 */
export const members = mysqlTable(
  'members',
  {
    id: int('id', { unsigned: true }).primaryKey(),
    phone: varchar('phone', { length: 16 }).notNull(),
    firstName: varchar('first_name', { length: 64 }),
    middleName: varchar('middle_name', { length: 64 }),
    lastName: varchar('last_name', { length: 64 }),
    email: varchar('email', { length: 254 }),
    birthDate: date('birth_date', { mode: 'string' }),
    passportData: varchar('passport_data', { length: 255 }),
    taxNumber: varchar('tax_number', { length: 10 }),
    iban: varchar('iban', { length: 34 }),
    /** The photo in the file store. */
    photoFile: varchar('photo_file', { length: 64 }),
    certificate: varchar('certificate', { length: 32 }),
    /** The last day the membership is paid for (Europe/Kyiv calendar date). */
    paidUntil: date('paid_until', { mode: 'string' }),
    programId: int('program_id', { unsigned: true }),
    pendingProgramId: int('pending_program_id', { unsigned: true }),
    isActive: boolean('is_active').notNull().default(true),
    /** Approved by staff: `profile/get` opens only then. */
    isSubmitted: boolean('is_submitted').notNull().default(false),
    /** The member has sent the profile form (or Diia has filled it) at least once. */
    profileSentAt: datetime('profile_sent_at', { mode: 'date', fsp: 3 }),
    hasNewRequest: boolean('has_new_request').notNull().default(false),
    hasNewProgramChange: boolean('has_new_program_change').notNull().default(false),
    hasNewDocuments: boolean('has_new_documents').notNull().default(false),
    hasCorrectionRequest: boolean('has_correction_request').notNull().default(false),
    /** The last Diia request made for this member: the callback is matched by it. */
    diiaRequestId: char('diia_request_id', { length: 36 }),
    /**
     * The decrypted data of the member's last Diia import, as Diia sent it (the seed's
     * `diia_answer`). Personal data: only the member and staff read it, and it is never logged.
     */
    diiaAnswer: mediumtext('diia_answer'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('members_phone').on(table.phone),
    uniqueIndex('members_certificate').on(table.certificate),
    uniqueIndex('members_diia_request').on(table.diiaRequestId),
    index('members_tax_number').on(table.taxNumber),
    /** Staff search reads the members changed since its last look (db/member-search-index.ts). */
    index('members_updated').on(table.updatedAt),
    index('members_awaiting_review').on(table.isSubmitted, table.profileSentAt, table.updatedAt),
    index('members_program_change').on(table.hasNewProgramChange, table.updatedAt),
    index('members_new_documents').on(table.hasNewDocuments, table.updatedAt),
    index('members_correction_request').on(table.hasCorrectionRequest, table.updatedAt),
    index('members_new_request').on(table.hasNewRequest, table.updatedAt),
  ],
);

/** Which program a member was on, and when: the current one has no end. */
export const memberPrograms = mysqlTable(
  'member_programs',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    memberId: int('member_id', { unsigned: true }).notNull(),
    programId: int('program_id', { unsigned: true }).notNull(),
    startedAt: datetime('started_at', { mode: 'date', fsp: 3 }).notNull(),
    endedAt: datetime('ended_at', { mode: 'date', fsp: 3 }),
  },
  (table) => [index('member_programs_member').on(table.memberId, table.startedAt)],
);

/** Files in the encrypted store that belong to a member (documents and the photo). */
export const memberFiles = mysqlTable(
  'member_files',
  {
    /** The store's random name: the only name a file is ever asked for by. */
    name: varchar('name', { length: 64 }).primaryKey(),
    memberId: int('member_id', { unsigned: true }).notNull(),
    mime: varchar('mime', { length: 64 }).notNull(),
    size: int('size', { unsigned: true }).notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('member_files_member').on(table.memberId)],
);

/** An identity document: pending until staff approve, then current, then history. */
export const identityDocuments = mysqlTable(
  'identity_documents',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    memberId: int('member_id', { unsigned: true }).notNull(),
    type: mysqlEnum('type', DOCUMENT_TYPES).notNull(),
    fileName: varchar('file_name', { length: 64 }).notNull(),
    status: mysqlEnum('status', ['pending', 'current', 'history']).notNull().default('pending'),
    source: mysqlEnum('source', ['upload', 'diia']).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('identity_documents_member').on(table.memberId, table.status)],
);

/** A member's report that staff got their name or birth date wrong (`profile/wrong`). */
export const profileCorrections = mysqlTable(
  'profile_corrections',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    memberId: int('member_id', { unsigned: true }).notNull(),
    firstName: varchar('first_name', { length: 64 }),
    middleName: varchar('middle_name', { length: 64 }),
    lastName: varchar('last_name', { length: 64 }),
    birthDate: date('birth_date', { mode: 'string' }),
    resolvedAt: datetime('resolved_at', { mode: 'date', fsp: 3 }),
    createdAt: createdAt(),
  },
  (table) => [index('profile_corrections_member').on(table.memberId)],
);

/** One row: the last certificate number handed out. */
export const certificateCounter = mysqlTable('certificate_counter', {
  id: int('id', { unsigned: true }).primaryKey(),
  last: bigint('last', { mode: 'number', unsigned: true }).notNull(),
});

/** Diia's callbacks as they arrived, kept until a decryptor has processed them. */
export const diiaCallbacks = mysqlTable(
  'diia_callbacks',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    requestId: char('request_id', { length: 36 }).notNull(),
    /** Whom the request was made for when the callback came. */
    memberId: int('member_id', { unsigned: true }).notNull(),
    /** The raw multipart body in the file store (encrypted at rest, as Diia's parts are). */
    bodyFile: varchar('body_file', { length: 64 }).notNull(),
    contentType: varchar('content_type', { length: 255 }).notNull(),
    status: mysqlEnum('status', ['received', 'processed', 'failed']).notNull().default('received'),
    error: text('error'),
    receivedAt: createdAt(),
    processedAt: datetime('processed_at', { mode: 'date', fsp: 3 }),
  },
  (table) => [
    index('diia_callbacks_status').on(table.status, table.receivedAt),
    index('diia_callbacks_request').on(table.requestId, table.status),
  ],
);

/**
 * What the member service knows of each aid request (the request service's, by its events):
 * enough to keep `members.has_new_request` true to the facts. `version` is the request's
 * status version, so a change that arrives late never overwrites a newer one.
 */
export const memberRequests = mysqlTable(
  'member_requests',
  {
    requestId: int('request_id', { unsigned: true }).primaryKey(),
    memberId: int('member_id', { unsigned: true }).notNull(),
    waitingForStaff: boolean('waiting_for_staff').notNull(),
    version: int('version', { unsigned: true }).notNull(),
  },
  (table) => [index('member_requests_waiting').on(table.memberId, table.waitingForStaff)],
);

/**
 * One row per member whose requests the service follows: each change to the member's
 * "new request" flag locks it first, so two requests' events applied at once (or a request's
 * and the sign-up) take turns, and each sees what the other committed.
 */
export const memberRequestLocks = mysqlTable('member_request_locks', {
  memberId: int('member_id', { unsigned: true }).primaryKey(),
});

/**
 * What each confirmed contribution added to a membership: one row per payment, so a payment
 * extends it once however often its event comes, and a refund can take back what it added.
 */
export const membershipExtensions = mysqlTable(
  'membership_extensions',
  {
    paymentId: int('payment_id', { unsigned: true }).primaryKey(),
    memberId: int('member_id', { unsigned: true }).notNull(),
    /** Kopiyky. */
    amount: int('amount', { unsigned: true }).notNull(),
    programId: int('program_id', { unsigned: true }).notNull(),
    days: int('days', { unsigned: true }).notNull(),
    previousPaidUntil: date('previous_paid_until', { mode: 'string' }),
    paidUntil: date('paid_until', { mode: 'string' }),
    /** When a refund of the payment took its days back, once. */
    refundedAt: datetime('refunded_at', { mode: 'date', fsp: 3 }),
    createdAt: createdAt(),
  },
  (table) => [index('membership_extensions_member').on(table.memberId, table.createdAt)],
);

/**
 * Confirmed contributions no program could price when they arrived (the member had none): the
 * money waits here until the member has a program (`applied_at`, and then a row in
 * membership_extensions) or staff refund it (`refunded_at`). One row per payment.
 */
export const waitingContributions = mysqlTable(
  'waiting_contributions',
  {
    paymentId: int('payment_id', { unsigned: true }).primaryKey(),
    memberId: int('member_id', { unsigned: true }).notNull(),
    /** Kopiyky. */
    amount: int('amount', { unsigned: true }).notNull(),
    appliedAt: datetime('applied_at', { mode: 'date', fsp: 3 }),
    refundedAt: datetime('refunded_at', { mode: 'date', fsp: 3 }),
    createdAt: createdAt(),
  },
  (table) => [index('waiting_contributions_member').on(table.memberId, table.appliedAt, table.refundedAt)],
);

/**
 * What the switch-over's import (issue 19, src/import/) brought from the seed's rows that keep no
 * id of their own in Kasa (a member's program, an identity document), and every file it stored
 * for a seed row (a program's terms, a member's photo, a document): a row named here is never
 * brought or stored again, and the verification opens each file against its checksum.
 */
export const seedImports = mysqlTable(
  'seed_imports',
  {
    /** The seed's table, or `table.column` for a file a row names (`members.photo`). */
    seedTable: varchar('seed_table', { length: 32 }).notNull(),
    /** The seed row's id, or what tells it apart when the table has none (`member/program/...`). */
    seedKey: varchar('seed_key', { length: 128 }).notNull(),
    /** The file stored for it, if any, and the SHA-256 of its stored (stripped) bytes. */
    fileName: varchar('file_name', { length: 64 }),
    sha256: char('sha256', { length: 64 }),
    importedAt: createdAt(),
  },
  (table) => [primaryKey({ name: 'seed_imports_key', columns: [table.seedTable, table.seedKey] })],
);

/**
 * One row: bumped by whatever writes members with an `updated_at` in the past (the switch-over's
 * import), which the search index's reads of recent changes would never see: each instance's
 * index reads every member again when it finds the number moved (db/member-search-index.ts).
 */
export const searchIndexEpoch = mysqlTable('search_index_epoch', {
  id: int('id', { unsigned: true }).primaryKey(),
  epoch: bigint('epoch', { mode: 'number', unsigned: true }).notNull(),
});

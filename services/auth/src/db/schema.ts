import { createdAt } from '@kasa/db';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  datetime,
  index,
  int,
  mysqlEnum,
  mysqlTable,
  smallint,
  varchar,
} from 'drizzle-orm/mysql-core';
import { bytes } from './columns.ts';

/** The outbox and inbox come from @kasa/db so every service has the same. */
export { inbox, outbox } from '@kasa/db';

/** A member's sign-in identity; the profile lives in the member service under the same id. */
export const memberAccounts = mysqlTable('member_accounts', {
  id: int('id', { unsigned: true }).autoincrement().primaryKey(),
  phone: varchar('phone', { length: 16 }).notNull().unique(),
  blocked: boolean('blocked').notNull().default(false),
  /** Copies of the member service's, for the `name` and `email` claims the seed's tokens carried. */
  firstName: varchar('first_name', { length: 64 }),
  lastName: varchar('last_name', { length: 64 }),
  email: varchar('email', { length: 254 }),
  /** When the member service changed them (the event's time): an older, late event changes nothing. */
  contactAsOf: datetime('contact_as_of', { mode: 'date', fsp: 3 }),
  /**
   * When every session of the member was ended (blocked, new phone), if ever. The old system's
   * tokens were all issued before the switch-over, so from then on none of them opens anything:
   * not even one Kasa has not seen yet, which no session row names.
   */
  seedSessionsEndedAt: datetime('seed_sessions_ended_at', { mode: 'date', fsp: 3 }),
  createdAt: createdAt(),
});

/** One row per code sent: the pending sign-in and the history the send limits count. */
export const signRequests = mysqlTable(
  'sign_requests',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    phone: varchar('phone', { length: 16 }).notNull(),
    address: varchar('address', { length: 45 }).notNull(),
    codeSalt: bytes('code_salt', 16).notNull(),
    codeHash: bytes('code_hash', 32).notNull(),
    createAccount: boolean('create_account').notNull(),
    /**
     * What the code opens: a sign-in, or a member's change to this phone (`member_id` is that
     * member). A code opens nothing else, so a sign-in code never proves a new phone.
     */
    purpose: mysqlEnum('purpose', ['sign_in', 'phone_change']).notNull().default('sign_in'),
    memberId: int('member_id', { unsigned: true }),
    tries: smallint('tries', { unsigned: true }).notNull().default(0),
    createdAt: createdAt(),
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
    usedAt: datetime('used_at', { mode: 'date', fsp: 3 }),
    replacedAt: datetime('replaced_at', { mode: 'date', fsp: 3 }),
  },
  (table) => [
    index('sign_requests_phone').on(table.phone, table.createdAt),
    index('sign_requests_address').on(table.address, table.createdAt),
  ],
);

/** A row per phone that asks for codes: locking it serialises that phone's sends. */
export const signPhones = mysqlTable('sign_phones', {
  phone: varchar('phone', { length: 16 }).primaryKey(),
});

export const staffUsers = mysqlTable('staff_users', {
  id: int('id', { unsigned: true }).autoincrement().primaryKey(),
  login: varchar('login', { length: 64 }).notNull().unique(),
  name: varchar('name', { length: 200 }).notNull(),
  email: varchar('email', { length: 254 }).notNull(),
  phone: varchar('phone', { length: 16 }),
  role: mysqlEnum('role', ['admin', 'staff']).notNull().default('staff'),
  /**
   * A PHC string: `$argon2id$…`, or `$seed-sha256$<hex>`, the old system's unsalted hash of an
   * imported account whose owner has not signed in to Kasa yet (replaced at that sign-in).
   */
  passwordHash: varchar('password_hash', { length: 255 }).notNull(),
  mustChangePassword: boolean('must_change_password').notNull().default(true),
  isActive: boolean('is_active').notNull().default(true),
  failedAttempts: smallint('failed_attempts', { unsigned: true }).notNull().default(0),
  lockedUntil: datetime('locked_until', { mode: 'date', fsp: 3 }),
  createdAt: createdAt(),
  updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  /**
   * When the switch-over last wrote this account from the old system (null: made in Kasa). An
   * edit in Kasa stamps `updated_at` after it, and a later import then leaves the account alone.
   */
  importedAt: datetime('imported_at', { mode: 'date', fsp: 3 }),
});

/**
 * Wrong passwords for logins that do not exist, counted as for a real account so that a lock
 * never tells which logins exist. Rows untouched for a day are removed.
 */
export const unknownLoginFailures = mysqlTable(
  'unknown_login_failures',
  {
    login: varchar('login', { length: 64 }).primaryKey(),
    failedAttempts: smallint('failed_attempts', { unsigned: true }).notNull().default(0),
    lockedUntil: datetime('locked_until', { mode: 'date', fsp: 3 }),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  // Stale counts are removed on every wrong guess: by this index, not by scanning the table.
  (table) => [index('unknown_login_failures_updated').on(table.updatedAt)],
);

/**
 * Opaque refresh tokens, stored as hashes. Each use rotates it within its family; a second
 * use of a rotated token means it was stolen, and the whole family is revoked.
 */
export const refreshTokens = mysqlTable(
  'refresh_tokens',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tokenHash: bytes('token_hash', 32).notNull().unique(),
    familyId: varchar('family_id', { length: 36 }).notNull(),
    subjectKind: mysqlEnum('subject_kind', ['member', 'staff']).notNull(),
    subjectId: int('subject_id', { unsigned: true }).notNull(),
    createdAt: createdAt(),
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
    rotatedAt: datetime('rotated_at', { mode: 'date', fsp: 3 }),
    revokedAt: datetime('revoked_at', { mode: 'date', fsp: 3 }),
    /** When the access token issued with this refresh token expires: how long a revocation must be kept. */
    accessExpiresAt: datetime('access_expires_at', { mode: 'date', fsp: 3 }),
  },
  (table) => [
    index('refresh_tokens_family').on(table.familyId),
    index('refresh_tokens_subject').on(table.subjectKind, table.subjectId),
  ],
);

/**
 * Sessions (refresh-token families, whose id access tokens carry as `sid`) ended before their
 * access tokens expire: blocked members, phone changes, sign-outs, stolen refresh tokens. The
 * gateways keep this list in memory and refuse those tokens; a row goes once the session's
 * last access token has expired.
 */
export const sessionRevocations = mysqlTable(
  'session_revocations',
  {
    sessionId: varchar('session_id', { length: 36 }).primaryKey(),
    subjectKind: mysqlEnum('subject_kind', ['member', 'staff']).notNull(),
    subjectId: int('subject_id', { unsigned: true }).notNull(),
    revokedAt: datetime('revoked_at', { mode: 'date', fsp: 3 }).notNull(),
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
  },
  // The gateways read what was revoked lately; expired rows are removed by their end.
  (table) => [
    index('session_revocations_revoked').on(table.revokedAt),
    index('session_revocations_expires').on(table.expiresAt),
  ],
);

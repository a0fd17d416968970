import { type Executor, isDuplicateKey } from '@kasa/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { LockoutState } from '../domain/lockout.ts';
import { staffUsers } from './schema.ts';

export type StaffUserRow = typeof staffUsers.$inferSelect;
export type NewStaffUser = Pick<
  typeof staffUsers.$inferInsert,
  'login' | 'name' | 'email' | 'phone' | 'role' | 'isActive' | 'passwordHash' | 'mustChangePassword'
>;
export type StaffUserPatch = Partial<
  Pick<StaffUserRow, 'login' | 'name' | 'email' | 'phone' | 'role' | 'isActive'>
>;

export async function findStaffUser(
  tx: Executor,
  id: number,
  forUpdate = false,
): Promise<StaffUserRow | undefined> {
  const query = tx.select().from(staffUsers).where(eq(staffUsers.id, id));
  const [user] = forUpdate ? await query.for('update') : await query;
  return user;
}

/** With `forUpdate`, concurrent sign-ins of one login are counted one after the other. */
export async function findStaffUserByLogin(
  tx: Executor,
  login: string,
  forUpdate = false,
): Promise<StaffUserRow | undefined> {
  const query = tx.select().from(staffUsers).where(eq(staffUsers.login, login));
  const [user] = forUpdate ? await query.for('update') : await query;
  return user;
}

export function listStaffUsers(tx: Executor): Promise<StaffUserRow[]> {
  return tx.select().from(staffUsers).orderBy(asc(staffUsers.id));
}

export function listStaffUsersById(tx: Executor, ids: readonly number[]): Promise<StaffUserRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(staffUsers)
    .where(inArray(staffUsers.id, [...ids]))
    .orderBy(asc(staffUsers.id));
}

/**
 * Locks the active administrators' rows and returns their ids: two changes that could each
 * remove "the other" last administrator run one after the other, and the second sees the first.
 */
export async function lockActiveAdmins(tx: Executor): Promise<number[]> {
  const rows = await tx
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, 'admin'), eq(staffUsers.isActive, true)))
    .orderBy(asc(staffUsers.id))
    .for('update');
  return rows.map((row) => row.id);
}

export async function insertStaffUser(tx: Executor, user: NewStaffUser, at: Date): Promise<number> {
  const [result] = await tx.insert(staffUsers).values({ ...user, createdAt: at, updatedAt: at });
  return result.insertId;
}

export async function updateStaffUser(
  tx: Executor,
  id: number,
  patch: StaffUserPatch,
  at: Date,
): Promise<void> {
  await tx
    .update(staffUsers)
    .set({ ...patch, updatedAt: at })
    .where(eq(staffUsers.id, id));
}

export async function deleteStaffUser(tx: Executor, id: number): Promise<void> {
  await tx.delete(staffUsers).where(eq(staffUsers.id, id));
}

/** The sign-in counters only: a lock is no edit of the account, so `updated_at` stays. */
export async function saveLockout(tx: Executor, id: number, state: LockoutState): Promise<void> {
  await tx
    .update(staffUsers)
    .set({ failedAttempts: state.failedAttempts, lockedUntil: state.lockedUntil })
    .where(eq(staffUsers.id, id));
}

export async function savePassword(
  tx: Executor,
  id: number,
  password: { hash: string; mustChange: boolean },
  at: Date,
): Promise<void> {
  await tx
    .update(staffUsers)
    .set({
      passwordHash: password.hash,
      mustChangePassword: password.mustChange,
      failedAttempts: 0,
      lockedUntil: null,
      updatedAt: at,
    })
    .where(eq(staffUsers.id, id));
}

/**
 * A stronger hash of the same password, made at sign-in: nothing the user sees changes, but for
 * `mustChange` (a password from the old system, to be changed). No edit: `updated_at` stays.
 */
export async function saveRehash(
  tx: Executor,
  id: number,
  hash: string,
  { mustChange = false }: { mustChange?: boolean } = {},
): Promise<void> {
  await tx
    .update(staffUsers)
    .set({ passwordHash: hash, ...(mustChange ? { mustChangePassword: true } : {}) })
    .where(eq(staffUsers.id, id));
}

/** A second account with a login already taken (case aside) breaks the unique key. */
export const isDuplicateLogin = (error: unknown): boolean => isDuplicateKey(error);

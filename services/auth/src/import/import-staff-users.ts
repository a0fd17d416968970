import type { Executor } from '@kasa/db';
import { eq } from 'drizzle-orm';
import { isSeedPasswordHash, seedPasswordHash } from '../application/passwords.ts';
import { staffUsers } from '../db/schema.ts';
import { findStaffUser, findStaffUserByLogin, type StaffUserRow } from '../db/staff-users.repository.ts';
import type { StaffRole } from '../domain/staff-accounts.ts';

/**
 * A staff account of the old system (`users`, thesis table 2.4) as the switch-over brings it,
 * its values already converted (instants from the seed's Kyiv wall times, phones as Kasa keeps
 * them or null).
 */
export interface ImportedStaffUser {
  /** Kept: links, audit records and rows of other services name staff by it. */
  id: number;
  login: string;
  /** The seed's `password`: `sha256(password.encode()).hexdigest()`, unsalted. */
  passwordSha256: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  isActive: boolean;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface StaffImportProblem {
  id: number;
  problem: string;
}

export interface StaffImportResult {
  inserted: number[];
  /** Imported before and changed in the old system since; untouched in Kasa. */
  updated: number[];
  unchanged: number[];
  /** Edited in Kasa since they were imported: Kasa's version stays. */
  keptAsInKasa: number[];
}

const MAX_ID = 4_294_967_295;

/**
 * Why rows cannot be imported, by id (never the values themselves: they are personal): for the
 * dry run's report, and checked again before anything is written.
 */
export function staffImportProblems(rows: readonly ImportedStaffUser[]): StaffImportProblem[] {
  const problems: StaffImportProblem[] = [];
  const ids = new Set<number>();
  const logins = new Set<string>();
  for (const row of rows) {
    const problem = (text: string) => problems.push({ id: row.id, problem: text });
    if (!Number.isSafeInteger(row.id) || row.id < 1 || row.id > MAX_ID)
      problem('id is not a positive integer');
    if (ids.has(row.id)) problem('id appears twice');
    ids.add(row.id);
    const login = row.login.trim();
    if (login === '' || login.length > 64) problem('login is empty or longer than 64 characters');
    // Kasa's logins are unique whatever their case, as the database compares them.
    if (logins.has(login.toLowerCase())) problem('login is taken by another row (case aside)');
    logins.add(login.toLowerCase());
    if (seedPasswordHash(row.passwordSha256) === null) problem('password is not a SHA-256 hex digest');
    if ((row.name?.trim().length ?? 0) > 200) problem('name is longer than 200 characters');
    if ((row.email?.trim().length ?? 0) > 254) problem('email is longer than 254 characters');
    if (row.phone !== null && !/^\+?[0-9]{5,15}$/.test(row.phone))
      problem('phone is not as Kasa keeps phones');
  }
  return problems;
}

/** The seed had no roles: only the account logged in as `admin` could manage the others (`user_get`). */
const roleOf = (login: string): StaffRole => (login.trim().toLowerCase() === 'admin' ? 'admin' : 'staff');

/**
 * The columns the old system decides. Kasa requires a name and an e-mail the seed could leave
 * out: the login stands in for a missing name, an empty text for a missing e-mail (both
 * editable on the admin site); unknown times become the other one, or the import's.
 */
function columnsOf(row: ImportedStaffUser, at: Date) {
  const login = row.login.trim();
  return {
    login,
    name: row.name?.trim() || login,
    email: row.email?.trim() ?? '',
    phone: row.phone,
    role: roleOf(login),
    isActive: row.isActive,
    createdAt: row.createdAt ?? row.updatedAt ?? at,
    updatedAt: row.updatedAt ?? row.createdAt ?? at,
  };
}
type SeedColumns = ReturnType<typeof columnsOf>;

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** What differs between the account and the seed's row; the password only while it is the seed's. */
function changesFor(existing: StaffUserRow, wanted: SeedColumns, seedHash: string) {
  const changes: Partial<SeedColumns & { passwordHash: string }> = {};
  for (const key of Object.keys(wanted) as (keyof SeedColumns)[]) {
    if (!same(existing[key], wanted[key])) Object.assign(changes, { [key]: wanted[key] });
  }
  // Once its owner has signed in to Kasa the seed's hash is gone, and the password is theirs.
  if (isSeedPasswordHash(existing.passwordHash) && existing.passwordHash !== seedHash) {
    changes.passwordHash = seedHash;
  }
  return changes;
}

const conflict = (id: number, why: string) =>
  new Error(`staff user ${id} cannot be imported: ${why}; nothing was written`);

/**
 * Writes the old system's staff accounts into Kasa, ids kept, each with its seed hash (accepted
 * once at the next sign-in, then replaced, and the password must be changed: sign-in-staff.ts).
 * Idempotent: a second run with the same rows changes nothing; a row changed in the old system
 * since updates an account nobody has edited in Kasa, and never a password set in Kasa. An
 * account Kasa made itself is never overwritten: its id or login taken is an error, and so is
 * any problem of `staffImportProblems`, before anything is written. Runs in the caller's
 * transaction; the next id Kasa gives moves past the imported ones by itself.
 */
export async function importStaffUsers(
  tx: Executor,
  rows: readonly ImportedStaffUser[],
  at: Date = new Date(),
): Promise<StaffImportResult> {
  const problems = staffImportProblems(rows);
  if (problems.length > 0) {
    const list = problems.map(({ id, problem }) => `${id}: ${problem}`).join('; ');
    throw new Error(`staff users cannot be imported (${list}); nothing was written`);
  }
  const result: StaffImportResult = { inserted: [], updated: [], unchanged: [], keptAsInKasa: [] };
  for (const row of [...rows].sort((a, b) => a.id - b.id)) {
    const wanted = columnsOf(row, at);
    const seedHash = seedPasswordHash(row.passwordSha256)!;
    const existing = await findStaffUser(tx, row.id, true);
    const holder = await findStaffUserByLogin(tx, wanted.login, true);
    if (holder && holder.id !== row.id) throw conflict(row.id, `its login is account ${holder.id}'s`);
    if (!existing) {
      await tx
        .insert(staffUsers)
        .values({ id: row.id, ...wanted, passwordHash: seedHash, mustChangePassword: true, importedAt: at });
      result.inserted.push(row.id);
      continue;
    }
    if (!existing.importedAt) throw conflict(row.id, 'an account made in Kasa has that id');
    if (existing.updatedAt.getTime() > existing.importedAt.getTime()) {
      result.keptAsInKasa.push(row.id);
      continue;
    }
    const changes = changesFor(existing, wanted, seedHash);
    if (Object.keys(changes).length === 0) {
      result.unchanged.push(row.id);
      continue;
    }
    await tx
      .update(staffUsers)
      .set({ ...changes, importedAt: at })
      .where(eq(staffUsers.id, row.id));
    result.updated.push(row.id);
  }
  return result;
}

import type { Tx } from '@kasa/db';
import { openServiceDatabase } from '@kasa/runtime';
import {
  type ImportContext,
  instantOfSeedDateTime,
  type OpenServiceImport,
  phoneOfSeed,
  type SeedRow,
  seedMemberBlocked,
} from '@kasa/seed-import';
import { count, inArray } from 'drizzle-orm';
import { memberAccounts, staffUsers } from '../db/schema.ts';
import { authService } from '../service.ts';
import { staffChangesSince } from './changes-since.ts';
import { type ImportedStaffUser, importStaffUsers, staffImportProblems } from './import-staff-users.ts';

/**
 * The auth service's side of the switch-over: the staff accounts (their old password hashes,
 * accepted once: see import-staff-users.ts) and a sign-in account per member, with the member's
 * id and phone, so a member signs in by SMS as before and the old app's tokens (SEED_JWT_SECRET)
 * find them. A member whose phone is no number, or is another member's, gets no account: the
 * report says which, by id.
 */
export const openSeedImport: OpenServiceImport = async (env) => {
  const database = await openServiceDatabase(authService, env);
  return {
    service: 'auth',
    database,
    steps: [
      { name: 'staff users', table: 'users', write: writeStaffUsers },
      { name: 'member accounts', table: 'members', write: writeMemberAccounts },
    ],
    keptIds: [{ table: 'staff_users', seedTable: 'users' }],
    async verify({ seedQuery }) {
      const [seedStaff] = await seedQuery<{ n: number }>('SELECT COUNT(*) AS n FROM users');
      const [kasaStaff] = await database.db.select({ n: count() }).from(staffUsers);
      const phones = await seedQuery<{ phone: string | null }>('SELECT phone FROM members');
      const signable = new Set(
        phones.map(({ phone }) => phoneOfSeed(phone)).filter((phone) => phone !== null),
      );
      const [accounts] = await database.db.select({ n: count() }).from(memberAccounts);
      return [
        {
          what: 'staff users',
          seed: Number(seedStaff?.n ?? 0),
          kasa: kasaStaff?.n ?? 0,
          agrees: (kasaStaff?.n ?? 0) >= Number(seedStaff?.n ?? 0),
        },
        {
          what: 'member sign-in accounts (members with a phone of their own)',
          seed: signable.size,
          kasa: accounts?.n ?? 0,
          agrees: (accounts?.n ?? 0) >= signable.size,
        },
      ];
    },
    changesSince: (context) => staffChangesSince(database, context),
    close: () => database.close(),
  };
};

async function writeStaffUsers(tx: Tx, rows: readonly SeedRow[], context: ImportContext): Promise<number> {
  const users = rows.map(staffUserOf);
  const refused = new Map(staffImportProblems(users).map(({ id, problem }) => [id, problem]));
  for (const [id, reason] of refused) context.report({ kind: 'not_imported', table: 'users', id, reason });
  const result = await importStaffUsers(
    tx,
    users.filter(({ id }) => !refused.has(id)),
  );
  return result.inserted.length;
}

function staffUserOf(row: SeedRow): ImportedStaffUser {
  const instant = (text: SeedRow[string] | undefined) => {
    const at = instantOfSeedDateTime(text ?? null);
    return at instanceof Date ? at : null;
  };
  return {
    id: Number(row.id),
    login: String(row.login ?? ''),
    passwordSha256: String(row.password ?? ''),
    name: row.name === null || row.name === undefined ? null : String(row.name),
    email: row.email === null || row.email === undefined ? null : String(row.email),
    phone: phoneOfSeed(row.phone ?? null),
    isActive: row.is_active === null || row.is_active === undefined ? true : Number(row.is_active) !== 0,
    createdAt: instant(row.created_at),
    updatedAt: instant(row.updated_at),
  };
}

/**
 * One account per member whose phone is a number no other member holds (the phone is how they
 * sign in, unique in auth); the others are reported. The first member to hold a phone keeps it.
 */
async function writeMemberAccounts(
  tx: Tx,
  rows: readonly SeedRow[],
  context: ImportContext,
): Promise<number> {
  const candidates: Array<typeof memberAccounts.$inferInsert> = [];
  const batchPhones = new Map<string, number>();
  for (const row of rows) {
    const id = Number(row.id);
    const phone = phoneOfSeed(row.phone ?? null);
    if (phone === null) {
      context.report({
        kind: 'not_imported',
        table: 'members',
        id,
        reason: 'no sign-in account: the phone is no number',
      });
      continue;
    }
    const holder = batchPhones.get(phone);
    if (holder !== undefined) {
      context.report({
        kind: 'not_imported',
        table: 'members',
        id,
        reason: `no sign-in account: member ${holder} has this phone`,
      });
      continue;
    }
    batchPhones.set(phone, id);
    const created = instantOfSeedDateTime(row.created_at ?? null);
    const changed = instantOfSeedDateTime(row.updated_at ?? null);
    candidates.push({
      id,
      phone,
      blocked: seedMemberBlocked(row),
      firstName: textOf(row.first_name, 64),
      lastName: textOf(row.last_name, 64),
      email: textOf(row.email, 254),
      contactAsOf: changed instanceof Date ? changed : created instanceof Date ? created : null,
      ...(created instanceof Date ? { createdAt: created } : {}),
    });
  }
  if (candidates.length === 0) return 0;
  // A phone already held by another member's account (an earlier batch, or a member who signed
  // up in Kasa) stays theirs.
  const held = await tx
    .select({ id: memberAccounts.id, phone: memberAccounts.phone })
    .from(memberAccounts)
    .where(
      inArray(
        memberAccounts.phone,
        candidates.map(({ phone }) => phone),
      ),
    );
  const holders = new Map(held.map(({ id, phone }) => [phone, id]));
  const values = candidates.filter(({ id, phone }) => {
    const holder = holders.get(phone);
    if (holder === undefined || holder === id) return true;
    context.report({
      kind: 'not_imported',
      table: 'members',
      id: id!,
      reason: `no sign-in account: member ${holder} has this phone`,
    });
    return false;
  });
  if (values.length === 0) return 0;
  const [result] = await tx.insert(memberAccounts).ignore().values(values);
  return result.affectedRows;
}

function textOf(value: SeedRow[string] | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text.slice(0, max);
}

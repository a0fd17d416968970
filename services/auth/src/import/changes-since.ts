import type { Database } from '@kasa/db';
import {
  phoneOfSeed,
  type SeedChanges,
  type SeedRow,
  seedDateTimeOfInstant,
  seedFlagOf,
  seedPhoneOf,
  type VerifyContext,
} from '@kasa/seed-import';
import { asc, gt } from 'drizzle-orm';
import { isSeedPasswordHash } from '../application/passwords.ts';
import { staffUsers } from '../db/schema.ts';

/**
 * What the old system's `users` table no longer stands for after a time on Kasa (a switch back):
 * staff accounts made in Kasa, and the name, e-mail, phone or activity of old accounts changed
 * there. Passwords cannot go back: Kasa keeps argon2id, the old system compares an unsalted
 * SHA-256 of what is typed, so an account made in Kasa goes back with a password no input
 * matches, and it and every account whose owner signed in to Kasa (their password may be new
 * since) are left behind for an administrator to set on the old admin site.
 */
export async function staffChangesSince(
  database: Database,
  { seedRows }: VerifyContext,
): Promise<SeedChanges> {
  const seed = new Map<number, SeedRow>();
  for await (const rows of seedRows('users')) for (const row of rows) seed.set(Number(row.id), row);

  const inserted: SeedRow[] = [];
  const updated: SeedRow[] = [];
  const passwordsStayed: number[] = [];
  const page = 1_000;
  for (let after = 0; ; ) {
    const accounts = await database.db
      .select()
      .from(staffUsers)
      .where(gt(staffUsers.id, after))
      .orderBy(asc(staffUsers.id))
      .limit(page);
    for (const account of accounts) {
      const columns: SeedRow = {
        login: account.login,
        name: account.name,
        email: account.email === '' ? null : account.email,
        phone: seedPhoneOf(account.phone),
        is_active: seedFlagOf(account.isActive),
      };
      const old = seed.get(account.id);
      if (!isSeedPasswordHash(account.passwordHash)) passwordsStayed.push(account.id);
      if (!old) {
        inserted.push({
          id: account.id,
          ...columns,
          password: UNUSABLE_PASSWORD,
          created_at: seedDateTimeOfInstant(account.createdAt),
          updated_at: seedDateTimeOfInstant(account.updatedAt),
        });
        continue;
      }
      const changed = changedColumns(old, columns);
      if (Object.keys(changed).length > 0)
        updated.push({ id: account.id, ...changed, updated_at: seedDateTimeOfInstant(account.updatedAt) });
    }
    if (accounts.length < page) break;
    after = accounts.at(-1)!.id;
  }
  return {
    changes: [
      { what: 'staff accounts made in Kasa', table: 'users', action: 'insert', rows: inserted },
      { what: 'staff accounts changed in Kasa', table: 'users', action: 'update', rows: updated },
    ],
    leftBehind: [
      {
        what: 'staff passwords',
        table: 'users',
        ids: passwordsStayed,
        why: 'Kasa keeps them as argon2id, which the old system cannot check: an administrator sets them there',
      },
    ],
  };
}

/** No SHA-256 hex digest: no typed password matches it in the old system's `signin`. */
const UNUSABLE_PASSWORD = '!set-on-the-old-admin-site';

/**
 * The columns whose value Kasa holds otherwise than the old row, compared as the import read
 * them (a missing name was the login's stand-in, a missing e-mail an empty one, a phone as Kasa
 * keeps phones), so an account nobody touched is no change.
 */
function changedColumns(old: SeedRow, now: SeedRow): SeedRow {
  const login = String(old.login ?? '').trim();
  const asImported: SeedRow = {
    login,
    name: textOf(old.name) ?? login,
    email: textOf(old.email),
    phone: seedPhoneOf(phoneOfSeed(old.phone ?? null)),
    is_active:
      old.is_active === null || old.is_active === undefined ? 1 : seedFlagOf(Number(old.is_active) !== 0),
  };
  return Object.fromEntries(Object.entries(now).filter(([column, value]) => asImported[column] !== value));
}

function textOf(value: SeedRow[string] | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

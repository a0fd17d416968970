import type { Tx } from '@kasa/db';
import { openServiceDatabase } from '@kasa/runtime';
import {
  dayOfSeedDateTime,
  instantOfSeedDateTime,
  type OpenServiceImport,
  phoneOfSeed,
  type SeedRow,
  seedMemberBlocked,
} from '@kasa/seed-import';
import { count, inArray } from 'drizzle-orm';
import { memberContacts } from '../db/schema.ts';
import { notificationService } from '../service.ts';

/**
 * What the notification service keeps of the seed's members: the number to text, whether they
 * are blocked and the day they are paid until (for the reminders). Nothing is sent for the past;
 * a membership that runs out in the next days is reminded of as Kasa would have, once.
 * Each fact is dated by the member row's last change, so any event after the switch wins.
 */
export const openSeedImport: OpenServiceImport = async (env) => {
  const database = await openServiceDatabase(notificationService, env);
  const runStartedAt = new Date();
  return {
    service: 'notification',
    database,
    steps: [
      {
        name: 'member contacts',
        table: 'members',
        write: (tx, rows) => writeContacts(tx, rows, runStartedAt),
      },
    ],
    async verify({ seedQuery }) {
      const [seed] = await seedQuery<{ n: number }>('SELECT COUNT(*) AS n FROM members');
      const [kasa] = await database.db.select({ n: count() }).from(memberContacts);
      const seedCount = Number(seed?.n ?? 0);
      return [
        { what: 'member contacts', seed: seedCount, kasa: kasa?.n ?? 0, agrees: (kasa?.n ?? 0) >= seedCount },
      ];
    },
    close: () => database.close(),
  };
};

async function writeContacts(tx: Tx, rows: readonly SeedRow[], runStartedAt: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const values = rows.map((row) => {
    const changed = asOf(row, runStartedAt);
    const paidUntil = dayOfSeedDateTime(row.expiration_date ?? null);
    return {
      memberId: Number(row.id),
      phone: phoneOfSeed(row.phone ?? null),
      phoneSetAt: changed,
      blocked: seedMemberBlocked(row),
      blockedSetAt: changed,
      paidUntil: paidUntil === 'invalid' ? null : paidUntil,
      paidUntilSetAt: changed,
    };
  });
  // A phone two members held is texted to the first (the lowest id) only, as the member service
  // keeps it for them: never one member's news at another's number.
  const phones = values.map(({ phone }) => phone).filter((phone): phone is string => phone !== null);
  const held = phones.length
    ? await tx
        .select({ memberId: memberContacts.memberId, phone: memberContacts.phone })
        .from(memberContacts)
        .where(inArray(memberContacts.phone, phones))
    : [];
  const holders = new Map(held.map(({ memberId, phone }) => [phone, memberId]));
  for (const value of values) {
    if (value.phone === null) continue;
    const holder = holders.get(value.phone);
    if (holder !== undefined && holder !== value.memberId) value.phone = null;
    else holders.set(value.phone, value.memberId);
  }
  const [result] = await tx.insert(memberContacts).ignore().values(values);
  return result.affectedRows;
}

/** When the member's row last changed, as far as the seed knows. */
function asOf(row: SeedRow, fallback: Date): Date {
  for (const text of [row.updated_at, row.created_at]) {
    const instant = instantOfSeedDateTime(text ?? null);
    if (instant instanceof Date) return instant;
  }
  return fallback;
}

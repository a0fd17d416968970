import type { Database } from '@kasa/db';
import { kopiykyOfSeedAmount, type VerificationLine, type VerifyContext } from '@kasa/seed-import';
import { and, count, isNotNull, lte, sum } from 'drizzle-orm';
import { payments, requestGrants } from '../db/schema.ts';
import { paymentOfSeed, unsignedIdOf } from './seed-payment.ts';
import { SeedPaymentKinds } from './seed-payment-kinds.ts';

/** Seed rows read at a time while summing (the bench's million payments in 50 reads). */
const READ = 20_000;
/** Members named in a note when their sums differ. */
const NAMED = 10;

interface Tally {
  count: number;
  kopiyky: number;
}

/**
 * The payment service's side of the verification report, each seed figure read again from the
 * old database and each Kasa figure from the service's own tables: every payment type a kind,
 * payments counted, payments summed per member in kopiyky (the seed's amounts by the same rule,
 * kopiykyOfSeedAmount, per row), LiqPay order ids, and grants. Kasa's own payments made since the
 * switch (ids past the seed's) are left out. Payments the seed has that no rule lets come over
 * (each reported as `not_imported`) are counted apart and named in the counts line's note, and a
 * type with no kind makes its line disagree: never hidden.
 */
export async function verifyPayments(
  database: Database,
  { seedRows }: VerifyContext,
): Promise<VerificationLine[]> {
  const { db } = database;
  const kinds = new SeedPaymentKinds();
  for await (const rows of seedRows('payment_types', READ)) for (const row of rows) kinds.learn(row);
  const seedByMember = new Map<number, Tally>();
  let seedPayments = 0;
  let notImportable = 0;
  let maxSeedId = 0;
  const seedOrders = new Set<string>();
  const unknownTypes = new Map<string, number>();
  const anyKey = { memberKnown: () => true, requestKnown: () => true };
  const now = new Date();
  for await (const rows of seedRows('payments', READ)) {
    for (const row of rows) {
      seedPayments += 1;
      maxSeedId = Math.max(maxSeedId, Number(row.id));
      const kind = kinds.kindOf(row.payment_type);
      if ('reason' in kind) {
        const type = String(row.payment_type);
        unknownTypes.set(type, (unknownTypes.get(type) ?? 0) + 1);
      }
      // The same rules as the import: which rows can come over, in kopiyky by kopiykyOfSeedAmount.
      const { payment } = paymentOfSeed(row, kinds, anyKey, now);
      if (!payment) {
        notImportable += 1;
        continue;
      }
      const tally = seedByMember.get(payment.memberId) ?? { count: 0, kopiyky: 0 };
      tally.count += 1;
      tally.kopiyky += payment.amount;
      seedByMember.set(payment.memberId, tally);
      if (payment.orderId !== null) seedOrders.add(payment.orderId);
    }
  }

  const imported = lte(payments.id, maxSeedId);
  const kasaRows = await db
    .select({ memberId: payments.memberId, count: count(), kopiyky: sum(payments.amount) })
    .from(payments)
    .where(imported)
    .groupBy(payments.memberId);
  const kasaByMember = new Map<number, Tally>(
    kasaRows.map((row) => [row.memberId, { count: row.count, kopiyky: Number(row.kopiyky ?? 0) }]),
  );
  const [kasaOrders] = await db
    .select({ n: count() })
    .from(payments)
    .where(and(imported, isNotNull(payments.orderId)));

  const differ: string[] = [];
  for (const memberId of new Set([...seedByMember.keys(), ...kasaByMember.keys()])) {
    const seed = seedByMember.get(memberId) ?? { count: 0, kopiyky: 0 };
    const kasa = kasaByMember.get(memberId) ?? { count: 0, kopiyky: 0 };
    if (seed.count !== kasa.count || seed.kopiyky !== kasa.kopiyky)
      differ.push(
        `member ${memberId}: seed ${seed.count} for ${seed.kopiyky}, Kasa ${kasa.count} for ${kasa.kopiyky}`,
      );
  }
  const total = (tallies: Iterable<Tally>) => [...tallies].reduce((all, { kopiyky }) => all + kopiyky, 0);
  const kasaPayments = kasaRows.reduce((all, row) => all + row.count, 0);

  const types = kinds.types();
  const lines: VerificationLine[] = [
    {
      what: 'payment types as kinds',
      seed: types.length,
      kasa: types.filter(({ kind }) => kind !== null).length,
      agrees: unknownTypes.size === 0,
      ...(unknownTypes.size > 0
        ? {
            note: `payments of types no kind of Kasa's: ${[...unknownTypes].map(([type, n]) => `type ${type}: ${n}`).join(', ')}`,
          }
        : {}),
    },
    {
      what: 'payments',
      seed: seedPayments,
      kasa: kasaPayments,
      agrees: kasaPayments + notImportable === seedPayments,
      ...(notImportable > 0
        ? { note: `${notImportable} could not come over (each reported as not_imported)` }
        : {}),
    },
    {
      what: 'payments summed per member (kopiyky)',
      seed: total(seedByMember.values()),
      kasa: total(kasaByMember.values()),
      agrees: differ.length === 0,
      note:
        differ.length === 0
          ? `${seedByMember.size} members, each agrees`
          : `${differ.length} of ${seedByMember.size} members differ: ${differ.slice(0, NAMED).join('; ')}`,
    },
    {
      what: 'LiqPay order ids',
      seed: seedOrders.size,
      kasa: kasaOrders?.n ?? 0,
      agrees: seedOrders.size === (kasaOrders?.n ?? 0),
    },
    ...(await verifyGrants(database, seedRows)),
  ];
  return lines;
}

/** Grants: one per seed request with a member, and the sums granted. */
async function verifyGrants(
  database: Database,
  seedRows: VerifyContext['seedRows'],
): Promise<VerificationLine[]> {
  let seedGrants = 0;
  let seedGranted = 0;
  let maxSeedId = 0;
  for await (const rows of seedRows('requests', READ)) {
    for (const row of rows) {
      maxSeedId = Math.max(maxSeedId, Number(row.id));
      const memberId = unsignedIdOf(row.member_id);
      if (memberId === null || memberId === 'invalid') continue;
      seedGrants += 1;
      const { kopiyky } = kopiykyOfSeedAmount(row.suma ?? null);
      if (kopiyky !== null && kopiyky >= 0 && kopiyky <= 4_294_967_295) seedGranted += kopiyky;
    }
  }
  const [kasa] = await database.db
    .select({ n: count(), granted: sum(requestGrants.grantedAmount) })
    .from(requestGrants)
    .where(lte(requestGrants.requestId, maxSeedId));
  const kasaGrants = kasa?.n ?? 0;
  const kasaGranted = Number(kasa?.granted ?? 0);
  return [
    { what: 'request grants', seed: seedGrants, kasa: kasaGrants, agrees: seedGrants === kasaGrants },
    {
      what: 'request grants summed (kopiyky)',
      seed: seedGranted,
      kasa: kasaGranted,
      agrees: seedGranted === kasaGranted,
      ...(seedGranted === kasaGranted ? {} : { note: 'staff may have assessed requests since the import' }),
    },
  ];
}

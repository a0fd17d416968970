import { type Executor, placeholders, prepared } from '@kasa/db';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { ResultSetHeader } from 'mysql2';
import { members, membershipExtensions } from './schema.ts';

export type MembershipExtensionRow = typeof membershipExtensions.$inferSelect;

/** What a payment added to a membership, if it was applied. */
export async function findExtension(
  tx: Executor,
  paymentId: number,
): Promise<MembershipExtensionRow | undefined> {
  const [row] = await tx
    .select()
    .from(membershipExtensions)
    .where(eq(membershipExtensions.paymentId, paymentId))
    .limit(1);
  return row;
}

/** Records what a payment added; false, and nothing written, when that payment was applied before. */
export async function recordExtension(
  tx: Executor,
  extension: Omit<typeof membershipExtensions.$inferInsert, 'createdAt' | 'refundedAt'>,
  now: Date,
): Promise<boolean> {
  const [result] = await insertExtension(tx, { ...EXTENSION_DEFAULTS, ...extension, createdAt: now });
  return result.affectedRows === 1;
}

/** The columns an extension may leave out, so that every call fills the same statement. */
const EXTENSION_DEFAULTS = { previousPaidUntil: null, paidUntil: null };
const EXTENSION_COLUMNS = [
  'paymentId',
  'memberId',
  'amount',
  'programId',
  'days',
  'previousPaidUntil',
  'paidUntil',
  'createdAt',
] as const;
const insertExtension = prepared<
  Record<(typeof EXTENSION_COLUMNS)[number], unknown>,
  [ResultSetHeader, unknown]
>((db) => db.insert(membershipExtensions).ignore().values(placeholders(EXTENSION_COLUMNS)));

/**
 * What a payment needs of its member, the member's row locked (two payments for one member
 * apply one after the other): the day the membership runs to, and the program it is priced by.
 */
export async function lockMembership(
  tx: Executor,
  memberId: number,
): Promise<{ paidUntil: string | null; programId: number | null } | undefined> {
  const [row] = await lockMembershipOf(tx, { memberId });
  return row;
}

const lockMembershipOf = prepared<
  { memberId: number },
  { paidUntil: string | null; programId: number | null }[]
>((db) =>
  db
    .select({
      paidUntil: members.paidUntil,
      programId: sql<number | null>`COALESCE(${members.programId}, ${members.pendingProgramId})`,
    })
    .from(members)
    .where(eq(members.id, sql.placeholder('memberId')))
    .limit(1)
    .for('update'),
);

export async function markExtensionRefunded(tx: Executor, paymentId: number, now: Date): Promise<void> {
  await tx
    .update(membershipExtensions)
    .set({ refundedAt: now })
    .where(eq(membershipExtensions.paymentId, paymentId));
}

/** Memberships as lockMembership reads them, for a set of members: all their rows locked at once, in id order. */
export async function lockMemberships(
  tx: Executor,
  memberIds: readonly number[],
): Promise<Map<number, { paidUntil: string | null; programId: number | null }>> {
  const rows = await tx
    .select({
      id: members.id,
      paidUntil: members.paidUntil,
      programId: sql<number | null>`COALESCE(${members.programId}, ${members.pendingProgramId})`,
    })
    .from(members)
    .where(inArray(members.id, [...memberIds]))
    .orderBy(asc(members.id))
    .for('update');
  return new Map(rows.map(({ id, ...membership }) => [id, membership]));
}

/** The payments among these that extended a membership before. */
export async function appliedPayments(tx: Executor, paymentIds: readonly number[]): Promise<Set<number>> {
  const rows = await tx
    .select({ paymentId: membershipExtensions.paymentId })
    .from(membershipExtensions)
    .where(inArray(membershipExtensions.paymentId, [...paymentIds]));
  return new Set(rows.map(({ paymentId }) => paymentId));
}

/** Records what a set of payments added, in one statement (their members locked, none applied before). */
export async function recordExtensions(
  tx: Executor,
  extensions: readonly Omit<typeof membershipExtensions.$inferInsert, 'createdAt' | 'refundedAt'>[],
  now: Date,
): Promise<void> {
  if (extensions.length === 0) return;
  await tx
    .insert(membershipExtensions)
    .values(extensions.map((extension) => ({ ...extension, createdAt: now })));
}

/** Moves several members' paid-until days in one statement. */
export async function movePaidUntil(
  tx: Executor,
  paidUntil: ReadonlyMap<number, string>,
  now: Date,
): Promise<void> {
  if (paidUntil.size === 0) return;
  const cases = sql.join(
    [...paidUntil].map(([id, day]) => sql`WHEN ${id} THEN ${day}`),
    sql` `,
  );
  await tx
    .update(members)
    .set({ paidUntil: sql`CASE ${members.id} ${cases} END`, updatedAt: now })
    .where(inArray(members.id, [...paidUntil.keys()]));
}

import type { Executor } from '@kasa/db';
import { eq, sql } from 'drizzle-orm';
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
  const [result] = await tx
    .insert(membershipExtensions)
    .ignore()
    .values({ ...extension, createdAt: now });
  return result.affectedRows === 1;
}

/**
 * What a payment needs of its member, the member's row locked (two payments for one member
 * apply one after the other): the day the membership runs to, and the program it is priced by.
 */
export async function lockMembership(
  tx: Executor,
  memberId: number,
): Promise<{ paidUntil: string | null; programId: number | null } | undefined> {
  const [row] = await tx
    .select({
      paidUntil: members.paidUntil,
      programId: sql<number | null>`COALESCE(${members.programId}, ${members.pendingProgramId})`,
    })
    .from(members)
    .where(eq(members.id, memberId))
    .limit(1)
    .for('update');
  return row;
}

export async function markExtensionRefunded(tx: Executor, paymentId: number, now: Date): Promise<void> {
  await tx
    .update(membershipExtensions)
    .set({ refundedAt: now })
    .where(eq(membershipExtensions.paymentId, paymentId));
}

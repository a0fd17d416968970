import type { Executor } from '@kasa/db';
import { eq } from 'drizzle-orm';
import { membershipExtensions } from './schema.ts';

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

export async function recordExtension(
  tx: Executor,
  extension: Omit<typeof membershipExtensions.$inferInsert, 'createdAt' | 'refundedAt'>,
  now: Date,
): Promise<void> {
  await tx.insert(membershipExtensions).values({ ...extension, createdAt: now });
}

export async function markExtensionRefunded(tx: Executor, paymentId: number, now: Date): Promise<void> {
  await tx
    .update(membershipExtensions)
    .set({ refundedAt: now })
    .where(eq(membershipExtensions.paymentId, paymentId));
}

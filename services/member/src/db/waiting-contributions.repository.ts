import type { Executor } from '@kasa/db';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { waitingContributions } from './schema.ts';

export type WaitingContributionRow = typeof waitingContributions.$inferSelect;

/** Keeps a contribution waiting for a program; false, and nothing written, when it waits already. */
export async function recordWaitingContribution(
  tx: Executor,
  contribution: { paymentId: number; memberId: number; amount: number },
  now: Date,
): Promise<boolean> {
  const [result] = await tx
    .insert(waitingContributions)
    .ignore()
    .values({ ...contribution, createdAt: now });
  return result.affectedRows === 1;
}

/** The member's contributions still waiting (neither applied nor refunded), oldest first. */
export function waitingContributionsOf(tx: Executor, memberId: number): Promise<WaitingContributionRow[]> {
  return tx
    .select()
    .from(waitingContributions)
    .where(
      and(
        eq(waitingContributions.memberId, memberId),
        isNull(waitingContributions.appliedAt),
        isNull(waitingContributions.refundedAt),
      ),
    )
    .orderBy(asc(waitingContributions.createdAt), asc(waitingContributions.paymentId));
}

/** Ends a payment's wait, `as` applied to the membership or refunded; false if it was not waiting. */
export async function settleWaitingContribution(
  tx: Executor,
  paymentId: number,
  as: 'applied' | 'refunded',
  now: Date,
): Promise<boolean> {
  const [result] = await tx
    .update(waitingContributions)
    .set(as === 'applied' ? { appliedAt: now } : { refundedAt: now })
    .where(
      and(
        eq(waitingContributions.paymentId, paymentId),
        isNull(waitingContributions.appliedAt),
        isNull(waitingContributions.refundedAt),
      ),
    );
  return result.affectedRows === 1;
}

import { MembershipShortened, SYSTEM } from '@kasa/contracts';
import { newEvent, type TransactionContext } from '@kasa/messaging';
import { findMember, updateMember } from '../db/members.repository.ts';
import { findExtension, markExtensionRefunded } from '../db/membership.repository.ts';
import { settleWaitingContribution } from '../db/waiting-contributions.repository.ts';
import { shortenMembership } from '../domain/membership.ts';

export interface Refund {
  paymentId: number;
  memberId: number;
}

/**
 * A refunded contribution takes back the days it added, once (extendMembershipBy's
 * counterpart); one still waiting for the member's program only ends its wait.
 */
export async function shortenMembershipBy({ tx, emit }: TransactionContext, refund: Refund): Promise<void> {
  const now = new Date();
  if (await settleWaitingContribution(tx, refund.paymentId, 'refunded', now)) return;
  const member = await findMember(tx, refund.memberId, true);
  const extension = await findExtension(tx, refund.paymentId);
  if (!member || !extension || extension.refundedAt !== null) return;
  await markExtensionRefunded(tx, refund.paymentId, now);
  const paidUntil = shortenMembership(member.paidUntil, extension.days);
  if (paidUntil === member.paidUntil || paidUntil === null) return;
  await updateMember(tx, refund.memberId, { paidUntil }, now);
  await emit(
    newEvent(
      MembershipShortened,
      { memberId: refund.memberId, paymentId: refund.paymentId, days: extension.days, paidUntil },
      { aggregateId: refund.memberId, actor: SYSTEM },
    ),
  );
}

import { MembershipShortened, PaymentConfirmed, PaymentRefunded, SYSTEM } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import { newEvent } from '@kasa/messaging';
import { creditContribution } from '../application/credit-contribution.ts';
import { findMember, updateMember } from '../db/members.repository.ts';
import { findExtension, markExtensionRefunded } from '../db/membership.repository.ts';
import { settleWaitingContribution } from '../db/waiting-contributions.repository.ts';
import { shortenMembership } from '../domain/membership.ts';

/**
 * A confirmed contribution extends the membership (SPEC §3), or waits for the member's program;
 * a refund takes back what its contribution added, or ends its wait.
 */
export function paymentHandlers(consumers: Consumers): void {
  consumers.handle(PaymentConfirmed, async ({ data }, context) => {
    if (data.kind !== 'contribution') return;
    const { paymentId, memberId, amount } = data;
    await creditContribution(context, { paymentId, memberId, amount });
  });

  // A refunded contribution takes back the days it added, once.
  consumers.handle(PaymentRefunded, async ({ data }, { tx, emit }) => {
    const now = new Date();
    if (await settleWaitingContribution(tx, data.paymentId, 'refunded', now)) return;
    const member = await findMember(tx, data.memberId, true);
    const extension = await findExtension(tx, data.paymentId);
    if (!member || !extension || extension.refundedAt !== null) return;
    await markExtensionRefunded(tx, data.paymentId, now);
    const paidUntil = shortenMembership(member.paidUntil, extension.days);
    if (paidUntil === member.paidUntil || paidUntil === null) return;
    await updateMember(tx, data.memberId, { paidUntil }, now);
    await emit(
      newEvent(
        MembershipShortened,
        { memberId: data.memberId, paymentId: data.paymentId, days: extension.days, paidUntil },
        { aggregateId: data.memberId, actor: SYSTEM },
      ),
    );
  });
}

import {
  kyivDateOf,
  MembershipExtended,
  MembershipShortened,
  PaymentConfirmed,
  PaymentRefunded,
  SYSTEM,
} from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import { newEvent } from '@kasa/messaging';
import { findMember, updateMember } from '../db/members.repository.ts';
import {
  findExtension,
  lockMembership,
  markExtensionRefunded,
  recordExtension,
} from '../db/membership.repository.ts';
import { findProgram } from '../db/programs.repository.ts';
import { extendMembership, shortenMembership } from '../domain/membership.ts';

/**
 * A confirmed contribution extends the member's membership (SPEC §3), once per payment: the
 * member's row is locked first, so two payments for one member apply one after the other,
 * each from the date the other left; `membership_extensions` remembers each payment's share.
 */
export function paymentHandlers(consumers: Consumers): void {
  consumers.handle(PaymentConfirmed, async ({ data }, { tx, emit }) => {
    if (data.kind !== 'contribution') return;
    const member = await lockMembership(tx, data.memberId);
    // Thrown, not skipped: the message retries and ends in the dead-letter queue, in sight.
    if (!member)
      throw new Error(`Payment ${data.paymentId} is for member ${data.memberId}, who does not exist`);
    // The program the member pays for: the current one, or the one chosen and awaiting review.
    const program = member.programId === null ? undefined : await findProgram(tx, member.programId);
    if (!program) {
      throw new Error(`Payment ${data.paymentId}: member ${data.memberId} has no program to price it`);
    }
    const now = new Date();
    const extension = extendMembership({
      paidUntil: member.paidUntil,
      today: kyivDateOf(now),
      amount: data.amount,
      monthPrice: program.monthPrice,
    });
    const applied = await recordExtension(
      tx,
      {
        paymentId: data.paymentId,
        memberId: data.memberId,
        amount: data.amount,
        programId: program.id,
        ...extension,
      },
      now,
    );
    // Applied before (the same payment in another event): once is all.
    if (!applied || extension.days === 0 || extension.paidUntil === null) return;
    await updateMember(tx, data.memberId, { paidUntil: extension.paidUntil }, now);
    await emit(
      newEvent(
        MembershipExtended,
        {
          memberId: data.memberId,
          paymentId: data.paymentId,
          days: extension.days,
          previousPaidUntil: extension.previousPaidUntil,
          paidUntil: extension.paidUntil,
        },
        { aggregateId: data.memberId, actor: SYSTEM },
      ),
    );
  });

  // A refunded contribution takes back the days it added, once.
  consumers.handle(PaymentRefunded, async ({ data }, { tx, emit }) => {
    const member = await findMember(tx, data.memberId, true);
    const extension = await findExtension(tx, data.paymentId);
    if (!member || !extension || extension.refundedAt !== null) return;
    const now = new Date();
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

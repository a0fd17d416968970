import { ContributionAwaitingProgram, kyivDateOf, MembershipExtended, SYSTEM } from '@kasa/contracts';
import { newEvent, type TransactionContext } from '@kasa/messaging';
import { updateMember } from '../db/members.repository.ts';
import { lockMembership, recordExtension } from '../db/membership.repository.ts';
import { findProgram, type ProgramRow } from '../db/programs.repository.ts';
import {
  recordWaitingContribution,
  settleWaitingContribution,
  waitingContributionsOf,
} from '../db/waiting-contributions.repository.ts';
import { extendMembership } from '../domain/membership.ts';

export interface Contribution {
  paymentId: number;
  memberId: number;
  /** Kopiyky. */
  amount: number;
}

type Membership = { paidUntil: string | null; programId: number | null };

/**
 * A confirmed contribution extends the membership it pays for (SPEC §3), once per payment. The
 * member's row is locked first, so two payments for one member apply one after the other, each
 * from the day the other left. A member with no program to price it (they paid before choosing
 * one) keeps the money waiting, in sight of staff, instead of it being lost in a dead letter:
 * it is applied as soon as they choose a program, or refunded by staff.
 */
export async function extendMembershipBy(
  context: TransactionContext,
  contribution: Contribution,
): Promise<void> {
  const { tx, emit } = context;
  const member = await lockMembership(tx, contribution.memberId);
  // Thrown, not skipped: the message retries and ends in the dead-letter queue, in sight.
  if (!member) {
    throw new Error(
      `Payment ${contribution.paymentId} is for member ${contribution.memberId}, who does not exist`,
    );
  }
  const program = await pricingProgram(context, member);
  if (program) {
    await applyContribution(context, contribution, member, program);
    return;
  }
  const { paymentId, memberId, amount } = contribution;
  if (!(await recordWaitingContribution(tx, { paymentId, memberId, amount }, new Date()))) return;
  await emit(
    newEvent(
      ContributionAwaitingProgram,
      { paymentId, memberId, amount },
      {
        aggregateId: memberId,
        actor: SYSTEM,
      },
    ),
  );
}

/**
 * The member now has a program (chosen with the profile, or a change asked for): what they paid
 * while they had none extends their membership, oldest first. Runs inside the change's own
 * transaction, so the program and what it prices commit together.
 */
export async function creditWaitingContributions(
  context: TransactionContext,
  memberId: number,
): Promise<void> {
  const waiting = await waitingContributionsOf(context.tx, memberId);
  if (waiting.length === 0) return;
  const member = await lockMembership(context.tx, memberId);
  const program = member && (await pricingProgram(context, member));
  if (!member || !program) return;
  let paidUntil = member.paidUntil;
  for (const { paymentId, amount } of waiting) {
    const contribution = { paymentId, memberId, amount };
    paidUntil = await applyContribution(context, contribution, { ...member, paidUntil }, program);
    await settleWaitingContribution(context.tx, paymentId, 'applied', new Date());
  }
}

/** The program a contribution is priced by: the member's, or the one chosen and awaiting review. */
async function pricingProgram(
  { tx }: TransactionContext,
  member: Membership,
): Promise<ProgramRow | undefined> {
  if (member.programId === null) return undefined;
  const program = await findProgram(tx, member.programId);
  return program && program.monthPrice > 0 ? program : undefined;
}

/** Records what the contribution adds and moves the paid-until day; the day it now runs to. */
async function applyContribution(
  { tx, emit }: TransactionContext,
  contribution: Contribution,
  member: Membership,
  program: ProgramRow,
): Promise<string | null> {
  const now = new Date();
  const extension = extendMembership({
    paidUntil: member.paidUntil,
    today: kyivDateOf(now),
    amount: contribution.amount,
    monthPrice: program.monthPrice,
  });
  const { paymentId, memberId, amount } = contribution;
  const applied = await recordExtension(
    tx,
    { paymentId, memberId, amount, programId: program.id, ...extension },
    now,
  );
  // Applied before (the same payment in another event): once is all.
  if (!applied || extension.days === 0 || extension.paidUntil === null) return member.paidUntil;
  await updateMember(tx, contribution.memberId, { paidUntil: extension.paidUntil }, now);
  await emit(
    newEvent(
      MembershipExtended,
      {
        memberId: contribution.memberId,
        paymentId: contribution.paymentId,
        days: extension.days,
        previousPaidUntil: extension.previousPaidUntil,
        paidUntil: extension.paidUntil,
      },
      { aggregateId: contribution.memberId, actor: SYSTEM },
    ),
  );
  return extension.paidUntil;
}

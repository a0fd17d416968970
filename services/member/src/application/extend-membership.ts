import { ContributionAwaitingProgram, kyivDateOf, MembershipExtended, SYSTEM } from '@kasa/contracts';
import { newEvent, type TransactionContext } from '@kasa/messaging';
import { updateMember } from '../db/members.repository.ts';
import {
  appliedPayments,
  lockMembership,
  lockMemberships,
  movePaidUntil,
  recordExtension,
  recordExtensions,
} from '../db/membership.repository.ts';
import { findProgram, findPrograms, type ProgramRow } from '../db/programs.repository.ts';
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
 * Contributions confirmed together, applied as a set (issue 20): every member of the batch
 * locked at once in id order (so batches never deadlock), their programs and the payments
 * applied before read in one statement each, then one insert of the extensions, one update of
 * the paid-until days and one write of the events. The rule is extendMembershipBy's, applied in
 * the batch's order: two payments of one member chain, each from the day the other left. A
 * contribution waiting for its member's program, or a batch that fails (a member who does not
 * exist), goes the one-by-one way.
 */
export async function extendMembershipsBy(
  context: TransactionContext,
  contributions: readonly Contribution[],
): Promise<void> {
  if (contributions.length <= 1) {
    for (const contribution of contributions) await extendMembershipBy(context, contribution);
    return;
  }
  const { tx, emit } = context;
  const memberships = await lockMemberships(tx, [...new Set(contributions.map(({ memberId }) => memberId))]);
  const unknown = contributions.find(({ memberId }) => !memberships.has(memberId));
  if (unknown) {
    throw new Error(`Payment ${unknown.paymentId} is for member ${unknown.memberId}, who does not exist`);
  }
  const programIds = [...memberships.values()].flatMap(({ programId }) =>
    programId === null ? [] : [programId],
  );
  const [programsById, applied] = await Promise.all([
    findPrograms(tx, [...new Set(programIds)]),
    appliedPayments(
      tx,
      contributions.map(({ paymentId }) => paymentId),
    ),
  ]);
  const now = new Date();
  const today = kyivDateOf(now);
  const extensions: Parameters<typeof recordExtensions>[1][number][] = [];
  const paidUntilOf = new Map<number, string>();
  const events = [];
  for (const contribution of contributions) {
    const { paymentId, memberId, amount } = contribution;
    // Applied before, or twice in this batch (the same payment in another event): once is all.
    if (applied.has(paymentId)) continue;
    applied.add(paymentId);
    const membership = memberships.get(memberId)!;
    const program = membership.programId === null ? undefined : programsById.get(membership.programId);
    if (!program || program.monthPrice <= 0) {
      await extendMembershipBy(context, contribution);
      continue;
    }
    const extension = extendMembership({
      paidUntil: paidUntilOf.get(memberId) ?? membership.paidUntil,
      today,
      amount,
      monthPrice: program.monthPrice,
    });
    extensions.push({ paymentId, memberId, amount, programId: program.id, ...extension });
    if (extension.days === 0 || extension.paidUntil === null) continue;
    paidUntilOf.set(memberId, extension.paidUntil);
    events.push(
      newEvent(
        MembershipExtended,
        {
          memberId,
          paymentId,
          days: extension.days,
          previousPaidUntil: extension.previousPaidUntil,
          paidUntil: extension.paidUntil,
        },
        { aggregateId: memberId, actor: SYSTEM },
      ),
    );
  }
  await recordExtensions(tx, extensions, now);
  await movePaidUntil(tx, paidUntilOf, now);
  if (events.length > 0) await emit(...events);
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

import { ProgramChangeRequested } from '@kasa/contracts';
import { conflict } from '@kasa/http';
import { newEvent } from '@kasa/messaging';
import { findMember, type MemberRow, updateMember } from '../db/members.repository.ts';
import { findProgram, type ProgramRow } from '../db/programs.repository.ts';
import type { MemberDeps } from '../deps.ts';
import { creditWaitingContributions } from './extend-membership.ts';
import { callingMember, memberActor } from './member-access.ts';
import { programNotFound } from './submit-profile.ts';

/** The change as asked: the program, the member as it left them, and when it was asked. */
export interface ProgramChange {
  program: ProgramRow;
  member: MemberRow;
  requestedAt: Date;
}

/**
 * The member asks to move to another program; it takes effect when staff approve. Asking for
 * the program they are on withdraws a pending change.
 */
export async function changeProgram(
  deps: MemberDeps,
  memberId: number,
  programId: number,
): Promise<ProgramChange> {
  return deps.context.messaging.unitOfWork.run(async (context) => {
    const { tx, emit } = context;
    const member = await callingMember(tx, memberId, true);
    const program = await findProgram(tx, programId);
    if (!program?.isActive) throw programNotFound();
    // Asking again for the change already pending changes nothing: it was asked when the member last changed.
    if (program.id === member.pendingProgramId) return { program, member, requestedAt: member.updatedAt };
    const now = new Date();
    if (program.id === member.programId) {
      if (member.pendingProgramId === null) throw conflict('You are already on this program', 'same_program');
      await updateMember(tx, memberId, { pendingProgramId: null, hasNewProgramChange: false }, now);
    } else {
      await updateMember(tx, memberId, { pendingProgramId: program.id, hasNewProgramChange: true }, now);
      await emit(
        newEvent(ProgramChangeRequested, { memberId, programId: program.id }, memberActor(memberId)),
      );
      await creditWaitingContributions(context, memberId);
    }
    const changed = await findMember(tx, memberId);
    return { program, member: changed ?? member, requestedAt: now };
  });
}

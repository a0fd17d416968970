import { ProgramChangeRequested } from '@kasa/contracts';
import { conflict } from '@kasa/http';
import { newEvent } from '@kasa/messaging';
import { updateMember } from '../db/members.repository.ts';
import { findProgram, type ProgramRow } from '../db/programs.repository.ts';
import { callingMember, memberActor } from './member-access.ts';
import type { MemberDeps } from './member-deps.ts';
import { programNotFound } from './submit-profile.ts';

/**
 * The member asks to move to another program; it takes effect when staff approve. Asking for
 * the program they are on withdraws a pending change.
 */
export async function changeProgram(
  deps: MemberDeps,
  memberId: number,
  programId: number,
): Promise<ProgramRow> {
  return deps.context.messaging.unitOfWork.run(async ({ tx, emit }) => {
    const member = await callingMember(tx, memberId, true);
    const program = await findProgram(tx, programId);
    if (!program?.isActive) throw programNotFound();
    const now = new Date();
    if (program.id === member.programId) {
      if (member.pendingProgramId === null) throw conflict('You are already on this program', 'same_program');
      await updateMember(tx, memberId, { pendingProgramId: null, hasNewProgramChange: false }, now);
      return program;
    }
    if (program.id === member.pendingProgramId) return program;
    await updateMember(tx, memberId, { pendingProgramId: program.id, hasNewProgramChange: true }, now);
    await emit(newEvent(ProgramChangeRequested, { memberId, programId: program.id }, memberActor(memberId)));
    return program;
  });
}

import type { MemberProgram } from '@kasa/contracts';
import type { Static } from 'typebox';
import type { MemberProgramRow } from '../db/member-programs.repository.ts';
import type { ProgramRow } from '../db/programs.repository.ts';
import { programView } from './member.view.ts';

type MemberProgramView = Static<typeof MemberProgram>;

/** A program the member was or is on (`is_active` while it has not ended), from their history. */
export function memberProgramView(row: MemberProgramRow, program: ProgramRow): MemberProgramView {
  return {
    id: row.id,
    program: programView(program),
    created_at: row.startedAt.toISOString(),
    updated_at: (row.endedAt ?? row.startedAt).toISOString(),
    is_active: row.endedAt === null,
    is_new: false,
  };
}

/**
 * The change of program the member asked for. Kasa keeps it on the member until staff approve
 * it (then it joins the history), so it has no row of its own: it answers under the member's
 * id, which names it well enough as a member has at most one change pending. `since` is when
 * it was asked for, as far as the caller knows it.
 */
export function pendingMemberProgramView(
  memberId: number,
  program: ProgramRow,
  since: Date,
): MemberProgramView {
  return {
    id: memberId,
    program: programView(program),
    created_at: since.toISOString(),
    updated_at: since.toISOString(),
    is_active: false,
    is_new: true,
  };
}

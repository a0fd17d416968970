import type { MemberCard, ProfileCorrection } from '@kasa/contracts';
import { seedDateOf, seedDateOfCalendarDate } from '@kasa/contracts';
import { notFound } from '@kasa/http';
import type { Static } from 'typebox';
import { listDocuments } from '../db/identity-documents.repository.ts';
import { memberProgramHistory } from '../db/member-programs.repository.ts';
import { findMember } from '../db/members.repository.ts';
import { type ProfileCorrectionRow, unresolvedCorrections } from '../db/profile-corrections.repository.ts';
import { listPrograms } from '../db/programs.repository.ts';
import type { MemberDeps } from '../deps.ts';
import { identityDocumentView, memberRecordView, programView } from '../http/member.view.ts';
import { memberProgramView, pendingMemberProgramView } from '../http/member-program.view.ts';

export const memberNotFound = () => notFound('Member not found', 'member_not_found');

function correctionView(correction: ProfileCorrectionRow): Static<typeof ProfileCorrection> {
  return {
    id: correction.id,
    first_name: correction.firstName,
    middle_name: correction.middleName,
    last_name: correction.lastName,
    birth_date: correction.birthDate === null ? null : seedDateOfCalendarDate(correction.birthDate),
    created_at: seedDateOf(correction.createdAt),
  };
}

/**
 * What staff review a member by: the profile, the program they are on and the one they asked
 * for (as programs and as rows of their program history), every program to choose from, their
 * documents (current, pending, all) and the mistakes they reported that nobody has resolved yet.
 */
export async function memberCard(deps: MemberDeps, memberId: number): Promise<Static<typeof MemberCard>> {
  const { db } = deps.context.database;
  const member = await findMember(db, memberId);
  if (!member) throw memberNotFound();
  const [programs, history, documents, corrections] = await Promise.all([
    listPrograms(db, { activeOnly: false }),
    memberProgramHistory(db, memberId),
    listDocuments(db, memberId),
    unresolvedCorrections(db, memberId),
  ]);
  const byId = new Map(programs.map((program) => [program.id, program]));
  const programOf = (id: number | null) => {
    const program = id === null ? undefined : byId.get(id);
    return program ? programView(program) : null;
  };
  const past = history.flatMap((row) => {
    const program = byId.get(row.programId);
    return program ? [memberProgramView(row, program)] : [];
  });
  const pendingProgram = member.pendingProgramId === null ? undefined : byId.get(member.pendingProgramId);
  // No stamp of its own: the member's row last changed when the change was asked for, or later.
  const pending = pendingProgram
    ? pendingMemberProgramView(memberId, pendingProgram, member.updatedAt)
    : null;
  const current = past.find((row) => row.is_active && row.program.program_id === member.programId) ?? null;
  const identities = documents.map(identityDocumentView);
  return {
    member: memberRecordView(member),
    actual_program: programOf(member.programId),
    new_program: programOf(member.pendingProgramId),
    programs: programs.map(programView),
    current_identities: identities.filter(({ status }) => status === 'current'),
    new_identities: identities.filter(({ status }) => status === 'pending'),
    identities,
    corrections: corrections.map(correctionView),
    actual_member_program: current,
    new_member_program: pending,
    member_programs: pending ? [pending, ...past] : past,
  };
}

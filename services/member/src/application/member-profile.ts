import type { MemberProfile } from '@kasa/contracts';
import { forbidden } from '@kasa/http';
import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { members, programs } from '../db/schema.ts';
import { memberRecordView, programView } from '../http/member.view.ts';
import type { MemberDeps } from './member-deps.ts';

/**
 * `profile/get`: the member with their program, once staff approved them (SPEC §3). One
 * query: it is the app's most frequent call.
 */
export async function memberProfile(
  deps: MemberDeps,
  memberId: number,
): Promise<Static<typeof MemberProfile>> {
  const [row] = await deps.context.database.db
    .select({ member: members, program: programs })
    .from(members)
    .leftJoin(programs, eq(programs.id, members.programId))
    .where(eq(members.id, memberId))
    .limit(1);
  if (!row?.member.isSubmitted) throw forbidden('Your profile is not approved yet', 'profile_not_approved');
  if (!row.member.isActive) throw forbidden('Your account is blocked', 'member_blocked');
  return { ...memberRecordView(row.member), program: row.program ? programView(row.program) : null };
}

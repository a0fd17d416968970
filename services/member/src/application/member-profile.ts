import type { MemberProfile } from '@kasa/contracts';
import type { Database } from '@kasa/db';
import { forbidden } from '@kasa/http';
import { eq, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import { memberColumns } from '../db/members.repository.ts';
import { members, programs } from '../db/schema.ts';
import type { MemberDeps } from '../deps.ts';
import { memberRecordView, programView } from '../http/member.view.ts';

/**
 * `profile/get` reads the member with their program in one query, built once per database
 * and prepared on the server (see `preparedDb`): it is the app's most frequent call, and
 * building the SQL anew each time cost more than running it.
 */
const prepared = new WeakMap<Database, ReturnType<typeof prepareProfileQuery>>();

function prepareProfileQuery(database: Database) {
  return database.preparedDb
    .select({ member: memberColumns, program: programs })
    .from(members)
    .leftJoin(programs, eq(programs.id, members.programId))
    .where(eq(members.id, sql.placeholder('id')))
    .limit(1)
    .prepare();
}

/** The member with their program, once staff approved them (SPEC §3). */
export async function memberProfile(
  deps: MemberDeps,
  memberId: number,
): Promise<Static<typeof MemberProfile>> {
  const { database } = deps.context;
  let query = prepared.get(database);
  if (!query) {
    query = prepareProfileQuery(database);
    prepared.set(database, query);
  }
  const [row] = await query.execute({ id: memberId });
  if (!row?.member.isSubmitted) throw forbidden('Your profile is not approved yet', 'profile_not_approved');
  if (!row.member.isActive) throw forbidden('Your account is blocked', 'member_blocked');
  return { ...memberRecordView(row.member), program: row.program ? programView(row.program) : null };
}

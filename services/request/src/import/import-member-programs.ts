import type { Tx } from '@kasa/db';
import { flagOfSeed, instantOfSeedDateTime, type SeedRow } from '@kasa/seed-import';
import { inArray, sql } from 'drizzle-orm';
import { memberPrograms } from '../db/schema.ts';
import { idOf } from './seed-values.ts';

type MemberProgram = typeof memberPrograms.$inferInsert;

/**
 * The program each member is on, as `member.approved` tells the request service in Kasa (what
 * is usual for a request is judged on the member's program): a seed `member_program` row that is
 * the member's current one (`is_active`; `is_new` ones are changes asked for, not approved).
 * Dated by when it last changed, which for a current row is when it was approved. The member
 * service's import reports the rows' own problems; a row that cannot be read here is skipped.
 */
export function memberProgramOfSeed(row: SeedRow, runStartedAt: Date): MemberProgram | null {
  if (!flagOfSeed(row.is_active ?? null)) return null;
  const memberId = idOf(row.member_id);
  const programId = idOf(row.program_id);
  if (memberId === null || programId === null) return null;
  let approvedAt = runStartedAt;
  for (const text of [row.updated_at, row.created_at]) {
    const instant = instantOfSeedDateTime(text ?? null);
    if (instant instanceof Date) {
      approvedAt = instant;
      break;
    }
  }
  return { memberId, programId, approvedAt };
}

/**
 * Writes the members' current programs; a member's latest approval wins, whether it is the
 * seed's or one Kasa has made since (as `recordMemberProgram` keeps them). How many members
 * got a program anew.
 */
export async function importMemberPrograms(
  tx: Tx,
  rows: readonly SeedRow[],
  runStartedAt: Date,
): Promise<number> {
  const latest = new Map<number, MemberProgram>();
  for (const row of rows) {
    const program = memberProgramOfSeed(row, runStartedAt);
    const known = program && latest.get(program.memberId);
    if (program && (!known || program.approvedAt >= known.approvedAt!)) latest.set(program.memberId, program);
  }
  if (latest.size === 0) return 0;
  const there = await tx
    .select({ memberId: memberPrograms.memberId })
    .from(memberPrograms)
    .where(inArray(memberPrograms.memberId, [...latest.keys()]));
  await tx
    .insert(memberPrograms)
    .values([...latest.values()])
    .onDuplicateKeyUpdate({
      // Left to right: `program_id` is compared with the time still stored.
      set: {
        programId: sql`IF(VALUES(approved_at) >= approved_at, VALUES(program_id), program_id)`,
        approvedAt: sql`GREATEST(approved_at, VALUES(approved_at))`,
      },
    });
  return latest.size - there.length;
}

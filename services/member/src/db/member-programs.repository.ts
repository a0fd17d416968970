import type { Executor } from '@kasa/db';
import { desc, eq } from 'drizzle-orm';
import { memberPrograms } from './schema.ts';

export type MemberProgramRow = typeof memberPrograms.$inferSelect;

/** The programs a member has been on, latest started first: the current one has no end. */
export async function memberProgramHistory(tx: Executor, memberId: number): Promise<MemberProgramRow[]> {
  return tx
    .select()
    .from(memberPrograms)
    .where(eq(memberPrograms.memberId, memberId))
    .orderBy(desc(memberPrograms.startedAt), desc(memberPrograms.id));
}

import { type Executor, prepared } from '@kasa/db';
import { isStoredFileName } from '@kasa/files';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { memberPrograms, programs } from './schema.ts';

export type ProgramRow = typeof programs.$inferSelect;

export async function findProgram(tx: Executor, id: number): Promise<ProgramRow | undefined> {
  const [row] = await programById(tx, { id });
  return row;
}

const programById = prepared<{ id: number }, ProgramRow[]>((db) =>
  db
    .select()
    .from(programs)
    .where(eq(programs.id, sql.placeholder('id')))
    .limit(1),
);

/** Programs by id, for a set of them. */
export async function findPrograms(tx: Executor, ids: readonly number[]): Promise<Map<number, ProgramRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(programs)
    .where(inArray(programs.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row]));
}

/** The catalogue; members see only the active programs. */
export async function listPrograms(
  tx: Executor,
  { activeOnly }: { activeOnly: boolean },
): Promise<ProgramRow[]> {
  const query = tx.select().from(programs).orderBy(asc(programs.id));
  return activeOnly ? query.where(eq(programs.isActive, true)) : query;
}

/** The program whose terms are this stored file, if any: terms are public, other files are not. */
export async function findProgramByTermsFile(tx: Executor, name: string): Promise<ProgramRow | undefined> {
  if (!isStoredFileName(name)) return undefined;
  const [row] = await tx.select().from(programs).where(eq(programs.termsFile, name)).limit(1);
  return row;
}

export type ProgramValues = Pick<
  typeof programs.$inferInsert,
  'name' | 'monthPrice' | 'isActive' | 'termsFile'
>;

/** A new program; `staffId` is who created it (and so last updated it). */
export async function insertProgram(
  tx: Executor,
  values: ProgramValues,
  staffId: number,
  now: Date,
): Promise<number> {
  const [created] = await tx
    .insert(programs)
    .values({ ...values, createdBy: staffId, updatedBy: staffId, createdAt: now, updatedAt: now })
    .$returningId();
  return created!.id;
}

/** Locks the program until the transaction ends, so two edits of it queue up. */
export async function lockProgram(tx: Executor, id: number): Promise<ProgramRow | undefined> {
  const [row] = await tx.select().from(programs).where(eq(programs.id, id)).limit(1).for('update');
  return row;
}

export async function updateProgram(
  tx: Executor,
  id: number,
  patch: Partial<ProgramValues>,
  staffId: number,
  now: Date,
): Promise<void> {
  await tx
    .update(programs)
    .set({ ...patch, updatedBy: staffId, updatedAt: now })
    .where(eq(programs.id, id));
}

/** The member moves to another program: the current one ends now, the new one starts now. */
export async function switchMemberProgram(
  tx: Executor,
  memberId: number,
  programId: number,
  now: Date,
): Promise<void> {
  await tx
    .update(memberPrograms)
    .set({ endedAt: now })
    .where(and(eq(memberPrograms.memberId, memberId), isNull(memberPrograms.endedAt)));
  await tx.insert(memberPrograms).values({ memberId, programId, startedAt: now });
}

import type { Executor } from '@kasa/db';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { profileCorrections } from './schema.ts';

export type ProfileCorrectionRow = typeof profileCorrections.$inferSelect;
export type NewProfileCorrection = Omit<
  typeof profileCorrections.$inferInsert,
  'id' | 'resolvedAt' | 'createdAt'
>;

/** A member's report of a mistake in their name or birth date, for staff. */
export async function addProfileCorrection(tx: Executor, correction: NewProfileCorrection): Promise<void> {
  await tx.insert(profileCorrections).values(correction);
}

/** The reports nobody has dealt with yet, oldest first. */
export function unresolvedCorrections(tx: Executor, memberId: number): Promise<ProfileCorrectionRow[]> {
  return tx
    .select()
    .from(profileCorrections)
    .where(and(eq(profileCorrections.memberId, memberId), isNull(profileCorrections.resolvedAt)))
    .orderBy(asc(profileCorrections.id));
}

/** Approving the member deals with every open report. */
export async function resolveCorrections(tx: Executor, memberId: number, now: Date): Promise<void> {
  await tx
    .update(profileCorrections)
    .set({ resolvedAt: now })
    .where(and(eq(profileCorrections.memberId, memberId), isNull(profileCorrections.resolvedAt)));
}

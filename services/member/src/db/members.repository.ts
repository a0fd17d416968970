import type { Executor } from '@kasa/db';
import { members } from './schema.ts';

export type MemberRow = typeof members.$inferSelect;

/** The profile of a new sign-in account; a repeated sign-up event changes nothing. */
export async function insertSignedUpMember(tx: Executor, id: number, phone: string): Promise<void> {
  await tx.insert(members).ignore().values({ id, phone });
}

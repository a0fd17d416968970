import { type Executor, isDuplicateKey, preparedUpdateByKey } from '@kasa/db';
import { eq, getTableColumns } from 'drizzle-orm';
import { members } from './schema.ts';

/** A member's columns, for queries that join or narrow them. */
export const memberColumns = getTableColumns(members);
export type MemberRow = typeof members.$inferSelect;
export type MemberPatch = Partial<Omit<typeof members.$inferInsert, 'id' | 'createdAt'>>;

/** The profile of a new sign-in account; a repeated sign-up event changes nothing. */
export async function insertSignedUpMember(tx: Executor, id: number, phone: string): Promise<void> {
  await tx.insert(members).ignore().values({ id, phone });
}

/** One member; `forUpdate` locks the row until the transaction ends, so changes to it queue up. */
export async function findMember(
  tx: Executor,
  id: number,
  forUpdate = false,
): Promise<MemberRow | undefined> {
  const query = tx.select(memberColumns).from(members).where(eq(members.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findMemberByPhone(tx: Executor, phone: string): Promise<MemberRow | undefined> {
  const [row] = await tx.select(memberColumns).from(members).where(eq(members.phone, phone)).limit(1);
  return row;
}

const updateById = preparedUpdateByKey(members, members.id);

export async function updateMember(tx: Executor, id: number, patch: MemberPatch, now: Date): Promise<void> {
  await updateById(tx, id, { ...patch, updatedAt: now });
}

/** MySQL's duplicate-key error on one of the members' unique indexes. */
export const isDuplicateOn = (error: unknown, index: 'members_phone' | 'members_certificate'): boolean =>
  isDuplicateKey(error, index);

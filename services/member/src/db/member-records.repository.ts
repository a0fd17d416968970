import type { Executor } from '@kasa/db';
import { inArray } from 'drizzle-orm';
import { type MemberRow, memberColumns } from './members.repository.ts';
import { members } from './schema.ts';

/** Whole members by id, in the order asked; ids of no member are left out. */
export async function membersByIds(tx: Executor, ids: readonly number[]): Promise<MemberRow[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select(memberColumns)
    .from(members)
    .where(inArray(members.id, [...ids]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

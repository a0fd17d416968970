import type { Executor } from '@kasa/db';
import { and, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { membersByIds } from './member-records.repository.ts';
import type { MemberSearchIndex, Page, SearchField } from './member-search-index.ts';
import type { MemberRow } from './members.repository.ts';
import { members } from './schema.ts';

export interface FoundMembers {
  rows: MemberRow[];
  total: number;
}

/**
 * Members with any of the words in one of the fields, as the seed OR-ed its `contains` (in
 * memory, see MemberSearchIndex), their rows by key.
 */
export async function searchMembers(
  index: MemberSearchIndex,
  tx: Executor,
  words: readonly string[],
  fields: ReadonlySet<SearchField>,
  page: Page,
): Promise<FoundMembers> {
  if (words.length === 0 || fields.size === 0) return { rows: [], total: 0 };
  const { ids, total } = await index.search(tx, words, fields, page, 'any');
  return { rows: await membersByIds(tx, ids), total };
}

/** Just the ids of the members with every word in one of the fields, latest changed first. */
export async function matchingMemberIds(
  index: MemberSearchIndex,
  tx: Executor,
  words: readonly string[],
  fields: ReadonlySet<SearchField>,
  limit: number,
): Promise<{ ids: number[]; total: number }> {
  if (words.length === 0 || fields.size === 0) return { ids: [], total: 0 };
  const { ids, total } = await index.search(tx, words, fields, { offset: 0, limit });
  return { ids: [...ids], total };
}

/** The names and certificates of the members with these ids, in their order (unknown ids left out). */
export async function memberSummaries(tx: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({
      id: members.id,
      firstName: members.firstName,
      middleName: members.middleName,
      lastName: members.lastName,
      certificate: members.certificate,
    })
    .from(members)
    .where(inArray(members.id, [...ids]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The members staff must look at (domain/member-review.ts `needsAttention`, in SQL): one
 * branch per reason, each read from its own small index, so the cost follows the length of
 * the list and not the number of members.
 */
export async function membersNeedingAttention(tx: Executor, page: Page): Promise<FoundMembers> {
  const reasons = [
    and(eq(members.isSubmitted, false), isNotNull(members.profileSentAt)),
    eq(members.hasNewProgramChange, true),
    eq(members.hasNewDocuments, true),
    eq(members.hasCorrectionRequest, true),
    eq(members.hasNewRequest, true),
  ];
  const branches = reasons.map(
    (reason) => sql`SELECT ${members.id}, ${members.updatedAt} FROM ${members} WHERE ${reason}`,
  );
  return pageOf(tx, sql.join(branches, sql` UNION `), page);
}

/**
 * A page of the members `source` selects (`id`, `updated_at`), latest changed first, and how
 * many it selects in all: both from one pass over it. The page's rows are then read by key.
 */
async function pageOf(tx: Executor, source: SQL, { offset, limit }: Page): Promise<FoundMembers> {
  const [ids] = (await tx.execute(
    sql`SELECT id, COUNT(*) OVER () AS total FROM (${source}) AS found
        ORDER BY updated_at DESC, id DESC LIMIT ${limit} OFFSET ${offset}`,
  )) as unknown as [{ id: number; total: number }[]];
  if (ids.length === 0) {
    if (offset === 0) return { rows: [], total: 0 };
    const [counted] = (await tx.execute(
      sql`SELECT COUNT(*) AS total FROM (${source}) AS found`,
    )) as unknown as [{ total: number }[]];
    return { rows: [], total: Number(counted[0]?.total ?? 0) };
  }
  return {
    rows: await membersByIds(
      tx,
      ids.map(({ id }) => id),
    ),
    total: Number(ids[0]!.total),
  };
}

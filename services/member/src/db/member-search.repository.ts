import type { Executor } from '@kasa/db';
import { and, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { MySqlColumn } from 'drizzle-orm/mysql-core';
import { type MemberRow, memberColumns } from './members.repository.ts';
import { members } from './schema.ts';

export type SearchField = 'name' | 'passport' | 'inn' | 'iban' | 'certificate';

export interface Page {
  offset: number;
  limit: number;
}

export interface FoundMembers {
  rows: MemberRow[];
  total: number;
}

const FREE_TEXT: Record<Exclude<SearchField, 'inn' | 'iban'>, MySqlColumn[]> = {
  name: [members.firstName, members.middleName, members.lastName],
  passport: [members.passportData],
  certificate: [members.certificate],
};
/**
 * Stored only in their canonical form (domain/bank-details.ts): a tax number is digits, an
 * IBAN `UA`, digits and capitals. A word with any other character cannot be in them.
 */
const CANONICAL: Record<'inn' | 'iban', { column: MySqlColumn; alphabet: RegExp }> = {
  inn: { column: members.taxNumber, alphabet: /^[0-9]+$/ },
  iban: { column: members.iban, alphabet: /^[0-9A-Z]+$/ },
};

/** ASCII without letters: no case to ignore. */
const CASELESS = /^[\x21-\x40\x5b-\x60\x7b-\x7e]+$/;

/** `!` escapes LIKE's wildcards: unlike `\`, it means the same whatever the server's SQL mode. */
const containing = (word: string) => `%${word.replace(/[!%_]/g, (char) => `!${char}`)}%`;

/**
 * Case-insensitive substring of a column. The collation's LIKE is case-insensitive but slow on
 * long text; a binary LIKE on a constant `%word%` runs Boyer–Moore, several times faster. It
 * is exact where case cannot matter: a word without letters, or a column stored in capitals
 * (the word is capitalised instead).
 */
function columnContains(column: MySqlColumn, word: string, caseless: boolean): SQL {
  return caseless
    ? sql`CAST(${column} AS BINARY) LIKE ${containing(word)} ESCAPE '!'`
    : sql`${column} LIKE ${containing(word)} ESCAPE '!'`;
}

const ALL_FIELDS = 5;

function wordMatches(word: string, fields: ReadonlySet<SearchField>): SQL {
  // Searching everything (the default) reads one lower-cased column of one index.
  if (fields.size === ALL_FIELDS)
    return sql`${members.searchText} LIKE ${containing(word.toLowerCase())} ESCAPE '!'`;
  const caseless = CASELESS.test(word);
  const conditions: SQL[] = [];
  for (const [field, columns] of Object.entries(FREE_TEXT)) {
    if (!fields.has(field as SearchField)) continue;
    for (const column of columns) conditions.push(columnContains(column, word, caseless));
  }
  const capitals = word.toUpperCase();
  for (const [field, { column, alphabet }] of Object.entries(CANONICAL)) {
    if (fields.has(field as SearchField) && alphabet.test(capitals)) {
      conditions.push(columnContains(column, capitals, true));
    }
  }
  return conditions.length === 0 ? sql`FALSE` : or(...conditions)!;
}

/**
 * Members with every word in one of the fields. No index can serve a substring, so this
 * reads every member; the query touches only columns of one index (`members_search_text` for
 * all fields, `members_search` for a choice of them), so the server reads that, not the rows.
 */
export async function searchMembers(
  tx: Executor,
  words: readonly string[],
  fields: ReadonlySet<SearchField>,
  page: Page,
): Promise<FoundMembers> {
  if (words.length === 0 || fields.size === 0) return { rows: [], total: 0 };
  // The longest word first: it matches fewest members, and the others are not tried on the rest.
  const longestFirst = [...words].sort((a, b) => b.length - a.length);
  const condition = and(...longestFirst.map((word) => wordMatches(word, fields)));
  return pageOf(tx, sql`SELECT ${members.id}, ${members.updatedAt} FROM ${members} WHERE ${condition}`, page);
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
  const rows = await tx
    .select(memberColumns)
    .from(members)
    .where(
      inArray(
        members.id,
        ids.map(({ id }) => id),
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    rows: ids.flatMap(({ id }) => byId.get(id) ?? []),
    total: Number(ids[0]!.total),
  };
}

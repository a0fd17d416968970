import type { MemberRecord } from '@kasa/contracts';
import type { Static } from 'typebox';
import { membersNeedingAttention, searchMembers } from '../db/member-search.repository.ts';
import type { Page, SearchField } from '../db/member-search-index.ts';
import type { MemberDeps } from '../deps.ts';
import { memberRecordView } from '../http/member.view.ts';

export interface MemberSearch extends Page {
  query: string;
  fields: ReadonlySet<SearchField>;
}

export interface FoundMembers {
  data: Static<typeof MemberRecord>[];
  total: number;
}

/** The words of a query, each once (case aside): a word typed twice narrows nothing. */
export function wordsOf(query: string): string[] {
  const words = new Map<string, string>();
  for (const word of query.trim().split(/\s+/)) {
    if (word && !words.has(word.toLowerCase())) words.set(word.toLowerCase(), word);
  }
  return [...words.values()];
}

/**
 * Staff find members by words (any of them, in any case, in one of the chosen fields, as the
 * seed's search); without words, they get the members that need their attention (SPEC §3 Search).
 */
export async function findMembers(deps: MemberDeps, search: MemberSearch): Promise<FoundMembers> {
  const { db } = deps.context.database;
  const words = wordsOf(search.query);
  const found =
    words.length === 0
      ? await membersNeedingAttention(db, search)
      : await searchMembers(deps.searchIndex, db, words, search.fields, search);
  return { data: found.rows.map(memberRecordView), total: found.total };
}

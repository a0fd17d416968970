/**
 * The members list's search (SPEC §3 "Search"): what the page keeps in its address and the body
 * of `POST /members` it asks for. An empty query is the attention queue.
 */

/** The fields a query may look in, as `POST /members` names them. */
export const SEARCH_FIELDS = ['name', 'passport', 'inn', 'iban', 'certificate'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Members on one page of the list. */
export const PAGE_SIZE = 25;

/** The list's state in the page's address (`/members?q=…&fields=name,inn&page=2`). */
export interface MembersSearch {
  q?: string;
  /** The chosen fields, comma-separated; none given means every field. */
  fields?: string;
  page?: number;
}

/** The address's search params, read leniently: anything unknown is dropped. */
export function readMembersSearch(search: Record<string, unknown>): MembersSearch {
  const read: MembersSearch = {};
  if (typeof search.q === 'string' && search.q.trim()) read.q = search.q;
  const fields = chosenFields(typeof search.fields === 'string' ? search.fields : undefined);
  if (fields.length > 0 && fields.length < SEARCH_FIELDS.length) read.fields = fields.join(',');
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1) read.page = page;
  return read;
}

/** The fields named in the address, in the API's order; all of them when none are. */
export function chosenFields(fields: string | undefined): SearchField[] {
  const named = new Set((fields ?? '').split(','));
  const chosen = SEARCH_FIELDS.filter((field) => named.has(field));
  return chosen.length > 0 ? chosen : [...SEARCH_FIELDS];
}

export interface MembersBody {
  filter: { query: string; fields?: Partial<Record<SearchField, boolean>> };
  offset: number;
  limit: number;
}

/** The body of `POST /members` for a query (trimmed; empty for the attention queue), fields and page. */
export function membersBody(query: string, fields: readonly SearchField[], page: number): MembersBody {
  const text = query.trim();
  const everyField = fields.length === 0 || fields.length === SEARCH_FIELDS.length;
  return {
    filter: {
      query: text,
      ...(text && !everyField
        ? { fields: Object.fromEntries(SEARCH_FIELDS.map((field) => [field, fields.includes(field)])) }
        : {}),
    },
    offset: (Math.max(page, 1) - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

/** How many pages `total` members fill (at least one, so an empty list still has its page). */
export const pageCount = (total: number): number => Math.max(1, Math.ceil(total / PAGE_SIZE));

/** A member's name as staff read it (surname first), or null when they gave none yet. */
export function fullName(member: {
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
}): string | null {
  const name = [member.last_name, member.first_name, member.middle_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  return name || null;
}

/** Why a member is in the attention queue (SPEC §3), in the order staff deal with them. */
export type AttentionReason = 'not_submitted' | 'program_change' | 'new_documents' | 'new_requests';

export function attentionReasons(member: {
  is_submited: boolean;
  has_new_program_change: boolean;
  has_new_passport_data: boolean;
  has_new_request: number;
}): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (!member.is_submited) reasons.push('not_submitted');
  if (member.has_new_program_change) reasons.push('program_change');
  if (member.has_new_passport_data) reasons.push('new_documents');
  if (member.has_new_request) reasons.push('new_requests');
  return reasons;
}

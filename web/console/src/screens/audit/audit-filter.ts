import { messages } from '../../i18n/messages.ts';

/**
 * The audit log's filters: what the page keeps in its address, checked as the admin gateway
 * checks them, and turned into the body of `POST /audit`. Pure, so its rules are tested apart.
 */

export const AUDIT_OBJECT_KINDS = [
  'member',
  'staff_user',
  'sign_request',
  'program',
  'payment',
  'subscription',
  'request',
  'probe',
  'import',
] as const;

export const AUDIT_ACTOR_KINDS = ['member', 'staff', 'system', 'provider'] as const;

export const AUDIT_PAGE_SIZE = 50;

/** The filters as the address keeps them (`/audit?object=payment&objectId=42&page=2`). */
export interface AuditSearch {
  object?: string;
  objectId?: string;
  actor?: string;
  actorId?: string;
  member?: number;
  type?: string[];
  /** Kyiv days, `yyyy-mm-dd`. */
  from?: string;
  to?: string;
  /** From 1. */
  page?: number;
}

const ID = /^[A-Za-z0-9-]{1,64}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;
const positive = (value: unknown): number | undefined => {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number >= 1 && number <= 4_294_967_295 ? number : undefined;
};

/** The address's search params as filters: anything unreadable is left out, not refused. */
export function readAuditSearch(search: Record<string, unknown>): AuditSearch {
  const object = text(search.object);
  const actor = text(search.actor);
  const types = (Array.isArray(search.type) ? search.type : [search.type])
    .map(text)
    .filter((type): type is string => type !== undefined && type.length <= 100);
  const from = text(search.from);
  const to = text(search.to);
  const result: AuditSearch = {};
  if (object && (AUDIT_OBJECT_KINDS as readonly string[]).includes(object)) {
    result.object = object;
    const objectId = text(search.objectId);
    if (objectId && ID.test(objectId)) result.objectId = objectId;
  }
  if (actor && (AUDIT_ACTOR_KINDS as readonly string[]).includes(actor)) {
    result.actor = actor;
    const actorId = text(search.actorId);
    if (actorId && ID.test(actorId)) result.actorId = actorId;
  }
  const member = positive(search.member);
  if (member) result.member = member;
  if (types.length) result.type = [...new Set(types)].slice(0, 100);
  if (from && DAY.test(from)) result.from = from;
  if (to && DAY.test(to)) result.to = to;
  const page = positive(search.page);
  if (page && page > 1) result.page = page;
  return result;
}

/** Whether a typed id is one the API takes (latin letters, digits, hyphens). */
export const isAuditId = (value: string): boolean => ID.test(value.trim());

/** `2026-12-07` → `07.12.2026`, the Kyiv day the admin gateway reads. */
const kyivDay = (day: string): string => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

/** The body of `POST /audit` for the filters: `kind` or `kind:id`, days as Kyiv days, one page. */
export function auditRequestBody(search: AuditSearch) {
  const page = search.page ?? 1;
  return {
    ...(search.object
      ? { object: search.objectId ? `${search.object}:${search.objectId}` : search.object }
      : {}),
    ...(search.actor ? { actor: search.actorId ? `${search.actor}:${search.actorId}` : search.actor } : {}),
    ...(search.member ? { member: search.member } : {}),
    ...(search.type?.length ? { type: search.type } : {}),
    ...(search.from ? { from: kyivDay(search.from) } : {}),
    ...(search.to ? { to: kyivDay(search.to) } : {}),
    offset: (page - 1) * AUDIT_PAGE_SIZE,
    limit: AUDIT_PAGE_SIZE,
  };
}

/** Whether any filter narrows the log. */
export const isFiltered = ({ page: _page, ...filters }: AuditSearch): boolean =>
  Object.values(filters).some((value) => (Array.isArray(value) ? value.length > 0 : value !== undefined));

/** What the hash checks of some events say: intact, or the positions that are not. */
export function chainVerdict(
  checks: readonly {
    sequence: number;
    verification?: { hash_matches: boolean; follows_previous: boolean };
  }[],
): { intact: true; count: number } | { intact: false; broken: number[] } {
  const broken = checks
    .filter(({ verification }) => !verification?.hash_matches || !verification.follows_previous)
    .map(({ sequence }) => sequence)
    .sort((a, b) => a - b);
  return broken.length ? { intact: false, broken } : { intact: true, count: checks.length };
}

export type AuditDraft = Omit<AuditSearch, 'page' | 'member'> & { member?: number | string };

/** What is wrong with a draft, field by field; an empty object when the server can take it. */
export function draftProblems(
  draft: AuditDraft,
): Partial<Record<'objectId' | 'actorId' | 'member' | 'to', string>> {
  const problems: Partial<Record<'objectId' | 'actorId' | 'member' | 'to', string>> = {};
  if (draft.objectId && !draft.object) problems.objectId = messages.audit.idNeedsKind;
  else if (draft.objectId && !isAuditId(draft.objectId)) problems.objectId = messages.audit.invalidId;
  if (draft.actorId && !draft.actor) problems.actorId = messages.audit.idNeedsKind;
  else if (draft.actorId && !isAuditId(draft.actorId)) problems.actorId = messages.audit.invalidId;
  if (
    draft.member !== undefined &&
    draft.member !== '' &&
    !(Number.isInteger(Number(draft.member)) && Number(draft.member) >= 1)
  )
    problems.member = messages.audit.invalidMember;
  if (draft.from && draft.to && draft.from > draft.to) problems.to = messages.audit.invalidRange;
  return problems;
}

/** The filters a draft asks for, or null while something in it is not yet valid. */
export function searchOfDraft(draft: AuditDraft): AuditSearch | null {
  if (Object.keys(draftProblems(draft)).length) return null;
  return readAuditSearch({ ...draft });
}

/** Whether two sets of filters select the same events (whatever page they show). */
export const sameFilters = (a: AuditSearch, b: AuditSearch): boolean => {
  const { page: _a, ...left } = readAuditSearch({ ...a });
  const { page: _b, ...right } = readAuditSearch({ ...b });
  return JSON.stringify(left) === JSON.stringify(right);
};

import { kopiykyOf } from '../../format/format.ts';

/** A request's status, as the API names them. */
export type RequestStatus = 'opened' | 'awaiting_agent' | 'awaiting_client' | 'closed';

/** The statuses in the order a request goes through them. */
export const REQUEST_STATUSES: readonly RequestStatus[] = [
  'opened',
  'awaiting_agent',
  'awaiting_client',
  'closed',
];

/** What staff work on by default: everything not closed. */
export const OPEN_STATUSES: readonly RequestStatus[] = ['opened', 'awaiting_agent', 'awaiting_client'];

export const isRequestStatus = (value: unknown): value is RequestStatus =>
  typeof value === 'string' && (REQUEST_STATUSES as readonly string[]).includes(value);

/** How many rows a page of the list shows. */
export const PAGE_SIZE = 50;

/** The list's filters as the screen holds them. */
export interface RequestFilters {
  query: string;
  statuses: readonly RequestStatus[];
  /** `yyyy-mm-dd` as a date input gives it, or empty. */
  changedFrom: string;
  changedTo: string;
  page: number;
}

/** The body of `POST /requests` for the filters: one page, the statuses in the API's order. */
export function requestListBody(filters: RequestFilters): {
  query: string | null;
  status: RequestStatus[];
  date_start: string | null;
  date_end: string | null;
  limit: number;
  offset: number;
} {
  const query = filters.query.trim();
  const statuses = REQUEST_STATUSES.filter((status) => filters.statuses.includes(status));
  return {
    query: query === '' ? null : query,
    status: statuses.length === 0 ? [...REQUEST_STATUSES] : statuses,
    date_start: filters.changedFrom || null,
    date_end: filters.changedTo || null,
    limit: PAGE_SIZE,
    offset: Math.max(0, filters.page - 1) * PAGE_SIZE,
  };
}

/** The statuses of the route's search (`?status=opened,closed`), or the open ones. */
export function statusesOfSearch(value: unknown): RequestStatus[] {
  const listed = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const known = REQUEST_STATUSES.filter((status) => listed.includes(status));
  return known.length > 0 ? known : [...OPEN_STATUSES];
}

/** A payout's type for `PUT /payment`: 2 pays the whole rest, 3 a part of it. */
export const FULL_PAYOUT_TYPE = 2;
export const PARTIAL_PAYOUT_TYPE = 3;

/**
 * Kopiyky paid out for a request, as the payment service counts them when it judges a payout:
 * the confirmed payout entries, reversing ones negative. Read from the card's payouts rather than
 * its `paid`, which the request service learns a moment later.
 */
export function paidOut(charges: readonly { amount: number; state: string }[]): number {
  return charges
    .filter(({ state }) => state === 'confirmed')
    .reduce((sum, { amount }) => sum + (kopiykyOf(amount, 'hryvnias') ?? 0), 0);
}

/** What the grant (hryvnias) less `paid` (kopiyky) leaves to pay, in kopiyky, never below zero. */
export function leftToPay(granted: number | string | null | undefined, paid: number): number {
  const grant = kopiykyOf(granted, 'hryvnias') ?? 0;
  return Math.max(0, grant - paid);
}

export type PayoutCheck =
  | { ok: true; type: typeof FULL_PAYOUT_TYPE | typeof PARTIAL_PAYOUT_TYPE }
  | { ok: false; reason: 'not_granted' | 'nothing_left' | 'not_an_amount' | 'over_left' };

/**
 * Whether `amount` (the API's decimal text, or null when what was typed is no amount) may be paid
 * out when `left` kopiyky are left of a grant, and as which type: the whole rest is a full
 * payout, less is a partial one (the payment service's rule, checked here before sending).
 */
export function checkPayout(amount: string | null, left: number, granted: boolean): PayoutCheck {
  if (!granted) return { ok: false, reason: 'not_granted' };
  if (left <= 0) return { ok: false, reason: 'nothing_left' };
  const kopiyky = kopiykyOf(amount, 'hryvnias');
  if (kopiyky === null || kopiyky <= 0) return { ok: false, reason: 'not_an_amount' };
  if (kopiyky > left) return { ok: false, reason: 'over_left' };
  return { ok: true, type: kopiyky === left ? FULL_PAYOUT_TYPE : PARTIAL_PAYOUT_TYPE };
}

/** Kopiyky as the API's decimal text of hryvnias (`150050` → `"1500.50"`). */
export const hryvniasText = (kopiyky: number): string => (kopiyky / 100).toFixed(2);

/** A member's name as staff read it: last, first, middle; the phone when they gave no name. */
export function memberName(member: {
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  phone: string;
}): string {
  const name = [member.last_name, member.first_name, member.middle_name]
    .filter((part) => part?.trim())
    .join(' ');
  return name || member.phone;
}

/** How a receipt is shown: images inline, PDFs in a frame, anything else (HEIC) only downloaded. */
export function receiptKind(contentType: string): 'image' | 'pdf' | 'other' {
  if (contentType === 'application/pdf') return 'pdf';
  if (/^image\/(jpeg|png|gif|webp)$/.test(contentType)) return 'image';
  return 'other';
}

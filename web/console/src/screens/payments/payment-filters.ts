import { parseHryvnias } from '../../format/format.ts';
import { PAYMENT_STATES, PAYMENT_TYPE_IDS, type PaymentState, type RegisterBody } from './payment-row.ts';

/**
 * The register's filters as the address keeps them (`/payments?types=[1]&from=2026-12-01`), so a
 * filtered list can be bookmarked and linked to. They combine with AND, on the server.
 */
export interface PaymentFilters {
  types?: number[];
  states?: PaymentState[];
  /** `yes`: only the money waiting for a decision; `no`: only the rest. */
  flagged?: 'yes' | 'no';
  /** Days the money moved, `yyyy-mm-dd`, both included. */
  from?: string;
  to?: string;
  /** Hryvnias as typed (`1 234,50`), both included. */
  min?: string;
  max?: string;
  certificate?: string;
  /** The page, from 1. */
  page?: number;
}

export const PAGE_SIZE = 25;

const isDay = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value
    : typeof value === 'number'
      ? String(value)
      : undefined;

/** The filters read from the address; anything that is not a filter is dropped. */
export function filtersFromSearch(search: Record<string, unknown>): PaymentFilters {
  const list = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
  const types = list(search.types)
    .map(Number)
    .filter((id): id is (typeof PAYMENT_TYPE_IDS)[number] =>
      (PAYMENT_TYPE_IDS as readonly number[]).includes(id),
    );
  const states = list(search.states).filter((state): state is PaymentState =>
    (PAYMENT_STATES as readonly unknown[]).includes(state),
  );
  const page = Number(search.page);
  const min = text(search.min);
  const max = text(search.max);
  const certificate = text(search.certificate);
  return {
    ...(types.length ? { types: [...new Set(types)] } : {}),
    ...(states.length ? { states: [...new Set(states)] } : {}),
    ...(search.flagged === 'yes' || search.flagged === 'no' ? { flagged: search.flagged } : {}),
    ...(isDay(search.from) ? { from: search.from } : {}),
    ...(isDay(search.to) ? { to: search.to } : {}),
    ...(min ? { min } : {}),
    ...(max ? { max } : {}),
    ...(certificate ? { certificate } : {}),
    ...(Number.isInteger(page) && page > 1 ? { page } : {}),
  };
}

/** An amount filter typed but not an amount: the field says so and the filter waits. */
export const amountMistyped = (typed: string | undefined): boolean =>
  typed !== undefined && typed.trim() !== '' && parseHryvnias(typed) === null;

/**
 * The register's body for these filters and a page of them: only the filters set, amounts as
 * the API's decimal hryvnias (a mistyped one is left out, see amountMistyped).
 */
export function registerBody(filters: PaymentFilters, offset: number, limit: number): RegisterBody {
  const min = filters.min ? parseHryvnias(filters.min) : null;
  const max = filters.max ? parseHryvnias(filters.max) : null;
  const certificate = filters.certificate?.trim();
  return {
    ...(filters.types?.length ? { type: filters.types } : {}),
    ...(filters.states?.length ? { state: filters.states } : {}),
    ...(filters.flagged ? { flagged: filters.flagged === 'yes' } : {}),
    ...(filters.from ? { date_start: filters.from } : {}),
    ...(filters.to ? { date_end: filters.to } : {}),
    ...(min === null ? {} : { amount_start: min }),
    ...(max === null ? {} : { amount_end: max }),
    ...(certificate ? { certificate } : {}),
    offset,
    limit,
  };
}

/** The offset of a page (from 1). */
export const offsetOf = (page: number | undefined, size = PAGE_SIZE): number => ((page ?? 1) - 1) * size;

/**
 * Every row that matches, page after page of `pageSize` (the API's largest page), until the API's
 * `total` is reached or a page comes back short (rows added or removed meanwhile never loop it).
 */
export async function allPages<Row>(
  fetchPage: (offset: number, limit: number) => Promise<{ data: Row[]; total: number }>,
  pageSize = 200,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (;;) {
    const page = await fetchPage(rows.length, pageSize);
    rows.push(...page.data);
    if (page.data.length < pageSize || rows.length >= page.total) return rows;
  }
}

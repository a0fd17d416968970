import { calendarDateOfSeedDate, calendarDay, kopiykyOf } from '@kasa/contracts';
import { badRequest } from '@kasa/http';
import { Type } from 'typebox';

/**
 * What the apps and the admin site send as the seed did, read by the gateways: days as
 * `dd.mm.yyyy` and amounts as decimal hryvnias. Anything else is a 400 naming the field.
 */

/** A day: `24.08.2026`, or `2026-08-24` as the seed also took. */
export const ClientDay = Type.String({ maxLength: 10, description: 'dd.mm.yyyy (or yyyy-mm-dd)' });

/** `24.08.2026` or `2026-08-24` → `2026-08-24`; blank is no day. */
export function dayOf(field: string, text: string | null | undefined): string | undefined {
  if (text === undefined || text === null || text.trim() === '') return undefined;
  const trimmed = text.trim();
  const day = calendarDay(trimmed) ? trimmed : calendarDateOfSeedDate(trimmed);
  if (day === null) throw badRequest(`Field '${field}' is not a date (dd.mm.yyyy)`, 'invalid_date');
  return day;
}

/** An amount: hryvnias with at most 2 decimals, a JSON number or text. */
export const ClientAmount = Type.Union([Type.Number(), Type.String({ maxLength: 20 })], {
  description: 'hryvnias, at most 2 decimals',
});

/** The kopiyky of a client's amount; `positive` refuses 0 and less. */
export function kopiykyOfField(field: string, amount: number | string, { positive = false } = {}): number {
  const kopiyky = kopiykyOf(amount);
  if (kopiyky === null || (positive && kopiyky <= 0))
    throw badRequest(
      `Field '${field}' must be ${positive ? 'a positive amount' : 'an amount'} in hryvnias with at most 2 decimals`,
      'invalid_amount',
    );
  return kopiyky;
}

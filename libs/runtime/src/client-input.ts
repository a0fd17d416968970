import { calendarDateOfSeedDate, calendarDay, kopiykyOf, kyivDayStart } from '@kasa/contracts';
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

/** A moment: an ISO timestamp with its zone, or a day (`dd.mm.yyyy`) meaning its Kyiv start or end. */
export const ClientInstant = Type.String({
  maxLength: 40,
  description: 'an ISO timestamp with its zone (2026-08-24T09:30:00Z, …+03:00), or a Kyiv day dd.mm.yyyy',
});

const ISO_INSTANT =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:?[0-9]{2})$/i;

/**
 * The instant a bound of a range names; blank is no bound. A day is the Kyiv day: as a `start`
 * its first moment, as an `end` the first moment of the next day, so a range of days includes
 * its last one. A timestamp without a zone is refused rather than guessed.
 */
export function instantOf(
  field: string,
  text: string | null | undefined,
  edge: 'start' | 'end',
): Date | undefined {
  if (text === undefined || text === null || text.trim() === '') return undefined;
  const trimmed = text.trim();
  if (trimmed.includes('T')) {
    const time = ISO_INSTANT.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
    if (Number.isNaN(time))
      throw badRequest(
        `Field '${field}' is not a timestamp with a zone, nor a date (dd.mm.yyyy)`,
        'invalid_date',
      );
    // An end given to the millisecond includes that millisecond.
    return new Date(edge === 'end' ? time + 1 : time);
  }
  const day = dayOf(field, trimmed)!;
  return kyivDayStart(day, edge === 'end' ? 1 : 0);
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

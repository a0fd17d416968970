import { calendarDateOfSeedDate, calendarDay } from '@kasa/contracts';
import { badRequest } from '@kasa/http';
import { Type } from 'typebox';

/** A day as the admin site writes it: `24.08.2026`, or `2026-08-24` as the seed also took. */
export const SiteDayText = Type.String({ maxLength: 10, description: 'dd.mm.yyyy (or yyyy-mm-dd)' });

/** `24.08.2026` or `2026-08-24` → `2026-08-24`; blank is no day. 400 for anything else. */
export function dayOf(field: string, text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const trimmed = text.trim();
  const day = calendarDay(trimmed) ? trimmed : calendarDateOfSeedDate(trimmed);
  if (day === null) throw badRequest(`Field '${field}' is not a date (dd.mm.yyyy)`, 'invalid_date');
  return day;
}

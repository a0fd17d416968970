import { Type } from 'typebox';

/** The seed's date format in answers and forms: `dd.mm.yyyy`. */
export const SeedDate = Type.String({
  pattern: '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$',
  examples: ['24.08.2024'],
  description: 'dd.mm.yyyy',
});

const kyivDay = new Intl.DateTimeFormat('uk-UA', {
  timeZone: 'Europe/Kyiv',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const HOUR_MS = 3_600_000;
/** Since 1990 Kyiv's offset from UTC is a whole number of hours and changes on the hour. */
const WHOLE_HOURS_SINCE = Date.UTC(1990, 0, 1);
/** Kyiv's day through each UTC hour: formatting is microseconds, and a list formats hundreds. */
const dayOfHour = new Map<number, string>();
const REMEMBERED_HOURS = 100_000;

/** An instant as the day it was in Kyiv, the fund's calendar: `dd.mm.yyyy`. */
export function seedDateOf(instant: Date): string {
  const time = instant.getTime();
  if (!(time >= WHOLE_HOURS_SINCE)) return kyivDay.format(instant);
  const hour = Math.floor(time / HOUR_MS);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    day = kyivDay.format(instant);
    if (dayOfHour.size >= REMEMBERED_HOURS) dayOfHour.clear();
    dayOfHour.set(hour, day);
  }
  return day;
}

/** `2024-08-24` → `24.08.2024`. */
export function seedDateOfCalendarDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** `24.08.2024` → `2024-08-24`, or null when it is no day of the calendar (31.02, 00.01). */
export function calendarDateOfSeedDate(text: string): string | null {
  const match = /^([0-9]{2})\.([0-9]{2})\.([0-9]{4})$/.exec(text.trim());
  if (!match) return null;
  const [, day, month, year] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const valid =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day);
  return valid ? `${year}-${month}-${day}` : null;
}

/** The fund's calendar is Kyiv's: a day there starts at 00:00 Europe/Kyiv, 21:00 or 22:00 UTC. */

const kyivParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Kyiv',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const kyivClockOf = (instant: number) =>
  Object.fromEntries(kyivParts.formatToParts(instant).map(({ type, value }) => [type, value]));

/** `2026-08-24T06:30:05Z` → `24.08.2026 09:30:05`: the fund's clock, as its staff read it. */
export function kyivDateTimeOf(instant: Date): string {
  const parts = kyivClockOf(instant.getTime());
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** How far ahead of UTC Kyiv's clocks are at an instant, in milliseconds. */
function kyivOffsetAt(instant: number): number {
  const parts = kyivClockOf(instant);
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** `2026-03-29` when it is a day of the calendar, else null (`2026-02-30`, `2026-3-1`). */
export function calendarDay(text: string): { year: number; month: number; day: number } | null {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? { year, month, day } : null;
}

/** The instant a Kyiv calendar day (`YYYY-MM-DD`) starts; `dayOffset` 1 gives the next day's start. */
export function kyivDayStart(date: string, dayOffset = 0): Date {
  const day = calendarDay(date);
  if (!day) throw new RangeError(`${date} is not a calendar day`);
  const midnightAsUtc = Date.UTC(day.year, day.month - 1, day.day + dayOffset);
  // The offset at the guess, then at the corrected instant: right across a clock change too.
  const first = midnightAsUtc - kyivOffsetAt(midnightAsUtc);
  return new Date(midnightAsUtc - kyivOffsetAt(first));
}

const kyivDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Kyiv',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Kyiv calendar day (`YYYY-MM-DD`) an instant falls on. */
export function kyivDateOf(instant: Date): string {
  return kyivDate.format(instant);
}

/** From `2026-02-27` to `2026-03-02` is 3 days (negative when `to` comes first). */
export function calendarDaysBetween(from: string, to: string): number {
  const utc = (date: string) => {
    const day = calendarDay(date);
    if (!day) throw new RangeError(`${date} is not a calendar day`);
    return Date.UTC(day.year, day.month - 1, day.day);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** `2026-02-27` plus 3 days is `2026-03-02`: calendar arithmetic, no clock involved. */
export function addCalendarDays(date: string, days: number): string {
  const day = calendarDay(date);
  if (!day) throw new RangeError(`${date} is not a calendar day`);
  return new Date(Date.UTC(day.year, day.month - 1, day.day + days)).toISOString().slice(0, 10);
}

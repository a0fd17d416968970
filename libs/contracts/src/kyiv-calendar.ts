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

/** `2026-08-24T06:30:05Z` → `2026-08-24 09:30:05`: the fund's clock as a MySQL DATETIME holds it. */
export function kyivWallTimeOf(instant: Date): string {
  const parts = kyivClockOf(instant.getTime());
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

const HOUR_MS = 3_600_000;
/** Since 1990 Kyiv's offset from UTC is a whole number of hours and changes on the hour. */
const WHOLE_HOURS_SINCE = Date.UTC(1990, 0, 1);
/**
 * Kyiv's offset through each UTC hour: reading the clock is microseconds, and the switch-over
 * converts millions of the seed's times (each a few readings), so an hour is read once.
 */
const offsetOfHour = new Map<number, number>();
const REMEMBERED_HOURS = 100_000;

/** How far ahead of UTC Kyiv's clocks are at an instant, in milliseconds. */
function kyivOffsetAt(instant: number): number {
  if (!(instant >= WHOLE_HOURS_SINCE)) return readKyivOffsetAt(instant);
  const hour = Math.floor(instant / HOUR_MS);
  let offset = offsetOfHour.get(hour);
  if (offset === undefined) {
    offset = readKyivOffsetAt(hour * HOUR_MS);
    if (offsetOfHour.size >= REMEMBERED_HOURS) offsetOfHour.clear();
    offsetOfHour.set(hour, offset);
  }
  return offset;
}

function readKyivOffsetAt(instant: number): number {
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

/**
 * The instant Kyiv's clocks showed a wall time without a zone (`2024-03-05 12:00:00`, as the
 * seed's DATETIME columns hold them); null when it is no time. The hour autumn repeats is read
 * as its first pass (summer time), the hour spring skips as the hour after it.
 */
export function kyivWallTimeInstant(text: string): Date | null {
  const match =
    /^([0-9]{4}-[0-9]{2}-[0-9]{2})[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,6}))?)?$/.exec(
      text.trim(),
    );
  const day = match && calendarDay(match[1]!);
  if (!match || !day) return null;
  const [hour, minute, second] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number((match[5] ?? '').padEnd(3, '0').slice(0, 3));
  const wallAsUtc = Date.UTC(day.year, day.month - 1, day.day, hour, minute, second, millis);
  // The offsets on either side of any clock change near it: the wall time is one of them.
  const before = kyivOffsetAt(wallAsUtc - 86_400_000);
  const after = kyivOffsetAt(wallAsUtc + 86_400_000);
  const fits = [before, after]
    .map((offset) => wallAsUtc - offset)
    .filter((instant) => kyivOffsetAt(instant) === wallAsUtc - instant);
  // Two fit in the hour autumn repeats: the first pass. None fit in spring's skipped hour: the
  // clock read it on the old offset, an hour later on the new.
  return new Date(fits.length > 0 ? Math.min(...fits) : wallAsUtc - before);
}

const kyivDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Kyiv',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Kyiv calendar day (`YYYY-MM-DD`) an instant falls on. */
export function kyivDateOf(instant: Date): string {
  const time = instant.getTime();
  if (!(time >= WHOLE_HOURS_SINCE)) return kyivDate.format(instant);
  // The day of Kyiv's clock: the instant moved by the offset of its hour, read as UTC.
  return new Date(time + kyivOffsetAt(time)).toISOString().slice(0, 10);
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

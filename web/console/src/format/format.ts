/**
 * How the console shows dates and money: days as `dd.mm.yyyy` and times in Kyiv, whatever the
 * browser's own zone; money in hryvnias with kopiyky, grouped as Ukrainians write it.
 */

const KYIV = 'Europe/Kyiv';

const dayFormat = new Intl.DateTimeFormat('uk-UA', {
  timeZone: KYIV,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('uk-UA', {
  timeZone: KYIV,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The parts of `dd.mm.yyyy` in Kyiv, whatever separators the platform's ICU prints. */
function kyivDayParts(instant: Date): { day: string; month: string; year: string } {
  const parts = Object.fromEntries(dayFormat.formatToParts(instant).map(({ type, value }) => [type, value]));
  return { day: parts.day ?? '', month: parts.month ?? '', year: parts.year ?? '' };
}

/**
 * What the API sends as a moment or a day, read as such: an ISO instant (`2026-12-07T21:30:00Z`),
 * the seed's `2026-12-07 21:30:00` (UTC), or a day alone (`2026-12-07`, `07.12.2026`), which is
 * a calendar day, not a moment. Null for anything else.
 */
export function readDate(value: string | null | undefined): { instant: Date } | { day: string } | null {
  if (!value) return null;
  const text = value.trim();
  const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (isoDay) return { day: `${isoDay[3]}.${isoDay[2]}.${isoDay[1]}` };
  if (/^\d{2}\.\d{2}\.\d{4}$/.test(text)) return { day: text };
  const seed = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (seed) {
    const instant = new Date(`${seed[1]}T${seed[2]}${seed[3] ?? 'Z'}`);
    return Number.isNaN(instant.getTime()) ? null : { instant };
  }
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? null : { instant: parsed };
}

/** `dd.mm.yyyy`, the day in Kyiv; an empty dash for no date. */
export function formatDay(value: string | Date | null | undefined): string {
  const read = value instanceof Date ? { instant: value } : readDate(value);
  if (!read) return '—';
  if ('day' in read) return read.day;
  const { day, month, year } = kyivDayParts(read.instant);
  return `${day}.${month}.${year}`;
}

/** `dd.mm.yyyy hh:mm`, Kyiv time. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const read = value instanceof Date ? { instant: value } : readDate(value);
  if (!read) return '—';
  if ('day' in read) return read.day;
  return `${formatDay(read.instant)} ${timeFormat.format(read.instant)}`;
}

/** Today's day in Kyiv as `yyyy-mm-dd`, as the API's date filters take it. */
export function kyivToday(now = new Date()): string {
  const { day, month, year } = kyivDayParts(now);
  return `${year}-${month}-${day}`;
}

const grouping = new Intl.NumberFormat('uk-UA', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Hryvnias from what the API sends: the seed's decimal text (`"300.0"`), a number of hryvnias,
 * or Kasa's kopiyky when `unit` says so. `1 234,50 ₴`; a dash for no amount.
 */
export function formatMoney(
  value: string | number | null | undefined,
  unit: 'hryvnias' | 'kopiyky' = 'hryvnias',
): string {
  const kopiyky = kopiykyOf(value, unit);
  if (kopiyky === null) return '—';
  // Through kopiyky, so that 0.1 + 0.2 never shows as 0,30000000000000004.
  return `${grouping.format(kopiyky / 100).replace(/\u00a0/g, ' ')} ₴`;
}

/** Kopiyky of an amount the API sends (see formatMoney); null when it is no amount. */
export function kopiykyOf(
  value: string | number | null | undefined,
  unit: 'hryvnias' | 'kopiyky',
): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) return null;
  return unit === 'kopiyky' ? Math.round(number) : Math.round(number * 100);
}

/**
 * Hryvnias typed by a person (`1 234,50`, `1234.5`, `300`) as the API's decimal text
 * (`"1234.50"`), or null when it is not an amount of at most two decimals.
 */
export function parseHryvnias(typed: string): string | null {
  const text = typed.replace(/[\s\u00a0₴]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  const [whole, fraction = ''] = text.split('.');
  return `${Number(whole)}.${fraction.padEnd(2, '0')}`;
}

/**
 * A day typed as Ukrainians write it (`08.12.2026`, also `8.12.2026` or `08/12/2026`) as the
 * `yyyy-mm-dd` the date inputs and the API take; null when it is no calendar day. The date
 * inputs need it: left to itself, a typed `08.12.2026` is read month first, as 12 August.
 */
export function dayOfTyped(typed: string): string | null {
  const match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(typed.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

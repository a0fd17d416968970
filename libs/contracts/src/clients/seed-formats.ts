import { Type } from 'typebox';
import { hryvniasOf } from '../money.ts';

/**
 * How the seed's Flask apps rendered values, so that Kasa renders them the same way. A
 * datetime (or date) left in a dict went through Flask's `jsonify`, which writes RFC 1123
 * (`http_date`); the seed's own formatting (`get_date(x, "%d.%m.%Y")`) gave days; `str()` of
 * a FLOAT gave Python's float text.
 */

const WEEKDAY = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';

/**
 * A datetime as Flask's `jsonify` renders one: `Tue, 05 Mar 2024 12:00:00 GMT`. The seed wrote
 * its server's local clock and labelled it GMT; Kasa writes the true UTC instant, so a client
 * that parses the text (as browsers and `Date` do) gets the right moment.
 */
export const HttpDate = Type.String({
  pattern: `^${WEEKDAY}, [0-9]{2} ${MONTH} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$`,
  examples: ['Tue, 05 Mar 2024 12:00:00 GMT'],
  description: "RFC 1123, UTC (Flask's jsonify of a datetime)",
});

/** A day as the seed's `strftime("%Y-%m-%d")` gave it. */
export const IsoDay = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  examples: ['1990-04-17'],
  description: 'yyyy-mm-dd',
});

/** A day as the seed's `strftime("%d.%m.%y")` gave it (admin `POST /request`'s `created_at`). */
export const ShortSeedDate = Type.String({
  pattern: '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}$',
  examples: ['05.03.24'],
  description: 'dd.mm.yy',
});

/** A FLOAT amount as `str()` gave it: `300.0`, `299.5`, `0.0`. */
export const PythonFloatText = Type.String({
  pattern: '^-?[0-9]+\\.[0-9]+$',
  examples: ['300.0', '299.5'],
  description: "hryvnias, as Python's str() of a float",
});

/** An instant (a Date or ISO 8601 text) as `jsonify` renders a datetime. */
export function httpDateOf(instant: Date | string): string {
  return (typeof instant === 'string' ? new Date(instant) : instant).toUTCString();
}

/** A calendar day (`2024-03-05`) as `jsonify` renders a DATE column: midnight GMT. */
export function httpDateOfDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toUTCString();
}

/** `2024-03-05` → `05.03.24`. */
export function shortSeedDateOfDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year?.slice(2)}`;
}

/** Kopiyky as Python's `str(float)` of the hryvnias: 30000 → `300.0`, 29950 → `299.5`. */
export function pythonFloatTextOf(kopiyky: number): string {
  const text = String(hryvniasOf(kopiyky));
  return text.includes('.') ? text : `${text}.0`;
}

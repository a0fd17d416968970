import { formatDateTime, formatDay, kopiykyOf } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { memberName, type PaymentRow, stateLabel } from './payment-row.ts';

/**
 * The register as a CSV file for Excel as Ukrainian accountants have it: `;` between cells and a
 * decimal comma (the list and decimal separators of the uk-UA locale, where a comma-separated
 * file would open as one column and `300.00` as text), a UTF-8 byte-order mark so Excel reads the
 * Cyrillic as UTF-8 and not as Windows-1251, CRLF line ends and quoting as RFC 4180 has them.
 */
export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

/**
 * A cell: quoted when it holds the separator, a quote, a line break or edge spaces, quotes doubled.
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading
 * apostrophe: a member's name or a note is data, never a formula.
 */
export function csvCell(value: string | number | null | undefined, { text = true } = {}): string {
  if (value === null || value === undefined) return '';
  let cell = String(value);
  if (text && /^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[;"\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Hryvnias with a decimal comma and no grouping (`-1234,50`): a number to Excel in uk-UA. */
export function csvAmount(hryvnias: number): string {
  const kopiyky = kopiykyOf(hryvnias, 'hryvnias') ?? 0;
  const sign = kopiyky < 0 ? '-' : '';
  const whole = Math.floor(Math.abs(kopiyky) / 100);
  const rest = String(Math.abs(kopiyky) % 100).padStart(2, '0');
  return `${sign}${whole},${rest}`;
}

/** The file's text: a header row and one row per payment, in the order given. */
export function paymentsCsv(rows: readonly PaymentRow[]): string {
  const columns = messages.payments.csv;
  const sources = messages.payments.sources as Record<string, string>;
  const header = [
    columns.id,
    columns.date,
    columns.type,
    columns.state,
    columns.amount,
    columns.member,
    columns.certificate,
    columns.request,
    columns.iban,
    columns.source,
    columns.order,
    columns.reverses,
    columns.note,
    columns.recorded,
  ].map((label) => csvCell(label));
  const lines = rows.map((row) =>
    [
      csvCell(row.id, { text: false }),
      csvCell(row.payment_date ? formatDay(row.payment_date) : ''),
      csvCell(row.payment_type.name),
      csvCell(stateLabel(row)),
      csvCell(csvAmount(row.amount), { text: false }),
      csvCell(memberName(row.member)),
      csvCell(row.member.certificate),
      csvCell(row.request_id, { text: false }),
      csvCell(row.iban),
      csvCell(sources[row.source] ?? row.source),
      csvCell(row.order_id),
      csvCell(row.reverses, { text: false }),
      csvCell(row.note),
      csvCell(formatDateTime(row.created_at)),
    ].join(CSV_SEPARATOR),
  );
  return `${BOM}${[header.join(CSV_SEPARATOR), ...lines].join('\r\n')}\r\n`;
}

/** The file's name: the register and the day it was taken (`platezhi-2026-12-07.csv`). */
export const csvFileName = (today: string): string => `platezhi-${today}.csv`;

/** How amounts and days read in the fund's texts: Ukrainian conventions, independent of the host's locale. */

const hryvnias = new Intl.NumberFormat('uk-UA', {
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
  useGrouping: true,
});

/**
 * 150050 → "1 500,5"; 150000 → "1 500". Grouped by a plain space, not the no-break space
 * Intl puts there: some handsets show that one as a box, and it costs nothing in UCS-2.
 */
export function hryvniaText(kopiyky: number): string {
  const absolute = Math.abs(kopiyky);
  const cents = absolute % 100;
  const fraction = cents === 0 ? '' : `,${String(cents).padStart(2, '0')}`;
  const sign = kopiyky < 0 ? '-' : '';
  return `${sign}${hryvnias.format(Math.floor(absolute / 100)).replace(/\s/g, ' ')}${fraction}`;
}

/** `2026-12-24` → `24.12.2026`, as the app shows dates. */
export function dayText(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

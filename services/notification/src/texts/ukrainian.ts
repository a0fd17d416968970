/** How amounts read in the fund's texts: Ukrainian conventions, independent of the host's locale. */

/** Whole hryvnias, grouped; the kopiyky are written by hand. */
const hryvnias = new Intl.NumberFormat('uk-UA', { useGrouping: true });

/**
 * 150050 → "1 500,50"; 150000 → "1 500". Grouped by a plain space, not the no-break space
 * Intl puts there: some handsets show that one as a box, and it costs nothing in UCS-2.
 */
export function hryvniaText(kopiyky: number): string {
  const absolute = Math.abs(kopiyky);
  const cents = absolute % 100;
  const fraction = cents === 0 ? '' : `,${String(cents).padStart(2, '0')}`;
  const sign = kopiyky < 0 ? '-' : '';
  return `${sign}${hryvnias.format(Math.floor(absolute / 100)).replace(/\s/g, ' ')}${fraction}`;
}

import { kopiykyReadBack, type SeedColumnHolds } from '@kasa/seed-import';
import { charsWithin, textWithin } from './seed-values.ts';

/** The text as the column keeps it: cut to its characters, then its bytes; and whether it had to be. */
export function heldText(text: string, column: SeedColumnHolds): { text: string; cut: boolean } {
  const byChars = column.chars === null ? { text, cut: false } : charsWithin(text, column.chars);
  const byBytes = column.bytes === null ? byChars : textWithin(byChars.text, column.bytes);
  return { text: byBytes.text, cut: byChars.cut || byBytes.cut };
}

/**
 * The kopiyky an old amount column may give back for Kasa's: Kasa's own, and what a FLOAT reads
 * back as when it cannot keep that kopiyka (kopiykyReadBack); the old row holding either is no
 * change.
 */
export function kopiykyHeldAs(kopiyky: number, column: SeedColumnHolds): number[] {
  const readBack = kopiykyReadBack(kopiyky, column);
  return readBack === kopiyky ? [kopiyky] : [kopiyky, readBack];
}

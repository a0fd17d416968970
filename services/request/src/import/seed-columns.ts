import {
  kopiykyOfSeedAmount,
  SEED_TABLES,
  type SeedTable,
  type SeedTableName,
  seedAmountOfKopiyky,
  type VerifyContext,
} from '@kasa/seed-import';
import { charsWithin, textWithin } from './seed-values.ts';

/**
 * What the old database's columns can hold, for a switch back: a real seed database may lack a
 * column the thesis names (`diagnos`), keep a text in a shorter column than Kasa does, and keeps
 * its amounts in FLOATs. A value is compared with the old row as the column would hold it, so a
 * value it cannot hold exactly is no change at every run, and is left behind instead.
 */
export interface OldColumn {
  /** Characters it holds (VARCHAR(n): n; TEXT: 65,535), or null when the server does not say. */
  chars: number | null;
  /** Bytes it holds, or null when the server does not say. */
  bytes: number | null;
  /** FLOAT: it keeps a 32-bit float of the amount written. */
  float: boolean;
}

/** The table's declared columns (`SEED_TABLES`) the old database has, by their declared names. */
export async function seedColumnsOf(
  seedQuery: VerifyContext['seedQuery'],
  table: SeedTableName,
): Promise<Map<string, OldColumn>> {
  const found = await seedQuery<{
    name: string;
    data_type: string;
    chars: number | string | null;
    bytes: number | string | null;
  }>(
    `SELECT column_name AS name, data_type AS data_type, character_maximum_length AS chars,
       character_octet_length AS bytes
     FROM information_schema.columns
     WHERE table_schema = DATABASE() AND LOWER(table_name) = ?`,
    [SEED_TABLES[table].name],
  );
  const byName = new Map(found.map((column) => [String(column.name).toLowerCase(), column]));
  const columns = new Map<string, OldColumn>();
  const declaredColumns: SeedTable['columns'] = SEED_TABLES[table].columns;
  for (const declared of declaredColumns) {
    const spelling = [declared.name, ...(declared.aliases ?? [])].find((name) =>
      byName.has(name.toLowerCase()),
    );
    const column = spelling && byName.get(spelling.toLowerCase());
    if (!column) continue;
    columns.set(declared.name, {
      chars: column.chars === null ? null : Number(column.chars),
      bytes: column.bytes === null ? null : Number(column.bytes),
      float: String(column.data_type).toLowerCase() === 'float',
    });
  }
  return columns;
}

/** The text as the column keeps it: cut to its characters, then its bytes; and whether it had to be. */
export function heldText(text: string, column: OldColumn): { text: string; cut: boolean } {
  const byChars = column.chars === null ? { text, cut: false } : charsWithin(text, column.chars);
  const byBytes = column.bytes === null ? byChars : textWithin(byChars.text, column.bytes);
  return { text: byBytes.text, cut: byChars.cut || byBytes.cut };
}

/**
 * The kopiyky an old amount column gives back for Kasa's, read as the import reads it: a FLOAT
 * keeps a 32-bit float, read whole (the seed source casts it to DOUBLE) and rounded to the
 * kopiyka, which from about 131,072 hryvnias on is no longer always the one written (150000.01
 * is kept as 150000.015625, read back as 150000.02). Kasa's amount itself is always among them:
 * the old row holding either is no change.
 */
export function kopiykyHeldAs(kopiyky: number, column: OldColumn): number[] {
  if (!column.float) return [kopiyky];
  const readBack = kopiykyOfSeedAmount(Math.fround(seedAmountOfKopiyky(kopiyky)!)).kopiyky!;
  return readBack === kopiyky ? [kopiyky] : [kopiyky, readBack];
}

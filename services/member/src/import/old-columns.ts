import {
  kopiykyOfSeedAmount,
  SEED_TABLES,
  type SeedTable,
  type SeedTableName,
  type VerifyContext,
} from '@kasa/seed-import';

/**
 * What the old database's columns hold, for a switch back: a real seed database may lack a
 * column the thesis names, keeps texts in shorter columns than Kasa (`first_name` VARCHAR(32)
 * against Kasa's 64) and its prices in FLOATs. A value it cannot hold is never written (it would
 * fail the whole transaction, or come back as something else and be a change at every run): it
 * is left behind instead.
 */
export interface OldColumn {
  /** Characters it holds (VARCHAR(n): n), or null when the server does not say. */
  chars: number | null;
  /** Bytes it holds (TEXT: 65,535), or null when the server does not say. */
  bytes: number | null;
  /** A FLOAT: it keeps a 32-bit float and prints it short. */
  float: boolean;
}

/** Each table's declared columns (`SEED_TABLES`) the old database has, by their declared names. */
export type OldColumns = ReadonlyMap<SeedTableName, ReadonlyMap<string, OldColumn>>;

export async function readOldColumns(
  { seedQuery }: VerifyContext,
  tables: readonly SeedTableName[],
): Promise<OldColumns> {
  const found = await seedQuery<{
    table_name: string;
    name: string;
    data_type: string;
    chars: number | string | null;
    bytes: number | string | null;
  }>(
    `SELECT table_name AS table_name, column_name AS name, data_type AS data_type,
       character_maximum_length AS chars, character_octet_length AS bytes
     FROM information_schema.columns WHERE table_schema = DATABASE()`,
  );
  const result = new Map<SeedTableName, Map<string, OldColumn>>();
  for (const table of tables) {
    const declared: SeedTable = SEED_TABLES[table];
    const byName = new Map(
      found
        .filter((column) => String(column.table_name).toLowerCase() === declared.name)
        .map((column) => [String(column.name).toLowerCase(), column]),
    );
    const columns = new Map<string, OldColumn>();
    for (const column of declared.columns) {
      const spelling = [column.name, ...(column.aliases ?? [])].find((name) =>
        byName.has(name.toLowerCase()),
      );
      const actual = spelling === undefined ? undefined : byName.get(spelling.toLowerCase());
      if (!actual) continue;
      columns.set(column.name, {
        chars: actual.chars === null ? null : Number(actual.chars),
        bytes: actual.bytes === null ? null : Number(actual.bytes),
        float: String(actual.data_type).toLowerCase() === 'float',
      });
    }
    result.set(table, columns);
  }
  return result;
}

/** Why a value cannot be written into the column as it is, or null when it can. */
export function unwritable(column: OldColumn | undefined, value: string | number | null): string | null {
  if (column === undefined) return 'the old table has no such column';
  if (typeof value !== 'string') return null;
  if (column.chars !== null && [...value].length > column.chars)
    return `longer than the ${column.chars} characters the old column holds`;
  if (column.bytes !== null && Buffer.byteLength(value, 'utf8') > column.bytes)
    return `longer than the ${column.bytes} bytes the old column holds`;
  return null;
}

/**
 * The kopiyky an amount written into the column reads back as, every way a server may print it:
 * a FLOAT keeps a 32-bit float, which MySQL 8 prints as its shortest text and MariaDB and MySQL 5
 * to six significant digits. The amount is held only when all of them are it.
 */
export function kopiykyReadBack(kopiyky: number, column: OldColumn): number[] {
  if (!column.float) return [kopiyky];
  const stored = Math.fround(kopiyky / 100);
  return [Number(stored.toPrecision(6)), shortestFloat32(stored)].map(
    (printed) => kopiykyOfSeedAmount(printed).kopiyky!,
  );
}

/** The fewest significant digits that still name this 32-bit float. */
function shortestFloat32(stored: number): number {
  for (let digits = 1; digits < 9; digits++) {
    const text = Number(stored.toPrecision(digits));
    if (Math.fround(text) === stored) return text;
  }
  return Number(stored.toPrecision(9));
}

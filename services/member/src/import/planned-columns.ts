import { type SeedColumnHolds, type SeedRow, seedValueUnfit } from '@kasa/seed-import';

export type Comparable = string | number | boolean | null | undefined;

/**
 * One column of a seed table as a switch back compares it: Kasa's value and the old row's, each
 * as Kasa keeps it (the old row taken through the import's own conversion, so that a value the
 * import had to change, cut or replace is no change), and Kasa's value as the column holds it.
 */
export interface ComparedColumn<K, C> {
  /** The seed's declared name. */
  name: string;
  kasa(kasa: K): Comparable;
  seed(converted: C, row: SeedRow, kasa: K): Comparable;
  back(kasa: K): string | number | null;
  /**
   * Whether the old value is written although the import reads the old row as Kasa's: a flag it
   * takes from other rows (a change asked for), whose own column the old system's lists read.
   */
  rewrite?(converted: C, row: SeedRow, kasa: K): boolean;
  /** Kasa holds nothing to compare with the old row (a stand-in where the seed's phone was none). */
  skip?(kasa: K, row: SeedRow): boolean;
  /** Why the column cannot hold Kasa's value, beyond its length (a FLOAT that reads back otherwise). */
  unwritable?(kasa: K, column: SeedColumnHolds): string | null;
  /** Why the value is left behind when the old rules read it back as something else. */
  why?: string;
}

const READ_BACK_OTHERWISE = 'the old system would read it back as another value';

const same = (a: Comparable, b: Comparable) => (a ?? null) === (b ?? null);

/**
 * The columns of one row to write: for an old row (`row`), those Kasa changed, as the column
 * holds them; for a new one (`row` null), every column. A value the old column cannot hold, or
 * that the old rules would read back as something else (so it would be a change at every run),
 * is not written into an old row and is left behind by column; a new row gets what fits, and
 * NULL where nothing does.
 */
export function plannedColumns<K, C>(
  columns: readonly ComparedColumn<K, C>[],
  kasa: K,
  row: SeedRow | null,
  convert: (row: SeedRow) => C,
  old: ReadonlyMap<string, SeedColumnHolds>,
  leave: (column: string, why: string) => void,
): SeedRow {
  const base = row ?? {};
  const fresh = row === null;
  const before = convert(base);
  const planned: SeedRow = {};
  const left = new Set<string>();
  for (const column of columns) {
    if (
      !fresh &&
      (column.skip?.(kasa, base) ||
        (same(column.kasa(kasa), column.seed(before, base, kasa)) && !column.rewrite?.(before, base, kasa)))
    )
      continue;
    const value = column.back(kasa);
    const target = old.get(column.name);
    const why =
      seedValueUnfit(target, value) ?? (target && column.unwritable ? column.unwritable(kasa, target) : null);
    if (why === null) {
      planned[column.name] = value;
      continue;
    }
    if (value !== null || !fresh) {
      leave(column.name, why);
      left.add(column.name);
    }
    if (fresh && target !== undefined) planned[column.name] = null;
  }

  // What the old rules make of the row as written: each column Kasa's value, or left behind.
  for (let round = 0; round < columns.length; round++) {
    const after = { ...base, ...planned };
    const converted = convert(after);
    // Every column, not only those written: one may read another (a cleared is_active is "blocked"
    // only on an approved member).
    const differing = columns.filter(
      (column) =>
        !left.has(column.name) &&
        !column.skip?.(kasa, after) &&
        !same(column.kasa(kasa), column.seed(converted, after, kasa)),
    );
    if (differing.length === 0) break;
    for (const column of differing) {
      leave(column.name, column.why ?? READ_BACK_OTHERWISE);
      left.add(column.name);
      // A new row keeps what fits; an old row keeps its value rather than one read back otherwise.
      if (!fresh) delete planned[column.name];
    }
    if (fresh) break;
  }
  return planned;
}

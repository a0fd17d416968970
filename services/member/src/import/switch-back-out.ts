import type {
  LeftBehind,
  SeedChange,
  SeedChanges,
  SeedFileOut,
  SeedRow,
  SeedTableName,
  VerifyContext,
} from '@kasa/seed-import';

/**
 * What the member service's switch back gathers, as it reads: rows for the seed's tables (one
 * change per table, action and kind, for the report) with the files they name, and what the old
 * database cannot hold, by row. `what` and `why` name columns and states, never a value.
 */
export class SwitchBackOut {
  readonly #changes = new Map<string, SeedChange>();
  readonly #left = new Map<string, LeftBehind>();
  readonly #rowsOf = new Map<string, SeedRow>();

  /** What the old tables' columns hold: a row names only columns they have. */
  readonly columns: VerifyContext['seedColumns'];

  constructor(columns: VerifyContext['seedColumns']) {
    this.columns = columns;
  }

  add(
    table: SeedTableName,
    action: SeedChange['action'],
    what: string,
    row: SeedRow,
    files: SeedFileOut[] = [],
  ) {
    const key = `${table}|${action}|${what}`;
    let change = this.#changes.get(key);
    if (!change) {
      change = { what, table, action, rows: [] };
      this.#changes.set(key, change);
    }
    change.rows.push(row);
    if (files.length > 0) {
      change.files ??= [];
      change.files.push(...files);
    }
    if (action === 'update' && row.id !== undefined && row.id !== null)
      this.#rowsOf.set(`${table}|${row.id}`, row);
  }

  /** The update already planned for this row, to add a column to it. */
  updateOf(table: SeedTableName, id: number): SeedRow | undefined {
    return this.#rowsOf.get(`${table}|${id}`);
  }

  leave(table: SeedTableName, what: string, why: string, id: number | string) {
    const key = `${table}|${what}|${why}`;
    let left = this.#left.get(key);
    if (!left) {
      left = { what, table, ids: [], why };
      this.#left.set(key, left);
    }
    left.ids.push(id);
  }

  result(): SeedChanges {
    return { changes: [...this.#changes.values()], leftBehind: [...this.#left.values()] };
  }
}

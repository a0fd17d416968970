import { createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import { decimalOfSeedFloat } from './conversions.ts';
import { SEED_TABLE_ORDER, SEED_TABLES, type SeedTable, type SeedTableName } from './seed-tables.ts';
import type { SeedChange } from './service-import.ts';

/** A seed row as read: each declared column by its declared name; a column the table lacks is absent. */
export type SeedRow = Record<string, string | number | null>;

/** What was found of one declared table in the old database. */
export interface FoundTable {
  table: SeedTable;
  /** Its name in the database, or null when the database has no such table. */
  actualName: string | null;
  /** Declared column → its name in the database, for the columns it has. */
  columns: ReadonlyMap<string, string>;
  /** The declared columns the database keeps as single-precision FLOAT (the seed's amounts). */
  floats: ReadonlySet<string>;
  /** What each declared column it has can hold, for writing into it (a switch back). */
  holds: ReadonlyMap<string, SeedColumnHolds>;
  /** Required columns it lacks: the table cannot be read. */
  missing: readonly string[];
}

/** What an old column can hold: a real seed database may keep a text shorter than Kasa does. */
export interface SeedColumnHolds {
  /** Characters (VARCHAR(n): n), or null when the server does not say. */
  chars: number | null;
  /** Bytes (TEXT: 65,535), or null when the server does not say. */
  bytes: number | null;
  /** A single-precision FLOAT: it keeps a 32-bit float of the amount written. */
  float: boolean;
}

export interface SeedSource {
  readonly tables: ReadonlyMap<SeedTableName, FoundTable>;
  count(table: SeedTableName): Promise<number>;
  /** Every row of `table`, by its key when it has one, `batch` at a time. */
  rows(table: SeedTableName, batch?: number): AsyncGenerator<SeedRow[]>;
  /** Any read of the old database (the verification's counts and sums). */
  query<T>(sql: string, values?: unknown[]): Promise<T[]>;
  /**
   * The one write, for a switch back: the changes in this order, in one transaction (all or
   * none). Inserts name their columns; updates match on `id`. Columns the table lacks are skipped.
   */
  apply(changes: readonly SeedChange[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The old system's database, read only. Dates come as the text MySQL holds (the seed wrote its
 * local Kyiv clock into DATETIME columns), FLOAT amounts as the numbers they are.
 */
export async function openSeedSource(url: string): Promise<SeedSource> {
  const pool = createPool({ uri: url, connectionLimit: 2, dateStrings: true, supportBigNumbers: true });
  try {
    const tables = await discover(pool);
    return {
      tables,
      async count(name) {
        const found = readable(tables, name);
        if (!found) return 0;
        const [[row]] = await pool.query<RowDataPacket[]>(
          `SELECT COUNT(*) AS n FROM ${quote(found.actualName!)}`,
        );
        return Number(row!.n);
      },
      rows: (name, batch = 5_000) => readRows(pool, tables, name, batch),
      async query<T>(sql: string, values: unknown[] = []) {
        const [rows] = await pool.query(sql, values);
        return rows as T[];
      },
      apply: (changes) => applyChanges(pool, tables, changes),
      close: () => pool.end(),
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

async function discover(pool: Pool): Promise<Map<SeedTableName, FoundTable>> {
  const [tableRows] = await pool.query<RowDataPacket[]>(
    'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
  );
  const actualTables = new Map(tableRows.map(({ name }) => [String(name).toLowerCase(), String(name)]));
  const found = new Map<SeedTableName, FoundTable>();
  for (const name of SEED_TABLE_ORDER) {
    const table: SeedTable = SEED_TABLES[name];
    const actualName = actualTables.get(table.name) ?? null;
    const columns = new Map<string, string>();
    const floats = new Set<string>();
    const holds = new Map<string, SeedColumnHolds>();
    if (actualName) {
      const [columnRows] = await pool.query<RowDataPacket[]>(
        `SELECT column_name AS name, data_type AS type, character_maximum_length AS chars,
           character_octet_length AS bytes
         FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?`,
        [actualName],
      );
      const actualColumns = new Map(columnRows.map((row) => [String(row.name).toLowerCase(), row]));
      for (const column of table.columns) {
        const spelling = [column.name, ...(column.aliases ?? [])].find((candidate) =>
          actualColumns.has(candidate.toLowerCase()),
        );
        if (!spelling) continue;
        const actual = actualColumns.get(spelling.toLowerCase())!;
        const float = String(actual.type).toLowerCase() === 'float';
        columns.set(column.name, String(actual.name));
        if (float) floats.add(column.name);
        holds.set(column.name, {
          chars: actual.chars === null ? null : Number(actual.chars),
          bytes: actual.bytes === null ? null : Number(actual.bytes),
          float,
        });
      }
    }
    const missing = actualName
      ? table.columns.filter((column) => column.required && !columns.has(column.name)).map(({ name }) => name)
      : [];
    found.set(name, { table, actualName, columns, floats, holds, missing });
  }
  return found;
}

function readable(tables: ReadonlyMap<SeedTableName, FoundTable>, name: SeedTableName): FoundTable | null {
  const found = tables.get(name);
  return found?.actualName && found.missing.length === 0 ? found : null;
}

const INSERT_BATCH = 1_000;

async function applyChanges(
  pool: Pool,
  tables: ReadonlyMap<SeedTableName, FoundTable>,
  changes: readonly SeedChange[],
): Promise<void> {
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    for (const change of changes) {
      const found = readable(tables, change.table);
      if (!found) throw new Error(`the old database has no readable ${change.table} table`);
      const table = quote(found.actualName!);
      if (change.action === 'insert') {
        const declared = [...new Set(change.rows.flatMap((row) => Object.keys(row)))].filter((column) =>
          found.columns.has(column),
        );
        const columns = declared.map((column) => quote(found.columns.get(column)!)).join(', ');
        for (let start = 0; start < change.rows.length; start += INSERT_BATCH) {
          const rows = change.rows.slice(start, start + INSERT_BATCH);
          await connection.query(`INSERT INTO ${table} (${columns}) VALUES ?`, [
            rows.map((row) => declared.map((column) => row[column] ?? null)),
          ]);
        }
      } else {
        const id = found.columns.get('id');
        if (!id) throw new Error(`the old ${change.table} table has no id to update by`);
        for (const { id: key, ...values } of change.rows) {
          const set = Object.keys(values).filter((column) => found.columns.has(column));
          if (set.length === 0) continue;
          await connection.query(
            `UPDATE ${table} SET ${set.map((column) => `${quote(found.columns.get(column)!)} = ?`).join(', ')} WHERE ${quote(id)} = ?`,
            [...set.map((column) => values[column] ?? null), key],
          );
        }
      }
    }
    await connection.commit();
  } catch (error) {
    await connection.rollback();
    throw error;
  } finally {
    connection.release();
  }
}

async function* readRows(
  pool: Pool,
  tables: ReadonlyMap<SeedTableName, FoundTable>,
  name: SeedTableName,
  batch: number,
): AsyncGenerator<SeedRow[]> {
  const found = readable(tables, name);
  if (!found) return;
  // MySQL writes a FLOAT as text with 6 significant digits (12345.67 is sent as "12345.7"); read
  // as DOUBLE it is the single-precision value stored, then the decimal written into it.
  const select = [...found.columns]
    .map(([declared, actual]) =>
      found.floats.has(declared)
        ? `CAST(${quote(actual)} AS DOUBLE) AS ${quote(declared)}`
        : `${quote(actual)} AS ${quote(declared)}`,
    )
    .join(', ');
  const from = quote(found.actualName!);
  const key = found.table.key === null ? undefined : found.columns.get(found.table.key);
  if (key) {
    // Keyset pages: each as fast as the first, however large the table.
    let after: number | string | null = null;
    for (;;) {
      const [rows]: [RowDataPacket[], unknown] = await pool.query<RowDataPacket[]>(
        `SELECT ${select} FROM ${from} ${after === null ? '' : `WHERE ${quote(key)} > ?`} ORDER BY ${quote(key)} LIMIT ?`,
        after === null ? [batch] : [after, batch],
      );
      if (rows.length === 0) return;
      yield decimalFloats(found, rows as SeedRow[]);
      after = (rows.at(-1) as SeedRow)[found.table.key!] ?? null;
      if (rows.length < batch) return;
    }
  }
  // No key: one ordered pass (the seed's link tables are a few rows per member).
  const order = [...found.columns.values()].map(quote).join(', ');
  const [rows] = await pool.query<RowDataPacket[]>(`SELECT ${select} FROM ${from} ORDER BY ${order}`);
  for (let start = 0; start < rows.length; start += batch)
    yield decimalFloats(found, rows.slice(start, start + batch) as SeedRow[]);
}

/** The FLOAT columns' values as the decimals written into them (decimalOfSeedFloat). */
function decimalFloats(found: FoundTable, rows: SeedRow[]): SeedRow[] {
  if (found.floats.size === 0) return rows;
  for (const row of rows)
    for (const column of found.floats) {
      const value = row[column];
      if (typeof value === 'number') row[column] = decimalOfSeedFloat(value);
    }
  return rows;
}

const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``;

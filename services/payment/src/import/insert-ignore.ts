import type { Database, Tx } from '@kasa/db';
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { MySqlTable } from 'drizzle-orm/mysql-core';

/**
 * One INSERT IGNORE of many rows of `table`, each value turned into what its column stores by
 * the column's own drizzle mapping (as the service's inserts do) and escaped by the driver. For
 * the switch-over's batches only: drizzle's builder takes about 70 µs a row of `payments` (two
 * minutes for the bench's million), this about 2. The number of rows written.
 */
export async function insertIgnore<T extends MySqlTable>(
  tx: Tx,
  database: Database,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.entries(getTableColumns(table));
  const names = columns.map(([, column]) => quote(column.name)).join(', ');
  const values = rows
    .map((row) => {
      const record = row as Record<string, unknown>;
      const cells = columns.map(([key, column]) => {
        const value = record[key];
        if (value === undefined) return 'DEFAULT';
        if (value === null) return 'NULL';
        return database.pool.escape(column.mapToDriverValue(value));
      });
      return `(${cells.join(', ')})`;
    })
    .join(', ');
  const [result] = (await tx.execute(
    sql.raw(`INSERT IGNORE INTO ${quote(getTableName(table))} (${names}) VALUES ${values}`),
  )) as unknown as [{ affectedRows: number }];
  return result.affectedRows;
}

const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``;

import { getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { MySqlColumn, MySqlTable } from 'drizzle-orm/mysql-core';
import type { Executor } from './database.ts';
import { preparedUpdateByKey } from './prepared.ts';

/** One row's change: its key and the columns it sets (`undefined` leaves a column as it is). */
export interface RowUpdate<Table extends MySqlTable> {
  id: number;
  values: Partial<Table['$inferInsert']>;
}

/**
 * Several rows updated by key in one statement, each with its own values: for every column any
 * of them changes, `CASE key WHEN id THEN value … ELSE column END`, so a row keeps the columns
 * it does not change. One row is the prepared update of `preparedUpdateByKey`. Values are
 * encoded by their column, as drizzle's `set` does (a Date as a DATETIME); never SQL.
 */
export function updateRowsByKey<Table extends MySqlTable>(
  table: Table,
  key: MySqlColumn,
): (on: Executor, rows: readonly RowUpdate<Table>[]) => Promise<void> {
  const updateOne = preparedUpdateByKey(table, key);
  const columns = getTableColumns(table) as Record<string, MySqlColumn>;
  return async (on, rows) => {
    if (rows.length === 1) await updateOne(on, rows[0]!.id, rows[0]!.values);
    if (rows.length <= 1) return;
    const changes = rows.map(({ id, values }) => ({
      id,
      values: Object.entries(values).filter(([, value]) => value !== undefined),
    }));
    const set: Record<string, SQL> = {};
    for (const name of new Set(changes.flatMap(({ values }) => values.map(([column]) => column)))) {
      const column = columns[name]!;
      const cases = changes.flatMap(({ id, values }) =>
        values
          .filter(([changed]) => changed === name)
          .map(([, value]) => sql`WHEN ${id} THEN ${sql.param(value, column)}`),
      );
      set[name] = sql`CASE ${key} ${sql.join(cases, sql` `)} ELSE ${column} END`;
    }
    await on
      .update(table as MySqlTable)
      .set(set)
      .where(
        inArray(
          key,
          rows.map(({ id }) => id),
        ),
      );
  };
}

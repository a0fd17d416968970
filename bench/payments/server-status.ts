import type { Connection, RowDataPacket } from 'mysql2/promise';

/** MariaDB's counters worth dividing by the confirmations: what each one costs the server. */
const COUNTERS = {
  statements: 'Questions',
  selects: 'Com_select',
  inserts: 'Com_insert',
  updates: 'Com_update',
  commits: 'Com_commit',
  fsyncs: 'Innodb_data_fsyncs',
  'index rows read': 'Handler_read_next',
  'lock waits': 'Innodb_row_lock_waits',
  deadlocks: 'Innodb_deadlocks',
} as const;

type Counts = Record<keyof typeof COUNTERS, number>;

async function read(database: Connection): Promise<Counts> {
  const [rows] = await database.query<RowDataPacket[]>('SHOW GLOBAL STATUS WHERE Variable_name IN (?)', [
    Object.values(COUNTERS),
  ]);
  const values = new Map(rows.map((row) => [String(row.Variable_name), Number(row.Value)]));
  return Object.fromEntries(
    Object.entries(COUNTERS).map(([name, variable]) => [name, values.get(variable) ?? Number.NaN]),
  ) as Counts;
}

/**
 * Starts counting the server's statements, commits and log flushes (the whole server's: the
 * tests' MariaDB is another server); the returned function tells them per `unit` since then.
 */
export async function serverCounter(database: Connection): Promise<(units: number) => Promise<string>> {
  const before = await read(database);
  return async (units) => {
    const after = await read(database);
    return Object.keys(COUNTERS)
      .map((name) => {
        const key = name as keyof Counts;
        const each = (after[key] - before[key]) / units;
        return `${name} ${each < 10 ? each.toFixed(2) : each.toFixed(1)}`;
      })
      .join(', ');
  };
}

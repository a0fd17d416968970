import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection, RowDataPacket } from 'mysql2/promise';

/**
 * Where MariaDB's statements go, per confirmation (BENCH_STATEMENTS=1): the server's general
 * log, on for part A only, read back and summed per schema (the service) and per statement,
 * its values, lists and `IN (…)` folded so that one statement of the code is one line. The log
 * costs the server a write per statement, so that run's figures are not comparable with others.
 * It needs the server on this machine, with its log file readable by the benchmark.
 */
export async function startStatementLog(database: Connection): Promise<(units: number) => Promise<string[]>> {
  const file = join(tmpdir(), `kasa-bench-statements-${process.pid}.log`);
  await database.query("SET GLOBAL log_output = 'FILE'");
  await database.query('SET GLOBAL general_log_file = ?', [file]);
  // The services' pools connected before the log began: their schemas come from the server.
  const [open] = await database.query<RowDataPacket[]>('SELECT ID, DB FROM information_schema.PROCESSLIST');
  const schemas = new Map(open.map((row) => [String(row.ID), String(row.DB ?? '')]));
  await database.query('SET GLOBAL general_log = ON');
  return async (units) => {
    await database.query('SET GLOBAL general_log = OFF');
    const text = await readFile(file, 'utf8');
    await rm(file, { force: true });
    return summaryOf(countStatements(text, schemas), units);
  };
}

/** `<connection id> <command>\t<argument>`, after an optional `yymmdd hh:mm:ss` the server writes once a second. */
const ENTRY = /^(?:\d{6}\s+[\d:]+)?\s+(\d+)\s+(Connect|Init DB|Query|Execute)\t(.*)$/;

/** Statements by schema and by folded text. */
export function countStatements(
  log: string,
  connected: ReadonlyMap<string, string> = new Map(),
): Map<string, Map<string, number>> {
  const schemaOf = new Map(connected);
  const counts = new Map<string, Map<string, number>>();
  for (const line of log.split('\n')) {
    const entry = ENTRY.exec(line);
    if (!entry) continue; // a statement's next lines, or the log's header
    const [, connection, command, argument] = entry as unknown as [string, string, string, string];
    if (command === 'Connect') {
      schemaOf.set(connection, / on (\S+)/.exec(argument)?.[1] ?? '');
      continue;
    }
    if (command === 'Init DB') {
      schemaOf.set(connection, argument.trim());
      continue;
    }
    const schema = schemaOf.get(connection) || '(no schema)';
    const bySchema = counts.get(schema) ?? new Map<string, number>();
    counts.set(schema, bySchema);
    const statement = folded(argument);
    bySchema.set(statement, (bySchema.get(statement) ?? 0) + 1);
  }
  return counts;
}

/** One statement of the code, whatever its values: literals, numbers and lists folded. */
export function folded(statement: string): string {
  return statement
    .replace(/'(?:[^'\\]|\\.)*'/g, '?')
    .replace(/\b\d+(?:\.\d+)?\b/g, 'N')
    .replace(/\bIN \([^()]*\)/gi, 'IN (…)')
    .replace(/VALUES\s*(\([^()]*\))(?:\s*,\s*\([^()]*\))+/gi, 'VALUES $1, …')
    .replace(/\bWHEN .* END\b/g, 'WHEN … END')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 140);
}

function summaryOf(counts: Map<string, Map<string, number>>, units: number): string[] {
  const per = (count: number) => (count / units).toFixed(2);
  const schemas = [...counts].map(([schema, statements]) => ({
    schema,
    statements: [...statements].sort((a, b) => b[1] - a[1]),
    total: [...statements.values()].reduce((sum, count) => sum + count, 0),
  }));
  schemas.sort((a, b) => b.total - a.total);
  return schemas.flatMap(({ schema, statements, total }) => [
    `${schema}: ${per(total)} statements`,
    ...statements.slice(0, 12).map(([statement, count]) => `  ${per(count).padStart(6)}  ${statement}`),
  ]);
}

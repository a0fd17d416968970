import type { MySqlTable } from 'drizzle-orm/mysql-core';
import type { Tx } from './database.ts';

/**
 * Most bytes of text in one INSERT: a batch is one statement, unless its texts (a Diia answer,
 * a request of 64 KB) would pass the server's `max_allowed_packet` (16 MB on MariaDB).
 */
const STATEMENT_TEXT_BYTES = 4 * 1024 * 1024;

/**
 * Inserts rows the caller found missing, in as few statements as their size allows: a plain
 * INSERT, so that a value the column cannot hold is an error, never a warning and a silently
 * cut value as under INSERT IGNORE. The number of rows written.
 */
export async function insertInChunks<T extends MySqlTable>(
  tx: Tx,
  table: T,
  values: readonly T['$inferInsert'][],
  textLength: (value: T['$inferInsert']) => number = () => 0,
): Promise<number> {
  let written = 0;
  let chunk: T['$inferInsert'][] = [];
  let bytes = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    const [result] = await tx.insert(table).values(chunk);
    written += result.affectedRows;
    chunk = [];
    bytes = 0;
  };
  for (const value of values) {
    // A UTF-16 unit is at most 3 bytes of UTF-8; the limit leaves room for escapes.
    const size = textLength(value) * 3;
    if (chunk.length > 0 && bytes + size > STATEMENT_TEXT_BYTES) await flush();
    chunk.push(value);
    bytes += size;
  }
  await flush();
  return written;
}

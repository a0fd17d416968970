import type { Tx } from '@kasa/db';
import { sql } from 'drizzle-orm';
import type { ResultSetHeader } from 'mysql2';

/**
 * Records that `consumer` applies `eventId` in the caller's transaction. False means it was
 * applied before: a concurrent duplicate waits on the key's lock and then sees the row.
 */
export async function claimEvent(tx: Tx, consumer: string, eventId: string): Promise<boolean> {
  const [result] = (await tx.execute(
    sql`INSERT IGNORE INTO inbox (consumer, event_id) VALUES (${consumer}, ${eventId})`,
  )) as unknown as [ResultSetHeader];
  return result.affectedRows === 1;
}

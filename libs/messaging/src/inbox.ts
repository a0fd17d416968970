import { clientOf, type Tx } from '@kasa/db';
import type { ResultSetHeader } from 'mysql2';

// Written by hand, not built by drizzle: every event every consumer applies passes here.
const CLAIM = 'INSERT IGNORE INTO inbox (consumer, event_id) VALUES (?, ?)';

/**
 * Records that `consumer` applies `eventId` in the caller's transaction. False means it was
 * applied before: a concurrent duplicate waits on the key's lock and then sees the row.
 */
export async function claimEvent(tx: Tx, consumer: string, eventId: string): Promise<boolean> {
  const [result] = (await clientOf(tx).execute(CLAIM, [consumer, eventId])) as [ResultSetHeader];
  return result.affectedRows === 1;
}

/**
 * Claims events that arrived together, in one statement: true when none was applied before,
 * which is the rule. False when one was (a redelivery, or a concurrent copy that waited on the
 * key's lock): the caller rolls the whole transaction back and goes one by one.
 */
export async function claimAllEvents(
  tx: Tx,
  consumer: string,
  eventIds: readonly string[],
): Promise<boolean> {
  const [result] = (await clientOf(tx).query('INSERT IGNORE INTO inbox (consumer, event_id) VALUES ?', [
    eventIds.map((id) => [consumer, id]),
  ])) as [ResultSetHeader];
  return result.affectedRows === eventIds.length;
}

import { clientOf, type Tx } from '@kasa/db';
import type { ResultSetHeader, RowDataPacket } from 'mysql2';

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
 * Claims many events at once and returns the ids not applied before. A concurrent claim of
 * one of them fails this transaction on the key; the caller then goes one by one.
 */
export async function claimEvents(
  tx: Tx,
  consumer: string,
  eventIds: readonly string[],
): Promise<Set<string>> {
  const client = clientOf(tx);
  const [rows] = (await client.query('SELECT event_id FROM inbox WHERE consumer = ? AND event_id IN (?)', [
    consumer,
    eventIds,
  ])) as [RowDataPacket[]];
  const known = new Set(rows.map((row) => row.event_id as string));
  const fresh = eventIds.filter((id) => !known.has(id));
  if (fresh.length > 0) {
    await client.query('INSERT INTO inbox (consumer, event_id) VALUES ?', [
      fresh.map((id) => [consumer, id]),
    ]);
  }
  return new Set(fresh);
}

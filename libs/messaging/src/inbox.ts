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

/**
 * Claims many events at once and returns the ids not applied before. A concurrent claim of
 * one of them fails this transaction on the key; the caller then goes one by one.
 */
export async function claimEvents(
  tx: Tx,
  consumer: string,
  eventIds: readonly string[],
): Promise<Set<string>> {
  const list = sql.join(
    eventIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const [rows] = (await tx.execute(
    sql`SELECT event_id FROM inbox WHERE consumer = ${consumer} AND event_id IN (${list})`,
  )) as unknown as [{ event_id: string }[]];
  const known = new Set(rows.map((row) => row.event_id));
  const fresh = eventIds.filter((id) => !known.has(id));
  if (fresh.length > 0) {
    const values = sql.join(
      fresh.map((id) => sql`(${consumer}, ${id})`),
      sql`, `,
    );
    await tx.execute(sql`INSERT INTO inbox (consumer, event_id) VALUES ${values}`);
  }
  return new Set(fresh);
}

import type { Executor } from '@kasa/db';
import type { AnyEvent } from '@kasa/messaging';
import { and, asc, desc, eq, getTableColumns, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { webhookAttempts, webhookDeliveries } from '../../db/schema.ts';
import { objectKeyOf } from '../domain/event-selection.ts';

export type DeliveryStatus = (typeof webhookDeliveries.$inferSelect)['status'];
export type AttemptRow = typeof webhookAttempts.$inferSelect;
const { payload: _payload, claimToken: _claimToken, ...deliveryColumns } = getTableColumns(webhookDeliveries);
/** A delivery as the log shows it: without its body and its worker's token. */
export type DeliveryRow = Omit<typeof webhookDeliveries.$inferSelect, 'payload' | 'claimToken'>;

export interface NewDelivery {
  subscriberId: number;
  event: AnyEvent;
  /** The event as it is POSTed. */
  payload: string;
}

/** Rows per INSERT: a batch of events times its subscribers stays well below packet limits. */
const ROWS_PER_INSERT = 500;

/**
 * Deliveries in the consumer's transaction, in the events' order. They come due `graceMs`
 * later: an earlier event of the same object still on its way (published late, or retried
 * after a failed attempt to record it) is recorded by then, and goes first.
 */
export async function insertDeliveries(
  tx: Executor,
  deliveries: readonly NewDelivery[],
  graceMs: number,
): Promise<void> {
  for (let start = 0; start < deliveries.length; start += ROWS_PER_INSERT) {
    const rows = sql.join(
      deliveries.slice(start, start + ROWS_PER_INSERT).map(({ subscriberId, event, payload }) => {
        const objectKey = objectKeyOf(event.type, event.aggregateId);
        return sql`(${subscriberId}, ${event.id}, ${event.type}, ${objectKey}, ${new Date(event.occurredAt)}, ${payload}, CURRENT_TIMESTAMP(3) + INTERVAL ${graceMs * 1000} MICROSECOND)`;
      }),
      sql`, `,
    );
    await tx.execute(
      sql`INSERT INTO webhook_deliveries (subscriber_id, event_id, event_type, object_key, occurred_at, payload, next_attempt_at) VALUES ${rows}`,
    );
  }
}

export interface DeliveryFilter {
  subscriberId?: number;
  statuses?: DeliveryStatus[];
  /** Keyset paging: only deliveries with a smaller id (the page before). */
  beforeId?: number;
  limit: number;
}

/** Deliveries, latest first. */
export function listDeliveries(db: Executor, filter: DeliveryFilter): Promise<DeliveryRow[]> {
  const conditions: (SQL | undefined)[] = [
    filter.subscriberId === undefined ? undefined : eq(webhookDeliveries.subscriberId, filter.subscriberId),
    filter.statuses?.length ? inArray(webhookDeliveries.status, filter.statuses) : undefined,
    filter.beforeId === undefined ? undefined : lt(webhookDeliveries.id, filter.beforeId),
  ];
  return db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .where(and(...conditions))
    .orderBy(desc(webhookDeliveries.id))
    .limit(filter.limit);
}

export async function findDelivery(
  db: Executor,
  id: number,
): Promise<(DeliveryRow & { payload: string }) | undefined> {
  const [row] = await db
    .select({ ...deliveryColumns, payload: webhookDeliveries.payload })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.id, id));
  return row;
}

/** A delivery's attempts, first first. */
export function attemptsOf(db: Executor, deliveryId: number): Promise<AttemptRow[]> {
  return db
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, deliveryId))
    .orderBy(asc(webhookAttempts.id));
}

/** A subscriber's attempts, latest first. */
export function listAttempts(
  db: Executor,
  filter: { subscriberId: number; beforeId?: number; limit: number },
): Promise<AttemptRow[]> {
  return db
    .select()
    .from(webhookAttempts)
    .where(
      and(
        eq(webhookAttempts.subscriberId, filter.subscriberId),
        filter.beforeId === undefined ? undefined : lt(webhookAttempts.id, filter.beforeId),
      ),
    )
    .orderBy(desc(webhookAttempts.id))
    .limit(filter.limit);
}

/**
 * Dead deliveries (one, or all of a subscriber's) back to pending, due at once, with the retry
 * schedule started over. A replayed delivery goes after the later ones of its object that were
 * delivered meanwhile, and holds back the ones still pending. How many were replayed.
 */
export async function replayDead(
  tx: Executor,
  which: { deliveryId: number } | { subscriberId: number },
): Promise<number> {
  const [result] = await tx
    .update(webhookDeliveries)
    .set({ status: 'pending', failures: 0, nextAttemptAt: sql`CURRENT_TIMESTAMP(3)`, claimToken: null })
    .where(
      and(
        eq(webhookDeliveries.status, 'dead'),
        'deliveryId' in which
          ? eq(webhookDeliveries.id, which.deliveryId)
          : eq(webhookDeliveries.subscriberId, which.subscriberId),
      ),
    );
  return result.affectedRows;
}

/** Deliveries failing and being retried, dead ones, and disabled subscribers: one round trip. */
export async function deliveryHealth(
  db: Executor,
): Promise<{ retrying: number; dead: number; disabled_subscribers: number }> {
  const [rows] = (await db.execute(sql`
    SELECT (SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending' AND failures > 0) AS retrying,
           (SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'dead') AS dead,
           (SELECT COUNT(*) FROM webhook_subscribers WHERE enabled = FALSE) AS disabled_subscribers`)) as unknown as [
    { retrying: number | string; dead: number | string; disabled_subscribers: number | string }[],
  ];
  const row = rows[0]!;
  return {
    retrying: Number(row.retrying),
    dead: Number(row.dead),
    disabled_subscribers: Number(row.disabled_subscribers),
  };
}

/**
 * Forgets what is older than `days`: delivered deliveries and every attempt. Dead deliveries
 * stay (the dead-letter list) until replayed or their subscriber is deleted. A batch at a time,
 * so that no statement holds locks for long; how many rows went.
 */
export async function forgetOldHistory(db: Executor, days: number): Promise<number> {
  const batch = 5_000;
  const [attempts] = await db.execute(
    sql`DELETE FROM webhook_attempts WHERE attempted_at < CURRENT_TIMESTAMP(3) - INTERVAL ${days} DAY LIMIT ${batch}`,
  );
  const [deliveries] = await db.execute(
    sql`DELETE FROM webhook_deliveries WHERE status = 'delivered' AND delivered_at < CURRENT_TIMESTAMP(3) - INTERVAL ${days} DAY LIMIT ${batch}`,
  );
  return (
    (attempts as unknown as { affectedRows: number }).affectedRows +
    (deliveries as unknown as { affectedRows: number }).affectedRows
  );
}

import type { Executor } from '@kasa/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { webhookAttempts, webhookDeliveries, webhookSubscribers } from '../../db/schema.ts';

export type SubscriberRow = typeof webhookSubscribers.$inferSelect;
export type DisabledReason = NonNullable<SubscriberRow['disabledReason']>;

/** What the consumer and the delivery worker need of a subscriber that receives webhooks now. */
export interface ActiveSubscriber {
  id: number;
  url: string;
  secret: string;
  eventTypes: string[];
  updatedAt: Date;
}

export interface NewSubscriber {
  url: string;
  description: string | null;
  secret: string;
  eventTypes: string[];
  enabled: boolean;
  createdBy: number;
}

export async function insertSubscriber(db: Executor, subscriber: NewSubscriber): Promise<number> {
  const [result] = await db.insert(webhookSubscribers).values({
    ...subscriber,
    updatedBy: subscriber.createdBy,
    ...(subscriber.enabled ? {} : { disabledReason: 'administrator', disabledAt: new Date() }),
  });
  return result.insertId;
}

/** One subscriber; `forUpdate` locks its row for a change made in the same transaction. */
export async function findSubscriber(
  db: Executor,
  id: number,
  forUpdate = false,
): Promise<SubscriberRow | undefined> {
  const query = db.select().from(webhookSubscribers).where(eq(webhookSubscribers.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export function listSubscribers(db: Executor): Promise<SubscriberRow[]> {
  return db.select().from(webhookSubscribers).orderBy(asc(webhookSubscribers.id));
}

export function activeSubscribers(db: Executor): Promise<ActiveSubscriber[]> {
  return db
    .select({
      id: webhookSubscribers.id,
      url: webhookSubscribers.url,
      secret: webhookSubscribers.secret,
      eventTypes: webhookSubscribers.eventTypes,
      updatedAt: webhookSubscribers.updatedAt,
    })
    .from(webhookSubscribers)
    .where(eq(webhookSubscribers.enabled, true));
}

export interface SubscriberChanges {
  url?: string;
  description?: string | null;
  eventTypes?: string[];
  secret?: string;
}

export async function updateSubscriber(
  tx: Executor,
  id: number,
  changes: SubscriberChanges,
  updatedBy: number,
): Promise<void> {
  await tx
    .update(webhookSubscribers)
    .set({ ...changes, updatedBy, updatedAt: sql`CURRENT_TIMESTAMP(3)` })
    .where(eq(webhookSubscribers.id, id));
}

/**
 * Disables subscribers and pauses their pending deliveries: they wait, in order, until the
 * subscriber is enabled again. Deliveries in flight meanwhile are recorded as they end (a
 * failure among them stays paused, see recordOutcomes).
 */
export async function disableSubscribers(
  tx: Executor,
  ids: readonly number[],
  reason: DisabledReason,
  updatedBy: number | null,
): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(webhookSubscribers)
    .set({
      enabled: false,
      disabledReason: reason,
      disabledAt: sql`CURRENT_TIMESTAMP(3)`,
      updatedAt: sql`CURRENT_TIMESTAMP(3)`,
      ...(updatedBy === null ? {} : { updatedBy }),
    })
    .where(inArray(webhookSubscribers.id, [...ids]));
  await tx
    .update(webhookDeliveries)
    .set({ status: 'paused' })
    .where(and(inArray(webhookDeliveries.subscriberId, [...ids]), eq(webhookDeliveries.status, 'pending')));
}

/** Enables a subscriber; its paused deliveries are due again at once (those still in flight when they end). */
export async function enableSubscriber(tx: Executor, id: number, updatedBy: number): Promise<void> {
  await tx
    .update(webhookSubscribers)
    .set({
      enabled: true,
      disabledReason: null,
      disabledAt: null,
      updatedBy,
      updatedAt: sql`CURRENT_TIMESTAMP(3)`,
    })
    .where(eq(webhookSubscribers.id, id));
  await tx.execute(sql`
    UPDATE webhook_deliveries
       SET status = 'pending',
           next_attempt_at = IF(claim_token IS NULL, CURRENT_TIMESTAMP(3), next_attempt_at)
     WHERE subscriber_id = ${id} AND status = 'paused'`);
}

/** The subscriber and everything it was sent: its deliveries and their attempts. */
export async function deleteSubscriber(tx: Executor, id: number): Promise<void> {
  await tx.delete(webhookAttempts).where(eq(webhookAttempts.subscriberId, id));
  await tx.delete(webhookDeliveries).where(eq(webhookDeliveries.subscriberId, id));
  await tx.delete(webhookSubscribers).where(eq(webhookSubscribers.id, id));
}

import type { WebhookAttempt, WebhookDelivery, WebhookSubscriber } from '@kasa/contracts';
import type { Static } from 'typebox';
import type { AttemptRow, DeliveryRow } from '../webhooks/db/webhook-deliveries.repository.ts';
import type { SubscriberRow } from '../webhooks/db/webhook-subscribers.repository.ts';

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/** A subscriber as administrators see it: everything but its secret. */
export function subscriberView(row: SubscriberRow): Static<typeof WebhookSubscriber> {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    event_types: row.eventTypes,
    enabled: row.enabled,
    disabled_reason: row.disabledReason,
    disabled_at: iso(row.disabledAt),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function deliveryView(row: DeliveryRow): Static<typeof WebhookDelivery> {
  return {
    id: row.id,
    subscriber_id: row.subscriberId,
    event_id: row.eventId,
    event_type: row.eventType,
    object: row.objectKey,
    occurred_at: row.occurredAt.toISOString(),
    status: row.status,
    attempts: row.attempts,
    next_attempt_at: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    last_status: row.lastStatus,
    last_error: row.lastError,
    last_attempt_at: iso(row.lastAttemptAt),
    delivered_at: iso(row.deliveredAt),
    created_at: row.createdAt.toISOString(),
  };
}

export function attemptView(row: AttemptRow): Static<typeof WebhookAttempt> {
  return {
    id: row.id,
    delivery_id: row.deliveryId,
    attempted_at: row.attemptedAt.toISOString(),
    duration_ms: row.durationMs,
    status_code: row.statusCode,
    error: row.error,
    response_excerpt: row.responseExcerpt,
  };
}

/** Keyset paging: the id to ask the next page before, when this page was full. */
export const nextBefore = (rows: readonly { id: number }[], limit: number): number | null =>
  rows.length === limit ? rows.at(-1)!.id : null;

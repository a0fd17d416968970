import type { StreamBatchHandler } from '@kasa/messaging';
import type { NotificationSettings } from '../settings.ts';
import { recordDeliveries } from '../webhooks/application/record-deliveries.ts';

export interface WebhooksHandlerDeps {
  settings: Pick<NotificationSettings, 'WEBHOOK_ORDER_GRACE_MS'>;
}

/**
 * The `webhooks` stream (every event that may leave Kasa), in batches: each event becomes a
 * delivery row per subscriber of its type, sent later by the delivery worker.
 */
export function webhooksHandler({ settings }: WebhooksHandlerDeps): StreamBatchHandler {
  return (events, { tx }) => recordDeliveries(tx, events, settings.WEBHOOK_ORDER_GRACE_MS);
}

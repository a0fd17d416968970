import type { Consumers } from '@kasa/messaging';
import type { NotificationDeps } from '../deps.ts';
import { recordDeliveries } from '../webhooks/application/record-deliveries.ts';

/**
 * The `webhooks` stream (every event that may leave Kasa), in batches: each event becomes a
 * delivery row per subscriber of its type, sent later by the delivery worker.
 */
export function webhooksHandlers(
  consumers: Consumers,
  { settings }: Pick<NotificationDeps, 'settings'>,
): void {
  consumers.handleStreamInBatches('webhooks', (events, { tx }) =>
    recordDeliveries(tx, events, settings.WEBHOOK_ORDER_GRACE_MS),
  );
}

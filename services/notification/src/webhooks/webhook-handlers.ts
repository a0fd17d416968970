import type { Consumers } from '@kasa/messaging';
import type { NotificationSettings } from '../settings.ts';
import { recordDeliveries } from './application/record-deliveries.ts';

/**
 * The webhooks' consumer: every event that may leave Kasa (the `webhooks` stream) becomes a
 * delivery row per subscriber of its type. Registered by the service's handlers.
 */
export function webhookHandlers(
  consumers: Consumers,
  { settings }: { settings: Pick<NotificationSettings, 'WEBHOOK_ORDER_GRACE_MS'> },
): void {
  consumers.handleStreamInBatches('webhooks', (events, { tx }) =>
    recordDeliveries(tx, events, settings.WEBHOOK_ORDER_GRACE_MS),
  );
}

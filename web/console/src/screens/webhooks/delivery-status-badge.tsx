import { Badge } from '@mantine/core';
import { messages } from '../../i18n/messages.ts';

const COLORS: Record<string, string> = { pending: 'blue', delivered: 'green', dead: 'red', paused: 'gray' };

/** A delivery's status in words. */
export function DeliveryStatusBadge({ status }: { status: string }) {
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light">
      {messages.webhooks.deliveries.statuses[status] ?? status}
    </Badge>
  );
}

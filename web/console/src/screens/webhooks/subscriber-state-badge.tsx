import { Badge } from '@mantine/core';
import { messages } from '../../i18n/messages.ts';
import type { Subscriber } from './webhooks-queries.ts';

const text = messages.webhooks;

/** Whether a subscriber receives events, and if not, why. */
export function SubscriberStateBadge({
  subscriber,
}: {
  subscriber: Pick<Subscriber, 'enabled' | 'disabled_reason'>;
}) {
  if (subscriber.enabled)
    return (
      <Badge color="green" variant="light">
        {text.enabled}
      </Badge>
    );
  return (
    <Badge color={subscriber.disabled_reason === 'gone' ? 'red' : 'gray'} variant="light" tt="none">
      {subscriber.disabled_reason === 'gone' ? text.disabledGone : text.disabledByAdmin}
    </Badge>
  );
}

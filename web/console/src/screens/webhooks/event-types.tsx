import { Badge, Group } from '@mantine/core';
import { messages } from '../../i18n/messages.ts';

const text = messages.webhooks;

/** A subscriber's event types: all of them, or the first few and how many more. */
export function EventTypes({ types, all = false }: { types: readonly string[]; all?: boolean }) {
  if (types.includes('*'))
    return (
      <Badge variant="light" tt="none">
        {text.allEvents}
      </Badge>
    );
  const shown = all ? types : types.slice(0, 3);
  return (
    <Group gap={4}>
      {shown.map((type) => (
        <Badge key={type} variant="outline" color="gray" tt="none">
          {type}
        </Badge>
      ))}
      {types.length > shown.length && (
        <Badge variant="light" color="gray">
          +{types.length - shown.length}
        </Badge>
      )}
    </Group>
  );
}

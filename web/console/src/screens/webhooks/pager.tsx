import { Button, Group } from '@mantine/core';
import { messages } from '../../i18n/messages.ts';

const text = messages.webhooks;

/** Older and newest, for a list paged by cursor. */
export function Pager({
  before,
  next,
  onOlder,
  onNewest,
}: {
  before: number | undefined;
  next: number | null;
  onOlder: (next: number) => void;
  onNewest: () => void;
}) {
  if (before === undefined && next === null) return null;
  return (
    <Group justify="flex-end" mt="sm">
      {before !== undefined && (
        <Button variant="default" size="xs" onClick={onNewest}>
          {text.deliveries.first}
        </Button>
      )}
      {next !== null && (
        <Button variant="default" size="xs" onClick={() => onOlder(next)}>
          {text.deliveries.next}
        </Button>
      )}
    </Group>
  );
}

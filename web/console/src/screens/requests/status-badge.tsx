import { Badge } from '@mantine/core';
import { messages } from '../../i18n/messages.ts';

const COLORS: Record<string, string> = {
  opened: 'blue',
  awaiting_agent: 'orange',
  awaiting_client: 'grape',
  closed: 'gray',
};

/** A request's status, coloured by who has to act next. */
export function StatusBadge({ alias }: { alias: string }) {
  return (
    <Badge color={COLORS[alias] ?? 'gray'} variant="light">
      {messages.requests.statuses[alias] ?? alias}
    </Badge>
  );
}

import { Button, Code, Group, ScrollArea, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { DeliveryStatusBadge } from './delivery-status-badge.tsx';
import type { Delivery } from './webhooks-queries.ts';

const text = messages.webhooks;

/** Deliveries, latest first: the subscriber's log, or the dead letters of all subscribers. */
export function WebhookDeliveriesTable({
  deliveries,
  subscriberUrls,
  onOpen,
  dimmed,
}: {
  deliveries: readonly Delivery[];
  /** Given for the dead letters: which subscriber each one was for. */
  subscriberUrls?: ReadonlyMap<number, string>;
  onOpen: (id: number) => void;
  dimmed?: boolean;
}) {
  return (
    <ScrollArea>
      <Table striped highlightOnHover verticalSpacing="xs" opacity={dimmed ? 0.6 : 1}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>№</Table.Th>
            {subscriberUrls && <Table.Th>{text.columns.subscriber}</Table.Th>}
            <Table.Th>{text.columns.event}</Table.Th>
            <Table.Th>{text.columns.object}</Table.Th>
            <Table.Th>{text.columns.occurred}</Table.Th>
            <Table.Th>{text.columns.status}</Table.Th>
            <Table.Th>{text.columns.attempts}</Table.Th>
            <Table.Th>{text.columns.lastAnswer}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((delivery) => (
            <Table.Tr key={delivery.id}>
              <Table.Td>{delivery.id}</Table.Td>
              {subscriberUrls && (
                <Table.Td>
                  <Text size="sm" truncate maw={240}>
                    {subscriberUrls.get(delivery.subscriber_id) ?? `№ ${delivery.subscriber_id}`}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Code>{delivery.event_type}</Code>
              </Table.Td>
              <Table.Td>{delivery.object}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(delivery.occurred_at)}</Table.Td>
              <Table.Td>
                <DeliveryStatusBadge status={delivery.status} />
              </Table.Td>
              <Table.Td>{delivery.attempts}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {delivery.last_status !== null && <Code>{delivery.last_status}</Code>}
                  <Text size="sm" c="dimmed" truncate maw={220}>
                    {delivery.last_error ??
                      (delivery.last_attempt_at ? formatDateTime(delivery.last_attempt_at) : '—')}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => onOpen(delivery.id)}
                  aria-label={`${text.deliveries.details}: ${text.deliveries.title(delivery.id)}`}
                >
                  {text.deliveries.details}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

import { Button, Code, Drawer, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { LoadFailure } from '../../components/load-failure.tsx';
import { formatDateTime } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { DeliveryStatusBadge } from './delivery-status-badge.tsx';
import { report } from './report.ts';
import { useDelivery, useReplayDelivery } from './webhooks-queries.ts';

const text = messages.webhooks.deliveries;

/** One delivery: the event as it was sent, every attempt and its answer; a dead one can be sent again. */
export function WebhookDeliveryDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const delivery = useDelivery(id);
  const replay = useReplayDelivery();
  const data = delivery.data;

  async function sendAgain(deliveryId: number) {
    await report(() => replay.mutateAsync(deliveryId), text.replayedOne);
  }

  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={id !== null ? text.title(id) : ''}
      closeButtonProps={{ 'aria-label': messages.common.close }}
    >
      {delivery.isPending && id !== null && <Skeleton h={300} />}
      {delivery.isError && <LoadFailure error={delivery.error} onRetry={() => void delivery.refetch()} />}
      {data && (
        <Stack>
          <Table variant="vertical" withTableBorder layout="fixed">
            <Table.Tbody>
              <Row
                label={messages.webhooks.columns.status}
                value={<DeliveryStatusBadge status={data.delivery.status} />}
              />
              <Row label={messages.webhooks.columns.event} value={<Code>{data.delivery.event_type}</Code>} />
              <Row label={text.eventId} value={<Code>{data.delivery.event_id}</Code>} />
              <Row label={messages.webhooks.columns.object} value={data.delivery.object} />
              <Row
                label={messages.webhooks.columns.occurred}
                value={formatDateTime(data.delivery.occurred_at)}
              />
              <Row label={messages.webhooks.columns.attempts} value={data.delivery.attempts} />
              {data.delivery.next_attempt_at && (
                <Row label={text.nextAttempt} value={formatDateTime(data.delivery.next_attempt_at)} />
              )}
              {data.delivery.delivered_at && (
                <Row label={text.delivered} value={formatDateTime(data.delivery.delivered_at)} />
              )}
            </Table.Tbody>
          </Table>
          {data.delivery.status === 'dead' && (
            <Button
              variant="light"
              loading={replay.isPending}
              onClick={() => void sendAgain(data.delivery.id)}
              style={{ alignSelf: 'flex-start' }}
            >
              {text.replay}
            </Button>
          )}
          <Title order={5}>{text.attemptsTitle}</Title>
          {data.attempts.length === 0 ? (
            <Text size="sm" c="dimmed">
              {text.noAttempts}
            </Text>
          ) : (
            <Table withTableBorder verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{text.attemptAt}</Table.Th>
                  <Table.Th>{text.attemptStatus}</Table.Th>
                  <Table.Th>{text.attemptDuration}</Table.Th>
                  <Table.Th>{text.attemptAnswer}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.attempts.map((attempt) => (
                  <Table.Tr key={attempt.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(attempt.attempted_at)}
                    </Table.Td>
                    <Table.Td>{attempt.status_code ?? '—'}</Table.Td>
                    <Table.Td>{text.ms(attempt.duration_ms)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ wordBreak: 'break-word' }}>
                        {attempt.error ?? attempt.response_excerpt ?? '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Title order={5}>{text.payload}</Title>
          <Code block>{JSON.stringify(data.payload, null, 2)}</Code>
        </Stack>
      )}
    </Drawer>
  );
}

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={180}>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
}

import { Paper, ScrollArea, Skeleton, Table, Text } from '@mantine/core';
import { LoadFailure } from '../../components/load-failure.tsx';
import { formatDateTime } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { Pager } from './pager.tsx';
import { useCursor } from './use-cursor.ts';
import { useAttempts } from './webhooks-queries.ts';

const text = messages.webhooks.deliveries;

/** Every attempt to reach a subscriber, latest first: what it answered, or why there was no answer. */
export function WebhookAttemptsLog({ subscriberId }: { subscriberId: number }) {
  const cursor = useCursor();
  const attempts = useAttempts(subscriberId, cursor.before);

  if (attempts.isError) return <LoadFailure error={attempts.error} onRetry={() => attempts.refetch()} />;
  if (attempts.isPending) return <Skeleton h={200} />;
  return (
    <Paper withBorder p="md">
      {attempts.data.data.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {messages.webhooks.attempts.empty}
        </Text>
      ) : (
        <ScrollArea>
          <Table striped verticalSpacing="xs" opacity={attempts.isPlaceholderData ? 0.6 : 1}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{text.attemptAt}</Table.Th>
                <Table.Th>{text.delivery}</Table.Th>
                <Table.Th>{text.attemptStatus}</Table.Th>
                <Table.Th>{text.attemptDuration}</Table.Th>
                <Table.Th>{text.attemptAnswer}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attempts.data.data.map((attempt) => (
                <Table.Tr key={attempt.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(attempt.attempted_at)}</Table.Td>
                  <Table.Td>№ {attempt.delivery_id}</Table.Td>
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
        </ScrollArea>
      )}
      <Pager
        before={cursor.before}
        next={attempts.data.next_before}
        onOlder={cursor.older}
        onNewest={cursor.newest}
      />
    </Paper>
  );
}

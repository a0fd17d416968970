import { Badge, Code, Drawer, Group, Skeleton, Stack, Table } from '@mantine/core';
import { LoadFailure } from '../../components/load-failure.tsx';
import { formatDateTime } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { useCheckedEvent } from './audit-queries.ts';

const text = messages.audit;

/** One audit event in full, with what its hash check says. */
export function AuditEventDrawer({ sequence, onClose }: { sequence: number | null; onClose: () => void }) {
  const event = useCheckedEvent(sequence);
  const data = event.data;

  return (
    <Drawer
      opened={sequence !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={sequence !== null ? text.eventTitle(sequence) : ''}
      closeButtonProps={{ 'aria-label': messages.common.close }}
    >
      {event.isPending && sequence !== null && <Skeleton h={240} />}
      {event.isError && <LoadFailure error={event.error} onRetry={() => void event.refetch()} />}
      {data && (
        <Stack>
          <Group gap="xs">
            <Badge color={data.verification?.hash_matches ? 'green' : 'red'} variant="light">
              {data.verification?.hash_matches ? text.hashMatches : text.hashDiffers}
            </Badge>
            <Badge color={data.verification?.follows_previous ? 'green' : 'red'} variant="light">
              {data.verification?.follows_previous ? text.followsPrevious : text.breaksChain}
            </Badge>
          </Group>
          <Table variant="vertical" withTableBorder layout="fixed">
            <Table.Tbody>
              <Row label={text.columns.type} value={<Code>{data.type}</Code>} />
              <Row label={text.columns.occurred} value={data.occurred_kyiv} />
              <Row label={text.recorded} value={formatDateTime(data.recorded_at)} />
              <Row
                label={text.columns.object}
                value={`${text.objectKinds[data.object.kind] ?? data.object.kind}${data.object.id ? ` ${data.object.id}` : ''}`}
              />
              <Row label={text.columns.member} value={data.member_id ?? '—'} />
              <Row
                label={text.columns.actor}
                value={`${text.actorKinds[data.actor.kind] ?? data.actor.kind}${data.actor.id ? ` ${data.actor.id}` : ''}`}
              />
              <Row
                label={text.columns.fields}
                value={data.fields.length ? data.fields.join(', ') : text.noFields}
              />
              <Row label={text.eventId} value={<Code>{data.event_id}</Code>} />
              <Row label={text.version} value={data.version} />
              <Row label={text.hash} value={<Code block>{data.hash}</Code>} />
              <Row label={text.previousHash} value={<Code block>{data.previous_hash}</Code>} />
            </Table.Tbody>
          </Table>
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

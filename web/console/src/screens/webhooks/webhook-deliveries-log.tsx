import { Button, Group, Paper, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { LoadFailure } from '../../components/load-failure.tsx';
import { messages } from '../../i18n/messages.ts';
import { Pager } from './pager.tsx';
import { useCursor } from './use-cursor.ts';
import { WebhookDeliveriesTable } from './webhook-deliveries-table.tsx';
import { WebhookDeliveryDrawer } from './webhook-delivery-drawer.tsx';
import { DELIVERY_STATUSES, type DeliveryStatus, useDeliveries } from './webhooks-queries.ts';

const text = messages.webhooks.deliveries;

/** A subscriber's deliveries, latest first, by status; each opens with its attempts. */
export function WebhookDeliveriesLog({ subscriberId }: { subscriberId: number }) {
  const [status, setStatus] = useState<DeliveryStatus | null>(null);
  const cursor = useCursor();
  const deliveries = useDeliveries(subscriberId, status, cursor.before);
  const [opened, setOpened] = useState<number | null>(null);

  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl
          aria-label={text.statusFilter}
          w="fit-content"
          value={status ?? 'all'}
          onChange={(value) => {
            setStatus(value === 'all' ? null : (value as DeliveryStatus));
            cursor.newest();
          }}
          data={[
            { value: 'all', label: text.allStatuses },
            ...DELIVERY_STATUSES.map((value) => ({ value, label: text.statuses[value] ?? value })),
          ]}
        />
        <Button
          variant="default"
          size="xs"
          loading={deliveries.isFetching}
          onClick={() => deliveries.refetch()}
        >
          {text.refresh}
        </Button>
      </Group>
      {deliveries.isError && <LoadFailure error={deliveries.error} onRetry={() => deliveries.refetch()} />}
      {deliveries.isPending && <Skeleton h={200} />}
      {deliveries.data && (
        <Paper withBorder p="md">
          {deliveries.data.data.length === 0 ? (
            <Text c="dimmed" ta="center" py="xl">
              {status ? text.emptyFiltered : text.empty}
            </Text>
          ) : (
            <WebhookDeliveriesTable
              deliveries={deliveries.data.data}
              onOpen={setOpened}
              dimmed={deliveries.isPlaceholderData}
            />
          )}
          <Pager
            before={cursor.before}
            next={deliveries.data.next_before}
            onOlder={cursor.older}
            onNewest={cursor.newest}
          />
        </Paper>
      )}
      <WebhookDeliveryDrawer id={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}

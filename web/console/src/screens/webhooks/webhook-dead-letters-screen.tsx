import { Group, Paper, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { LoadFailure } from '../../components/load-failure.tsx';
import { messages } from '../../i18n/messages.ts';
import { Pager } from './pager.tsx';
import { useCursor } from './use-cursor.ts';
import { WebhookDeliveriesTable } from './webhook-deliveries-table.tsx';
import { WebhookDeliveryDrawer } from './webhook-delivery-drawer.tsx';
import { WebhooksHeader } from './webhooks-header.tsx';
import { useDeadLetters, useSubscribers } from './webhooks-queries.ts';

const text = messages.webhooks;

/** Deliveries that failed every attempt, of every subscriber or one; each can be sent again. */
export function WebhookDeadLettersScreen() {
  const [subscriberId, setSubscriberId] = useState<number | null>(null);
  const cursor = useCursor();
  const subscribers = useSubscribers();
  const dead = useDeadLetters(subscriberId, cursor.before);
  const [opened, setOpened] = useState<number | null>(null);
  const urls = useMemo(
    () => new Map((subscribers.data ?? []).map((subscriber) => [subscriber.id, subscriber.url])),
    [subscribers.data],
  );

  return (
    <Stack>
      <WebhooksHeader active="dead-letters" />
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={640}>
          {text.deadLetters.intro}
        </Text>
        <Select
          label={text.deadLetters.subscriber}
          placeholder={text.deadLetters.allSubscribers}
          clearable
          w={320}
          data={(subscribers.data ?? []).map((subscriber) => ({
            value: String(subscriber.id),
            label: subscriber.description ? `${subscriber.description} — ${subscriber.url}` : subscriber.url,
          }))}
          value={subscriberId ? String(subscriberId) : null}
          onChange={(value) => {
            setSubscriberId(value ? Number(value) : null);
            cursor.newest();
          }}
        />
      </Group>
      {dead.isError && <LoadFailure error={dead.error} onRetry={() => dead.refetch()} />}
      {dead.isPending && <Skeleton h={240} />}
      {dead.data && (
        <Paper withBorder p="md">
          {dead.data.data.length === 0 ? (
            <Text c="dimmed" ta="center" py="xl">
              {text.deadLetters.empty}
            </Text>
          ) : (
            <WebhookDeliveriesTable
              deliveries={dead.data.data}
              subscriberUrls={urls}
              onOpen={setOpened}
              dimmed={dead.isPlaceholderData}
            />
          )}
          <Pager
            before={cursor.before}
            next={dead.data.next_before}
            onOlder={cursor.older}
            onNewest={cursor.newest}
          />
        </Paper>
      )}
      <WebhookDeliveryDrawer id={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}

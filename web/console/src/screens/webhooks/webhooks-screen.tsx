import { Button, Group, Paper, ScrollArea, Skeleton, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { LoadFailure } from '../../components/load-failure.tsx';
import { formatDay } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { EventTypes } from './event-types.tsx';
import { SubscriberStateBadge } from './subscriber-state-badge.tsx';
import { WebhookFormModal } from './webhook-form-modal.tsx';
import { WebhookSecretModal } from './webhook-secret-modal.tsx';
import { WebhooksHeader } from './webhooks-header.tsx';
import { type Subscriber, useSubscribers } from './webhooks-queries.ts';

const text = messages.webhooks;

/** The webhook subscribers, and the registration of a new one (its secret shown once). */
export function WebhooksScreen() {
  const subscribers = useSubscribers();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ secret: string; subscriber: Subscriber } | null>(null);

  return (
    <Stack>
      <WebhooksHeader active="subscribers" />
      <Group justify="flex-end">
        <Button onClick={() => setCreating(true)}>{text.add}</Button>
      </Group>
      {subscribers.isError && <LoadFailure error={subscribers.error} onRetry={() => subscribers.refetch()} />}
      {subscribers.isPending && <Skeleton h={240} />}
      {subscribers.data && (
        <Paper withBorder p="md">
          {subscribers.data.length === 0 ? (
            <Text c="dimmed" ta="center" py="xl">
              {text.empty}
            </Text>
          ) : (
            <ScrollArea>
              <Table striped highlightOnHover verticalSpacing="sm" aria-label={text.tabs.subscribers}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{text.columns.url}</Table.Th>
                    <Table.Th>{text.columns.description}</Table.Th>
                    <Table.Th>{text.columns.eventTypes}</Table.Th>
                    <Table.Th>{text.columns.state}</Table.Th>
                    <Table.Th>{text.columns.created}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {subscribers.data.map((subscriber) => (
                    <Table.Tr key={subscriber.id}>
                      <Table.Td>
                        <Text size="sm" ff="monospace" truncate maw={320}>
                          {subscriber.url}
                        </Text>
                      </Table.Td>
                      <Table.Td>{subscriber.description ?? '—'}</Table.Td>
                      <Table.Td>
                        <EventTypes types={subscriber.event_types} />
                      </Table.Td>
                      <Table.Td>
                        <SubscriberStateBadge subscriber={subscriber} />
                      </Table.Td>
                      <Table.Td>{formatDay(subscriber.created_at)}</Table.Td>
                      <Table.Td>
                        <Button
                          renderRoot={(props) => (
                            <Link
                              {...props}
                              to="/webhooks/$subscriberId"
                              params={{ subscriberId: String(subscriber.id) }}
                            />
                          )}
                          size="compact-sm"
                          variant="subtle"
                          aria-label={`${text.open}: ${subscriber.url}`}
                        >
                          {text.open}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          )}
        </Paper>
      )}
      <WebhookFormModal opened={creating} onClose={() => setCreating(false)} onCreated={setCreated} />
      <WebhookSecretModal
        secret={created?.secret ?? null}
        url={created?.subscriber.url ?? ''}
        onClose={() => setCreated(null)}
      />
    </Stack>
  );
}

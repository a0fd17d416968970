import { Anchor, Button, Group, Paper, Skeleton, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { LoadFailure } from '../../components/load-failure.tsx';
import { formatDateTime } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { ConfirmAction } from './confirm-action.tsx';
import { EventTypes } from './event-types.tsx';
import { report } from './report.ts';
import { SubscriberStateBadge } from './subscriber-state-badge.tsx';
import { WebhookAttemptsLog } from './webhook-attempts-log.tsx';
import { WebhookDeliveriesLog } from './webhook-deliveries-log.tsx';
import { WebhookFormModal } from './webhook-form-modal.tsx';
import { WebhookSecretModal } from './webhook-secret-modal.tsx';
import { webhookSubscriberRoute } from './webhooks.routes.tsx';
import {
  useChangeSubscriber,
  useDeleteSubscriber,
  useReplayAll,
  useRotateSecret,
  useSubscriber,
} from './webhooks-queries.ts';

const text = messages.webhooks;

/** One subscriber: what it receives, its deliveries and attempts, and what an administrator can do with it. */
export function WebhookSubscriberScreen() {
  const id = Number(webhookSubscriberRoute.useParams().subscriberId);
  const navigate = useNavigate();
  const subscriber = useSubscriber(id);
  const change = useChangeSubscriber(id);
  const remove = useDeleteSubscriber(id);
  const rotate = useRotateSecret(id);
  const replayAll = useReplayAll(id);
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const data = subscriber.data;

  return (
    <Stack>
      <Anchor component={Link} to="/webhooks" size="sm">
        ← {text.detail.back}
      </Anchor>
      {subscriber.isError && <LoadFailure error={subscriber.error} onRetry={() => subscriber.refetch()} />}
      {subscriber.isPending && <Skeleton h={200} />}
      {data && (
        <>
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2}>{data.description ?? data.url}</Title>
              <Group gap="xs" mt={4}>
                <SubscriberStateBadge subscriber={data} />
                <Text size="sm" c="dimmed">
                  № {data.id}
                </Text>
              </Group>
            </div>
            <Group gap="xs">
              <Button variant="default" onClick={() => setEditing(true)}>
                {text.detail.edit}
              </Button>
              {data.enabled ? (
                <ConfirmAction
                  variant="default"
                  label={text.detail.disable}
                  question={text.detail.disableConfirm}
                  loading={change.isPending}
                  onConfirm={() =>
                    report(() => change.mutateAsync({ enabled: false }), text.detail.disabledNotice)
                  }
                />
              ) : (
                <Button
                  variant="default"
                  loading={change.isPending}
                  onClick={() =>
                    void report(() => change.mutateAsync({ enabled: true }), text.detail.enabledNotice)
                  }
                >
                  {text.detail.enable}
                </Button>
              )}
              <ConfirmAction
                variant="default"
                label={text.secret.rotate}
                question={text.secret.rotateConfirm}
                loading={rotate.isPending}
                onConfirm={() =>
                  report(async () => setSecret((await rotate.mutateAsync()).secret), text.secret.rotated)
                }
              />
              {data.enabled && (
                <ConfirmAction
                  variant="default"
                  label={text.detail.replayAll}
                  question={text.detail.replayAllConfirm}
                  loading={replayAll.isPending}
                  onConfirm={() =>
                    report(
                      () => replayAll.mutateAsync(),
                      ({ replayed }) => text.detail.replayed(replayed),
                    )
                  }
                />
              )}
              <ConfirmAction
                color="red"
                variant="light"
                label={text.detail.delete}
                question={text.detail.deleteConfirm}
                loading={remove.isPending}
                onConfirm={async () => {
                  if (await report(() => remove.mutateAsync(), text.detail.deleted))
                    void navigate({ to: '/webhooks' });
                }}
              />
            </Group>
          </Group>
          <Paper withBorder p="md">
            <Table variant="vertical" layout="fixed">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={200}>{text.columns.url}</Table.Th>
                  <Table.Td>
                    <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                      {data.url}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{text.columns.description}</Table.Th>
                  <Table.Td>{data.description ?? '—'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{text.columns.eventTypes}</Table.Th>
                  <Table.Td>
                    <EventTypes types={data.event_types} all />
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{text.detail.created}</Table.Th>
                  <Table.Td>{formatDateTime(data.created_at)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{text.detail.updated}</Table.Th>
                  <Table.Td>{formatDateTime(data.updated_at)}</Table.Td>
                </Table.Tr>
                {data.disabled_at && (
                  <Table.Tr>
                    <Table.Th>{text.detail.disabledAt}</Table.Th>
                    <Table.Td>{formatDateTime(data.disabled_at)}</Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Paper>
          <Tabs defaultValue="deliveries" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="deliveries">{text.detail.deliveries}</Tabs.Tab>
              <Tabs.Tab value="attempts">{text.detail.attempts}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="deliveries" pt="md">
              <WebhookDeliveriesLog subscriberId={id} />
            </Tabs.Panel>
            <Tabs.Panel value="attempts" pt="md">
              <WebhookAttemptsLog subscriberId={id} />
            </Tabs.Panel>
          </Tabs>
          <WebhookFormModal opened={editing} onClose={() => setEditing(false)} subscriber={data} />
          <WebhookSecretModal secret={secret} url={data.url} onClose={() => setSecret(null)} />
        </>
      )}
    </Stack>
  );
}

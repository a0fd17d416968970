import { Anchor, Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from '@tanstack/react-router';
import { LoadFailure } from '../../components/load-failure.tsx';
import { formatDay } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { RequestAssessment } from './request-assessment.tsx';
import { RequestConversation } from './request-conversation.tsx';
import { RequestFlags } from './request-flags.tsx';
import { RequestPayouts } from './request-payouts.tsx';
import { RequestReceipts } from './request-receipts.tsx';
import { memberName } from './requests-logic.ts';
import { useCloseOrReopen, useRequestCard } from './requests-queries.ts';
import { StatusBadge } from './status-badge.tsx';

const text = messages.requests;

/** One aid request: what the member asked with their receipts, the conversation, the decision, the payouts. */
export function RequestCardScreen() {
  const { requestId } = useParams({ from: '/app/requests/$requestId' });
  const id = Number(requestId);
  const card = useRequestCard(id);
  const closeOrReopen = useCloseOrReopen(id);

  const back = (
    <Anchor component={Link} to="/requests" size="sm">
      {text.backToList}
    </Anchor>
  );
  if (card.isError)
    return (
      <Stack>
        {back}
        <LoadFailure error={card.error} onRetry={() => void card.refetch()} />
      </Stack>
    );
  if (!card.data)
    return (
      <Stack>
        {back}
        <Skeleton h={40} w={320} />
        <Grid>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Skeleton h={420} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Skeleton h={420} />
          </Grid.Col>
        </Grid>
      </Stack>
    );

  const request = card.data;
  const closed = request.status.alias === 'closed';
  const action = closed ? 'reopen' : 'close';
  return (
    <Stack>
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{text.cardTitle(request.id)}</Title>
            <StatusBadge alias={request.status.alias} />
          </Group>
          <Text size="sm" c="dimmed">
            {text.member}:{' '}
            <Anchor href={`#/members/${request.member.id}`} size="sm">
              {memberName(request.member)}
            </Anchor>
            {request.member.certificate && ` · ${text.certificate} ${request.member.certificate}`}
            {` · ${text.updated} ${formatDay(request.updated_at)}`}
          </Text>
        </Stack>
        <Button
          variant={closed ? 'light' : 'default'}
          loading={closeOrReopen.isPending}
          onClick={() =>
            closeOrReopen.mutate(action, {
              onSuccess: () =>
                notifications.show({ color: 'green', message: closed ? text.reopened : text.closed }),
              onError: (error) => notifications.show({ color: 'red', message: error.message }),
            })
          }
        >
          {closed ? text.reopenRequest : text.closeRequest}
        </Button>
      </Group>
      <RequestFlags flags={request.flags} files={request.files} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Paper withBorder p="md">
              <Stack gap="xs">
                <Title order={4}>{text.requestText}</Title>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {request.request_text}
                </Text>
              </Stack>
            </Paper>
            <RequestReceipts requestId={request.id} files={request.files} />
            <RequestConversation card={request} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <RequestAssessment key={`${request.diagnos ?? ''}|${request.suma}|${action}`} card={request} />
            <RequestPayouts card={request} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

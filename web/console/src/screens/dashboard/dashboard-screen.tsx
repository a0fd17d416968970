import { Anchor, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { LoadFailure } from '../../components/load-failure.tsx';
import { formatDateTime, formatMoney } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { useSession } from '../../session/use-session.ts';
import { ContributionsChart } from './contributions-chart.tsx';
import { dashboardLinks } from './dashboard-links.ts';
import { useDashboard } from './dashboard-queries.ts';

const text = messages.dashboard;

/** One figure with its name, leading to the list it counts when there is one. */
function Figure({
  label,
  value,
  to,
}: {
  label: string;
  value: ReactNode;
  to?: { to: string; search?: object } | undefined;
}) {
  const figure = (
    <Text fw={700} fz="xl">
      {value}
    </Text>
  );
  return (
    <Card withBorder padding="sm">
      <Text c="dimmed" size="sm">
        {label}
      </Text>
      {to ? (
        <Anchor component={Link} to={to.to} search={to.search as never} underline="hover">
          {figure}
        </Anchor>
      ) : (
        figure
      )}
    </Card>
  );
}

/** Members by state, contributions today and this month with the last 30 days, requests, deliveries. */
export function DashboardScreen() {
  const dashboard = useDashboard();
  const session = useSession();
  if (dashboard.isPending)
    return (
      <Stack>
        <Title order={2}>{text.title}</Title>
        <Skeleton h={90} />
        <Skeleton h={240} />
        <Skeleton h={90} />
      </Stack>
    );
  if (dashboard.isError)
    return (
      <Stack>
        <Title order={2}>{text.title}</Title>
        <LoadFailure error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      </Stack>
    );
  const { members, contributions, requests, deliveries, as_of: asOf } = dashboard.data;
  const links = dashboardLinks(session?.user.role === 'admin');
  return (
    <Stack>
      <Group justify="space-between" align="baseline">
        <Title order={2}>{text.title}</Title>
        <Group gap="sm">
          <Text c="dimmed" size="sm">
            {text.asOf} {formatDateTime(asOf)}
          </Text>
          <Button
            size="xs"
            variant="light"
            loading={dashboard.isFetching}
            onClick={() => dashboard.refetch()}
          >
            {text.refresh}
          </Button>
        </Group>
      </Group>

      <Title order={4}>{text.members}</Title>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }}>
        <Figure
          label={text.memberStates.waiting_review}
          value={members.waiting_review}
          to={links.members('waiting_review')}
        />
        <Figure
          label={text.memberStates.signed_up}
          value={members.signed_up}
          to={links.members('signed_up')}
        />
        <Figure label={text.memberStates.active} value={members.active} to={links.members('active')} />
        <Figure label={text.memberStates.lapsed} value={members.lapsed} to={links.members('lapsed')} />
        <Figure
          label={text.memberStates.never_paid}
          value={members.never_paid}
          to={links.members('never_paid')}
        />
        <Figure label={text.memberStates.blocked} value={members.blocked} to={links.members('blocked')} />
        <Figure label={text.memberStates.total} value={members.total} to={links.members(null)} />
      </SimpleGrid>

      <Title order={4}>{text.contributions}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Figure
          label={`${text.today} (${contributions.today.since})`}
          value={`${formatMoney(contributions.today.sum)} · ${contributions.today.count}`}
          to={links.payments(contributions.today.since)}
        />
        <Figure
          label={`${text.thisMonth} (${text.since} ${contributions.month.since})`}
          value={`${formatMoney(contributions.month.sum)} · ${contributions.month.count}`}
          to={links.payments(contributions.month.since)}
        />
      </SimpleGrid>
      <Card withBorder>
        <Text fw={600} mb="sm">
          {text.chartTitle}
        </Text>
        <ContributionsChart days={contributions.days} />
      </Card>

      <Title order={4}>{text.requests}</Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={text.requestStates.opened} value={requests.opened} to={links.requests('opened')} />
        <Figure
          label={text.requestStates.awaiting_agent}
          value={requests.awaiting_agent}
          to={links.requests('awaiting_agent')}
        />
        <Figure
          label={text.requestStates.awaiting_client}
          value={requests.awaiting_client}
          to={links.requests('awaiting_client')}
        />
        <Figure label={text.requestStates.closed} value={requests.closed} to={links.requests('closed')} />
      </SimpleGrid>

      <Title order={4}>{text.deliveries}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure label={text.deliveryStates.retrying} value={deliveries.retrying} to={links.webhooks()} />
        <Figure label={text.deliveryStates.dead} value={deliveries.dead} to={links.deadLetters()} />
        <Figure
          label={text.deliveryStates.disabled}
          value={deliveries.disabled_subscribers}
          to={links.webhooks()}
        />
      </SimpleGrid>
    </Stack>
  );
}

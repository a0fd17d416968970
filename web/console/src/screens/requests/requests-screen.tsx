import {
  Anchor,
  Badge,
  Checkbox,
  Group,
  Pagination,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import '@mantine/dates/styles.css';
import 'dayjs/locale/uk';
import { DateInput, DatesProvider } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { LoadFailure } from '../../components/load-failure.tsx';
import { dayOfTyped, formatDay, formatMoney } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { isRequestStatus, memberName, OPEN_STATUSES, PAGE_SIZE, REQUEST_STATUSES } from './requests-logic.ts';
import { useRequestList } from './requests-queries.ts';
import { StatusBadge } from './status-badge.tsx';

const text = messages.requests;

/** Members' aid requests: status filters, search by member, the days of the last change, paged. */
export function RequestsScreen() {
  const search = useSearch({ from: '/app/requests' });
  const navigate = useNavigate({ from: '/requests' });
  const [query, setQuery] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(query, 300);
  // The words go into the address once typing pauses, so going back to the list keeps them;
  // never once the user has left for a request (the list stays mounted while the card loads).
  const router = useRouter();
  useEffect(() => {
    const words = debounced.trim() || undefined;
    const { pathname, search: current } = router.state.location;
    if (pathname !== '/requests' || (current as { q?: string }).q === words) return;
    void navigate({ search: (previous) => ({ ...previous, q: words }), replace: true });
  }, [debounced, navigate, router]);
  const statuses = search.status ?? [...OPEN_STATUSES];
  const [changedFrom, setChangedFrom] = useState('');
  const [changedTo, setChangedTo] = useState('');
  const [page, setPage] = useState(1);
  const list = useRequestList({ query: debounced, statuses, changedFrom, changedTo, page });

  function chooseStatuses(chosen: string[]) {
    setPage(1);
    void navigate({ search: (previous) => ({ ...previous, status: chosen.filter(isRequestStatus) }) });
  }

  const rows = list.data?.data ?? [];
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));

  return (
    <DatesProvider settings={{ locale: 'uk', firstDayOfWeek: 1 }}>
      <Stack>
        <Title order={2}>{text.title}</Title>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Group align="flex-end" grow>
              <TextInput
                label={text.searchLabel}
                placeholder={text.searchPlaceholder}
                value={query}
                onChange={(event) => {
                  setQuery(event.currentTarget.value);
                  setPage(1);
                }}
              />
              <DateInput
                label={text.changedFrom}
                valueFormat="DD.MM.YYYY"
                dateParser={dayOfTyped}
                placeholder={text.dayPlaceholder}
                clearable
                value={changedFrom || null}
                onChange={(value) => {
                  setChangedFrom(value ?? '');
                  setPage(1);
                }}
                maw={180}
              />
              <DateInput
                label={text.changedTo}
                valueFormat="DD.MM.YYYY"
                dateParser={dayOfTyped}
                placeholder={text.dayPlaceholder}
                clearable
                value={changedTo || null}
                onChange={(value) => {
                  setChangedTo(value ?? '');
                  setPage(1);
                }}
                maw={180}
              />
            </Group>
            <Checkbox.Group label={text.statusesLabel} value={[...statuses]} onChange={chooseStatuses}>
              <Group mt={6}>
                {REQUEST_STATUSES.map((status) => (
                  <Checkbox key={status} value={status} label={text.statuses[status]} />
                ))}
              </Group>
            </Checkbox.Group>
          </Stack>
        </Paper>

        {list.isError ? (
          <LoadFailure error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <Stack gap="xs">
            {Array.from({ length: 6 }, (_, index) => (
              <Skeleton key={index} h={36} />
            ))}
          </Stack>
        ) : rows.length === 0 ? (
          <Paper withBorder p="xl">
            <Text c="dimmed" ta="center">
              {text.empty}
            </Text>
          </Paper>
        ) : (
          <Paper withBorder opacity={list.isPlaceholderData ? 0.6 : 1}>
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{text.columns.number}</Table.Th>
                  <Table.Th>{text.columns.member}</Table.Th>
                  <Table.Th>{text.columns.text}</Table.Th>
                  <Table.Th>{text.columns.status}</Table.Th>
                  <Table.Th ta="right">{text.columns.granted}</Table.Th>
                  <Table.Th>{text.columns.updated}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link {...props} to="/requests/$requestId" params={{ requestId: String(row.id) }} />
                        )}
                        aria-label={text.open(row.id)}
                        fw={600}
                      >
                        {row.id}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {memberName(row.member)}
                      </Text>
                      {row.member.certificate && (
                        <Text size="xs" c="dimmed">
                          {text.certificate} {row.member.certificate}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td maw={360}>
                      <Text size="sm" lineClamp={2}>
                        {row.request_text}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge alias={row.status.alias} />
                    </Table.Td>
                    <Table.Td ta="right">{row.suma ? formatMoney(row.suma) : '—'}</Table.Td>
                    <Table.Td>{formatDay(row.updated_at)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}

        {list.data && list.data.total > 0 && (
          <Group justify="space-between">
            <Badge variant="light" color="gray">
              {text.found(list.data.total, list.data.total_exact)}
            </Badge>
            {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
          </Group>
        )}
      </Stack>
    </DatesProvider>
  );
}

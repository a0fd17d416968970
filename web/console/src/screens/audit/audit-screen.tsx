import {
  Badge,
  Button,
  Code,
  Group,
  Pagination,
  Paper,
  ScrollArea,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { LoadFailure } from '../../components/load-failure.tsx';
import { messages } from '../../i18n/messages.ts';
import { auditRoute } from './audit.routes.tsx';
import { AuditChainCheck } from './audit-chain-check.tsx';
import { AuditEventDrawer } from './audit-event-drawer.tsx';
import {
  AUDIT_PAGE_SIZE,
  type AuditDraft,
  type AuditSearch,
  isFiltered,
  sameFilters,
  searchOfDraft,
} from './audit-filter.ts';
import { AuditFilters } from './audit-filters.tsx';
import { useAuditPage } from './audit-queries.ts';
import { AuditWholeChainCheck } from './audit-whole-chain-check.tsx';

const text = messages.audit;

/** The audit log: filtered and paged by the server, each event's hash checked on demand. */
export function AuditScreen() {
  const search = auditRoute.useSearch();
  const navigate = useNavigate({ from: '/audit' });
  const [draft, setDraft] = useState<AuditDraft>(() => ({ ...search, page: undefined }));
  const [debounced] = useDebouncedValue(draft, 300);
  const [opened, setOpened] = useState<number | null>(null);
  const page = useAuditPage(search);

  // The filters last put in the address: a change from elsewhere (the sidebar, Back) resets the form.
  const applied = useRef<AuditSearch>(search);
  useEffect(() => {
    if (sameFilters(search, applied.current)) return;
    applied.current = search;
    const { page: _page, ...filters } = search;
    setDraft(filters);
  }, [search]);
  useEffect(() => {
    const wanted = searchOfDraft(debounced);
    if (!wanted || sameFilters(wanted, applied.current)) return;
    applied.current = wanted;
    void navigate({ search: wanted, replace: true });
  }, [debounced, navigate]);

  const events = page.data?.data ?? [];
  const current = search.page ?? 1;
  const total = page.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const first = (current - 1) * AUDIT_PAGE_SIZE;

  return (
    <Stack>
      <div>
        <Title order={2}>{text.title}</Title>
        <Text c="dimmed" size="sm">
          {text.subtitle}
        </Text>
      </div>
      <Paper withBorder p="md">
        <AuditWholeChainCheck />
      </Paper>
      <AuditFilters draft={draft} onChange={setDraft} onReset={() => setDraft({})} />
      {page.isError && <LoadFailure error={page.error} onRetry={() => void page.refetch()} />}
      {page.isPending && <Skeleton h={360} />}
      {page.data && (
        <Paper withBorder p="md">
          <Stack>
            <AuditChainCheck
              key={JSON.stringify(search)}
              sequences={events.map(({ sequence }) => sequence)}
            />
            {events.length === 0 ? (
              <Text c="dimmed" ta="center" py="xl">
                {isFiltered(search) ? text.empty : messages.common.nothingFound}
              </Text>
            ) : (
              <ScrollArea>
                <Table
                  striped
                  highlightOnHover
                  verticalSpacing="xs"
                  aria-label={text.title}
                  opacity={page.isPlaceholderData ? 0.6 : 1}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{text.columns.sequence}</Table.Th>
                      <Table.Th>{text.columns.occurred}</Table.Th>
                      <Table.Th>{text.columns.type}</Table.Th>
                      <Table.Th>{text.columns.object}</Table.Th>
                      <Table.Th>{text.columns.member}</Table.Th>
                      <Table.Th>{text.columns.actor}</Table.Th>
                      <Table.Th>{text.columns.fields}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {events.map((event) => (
                      <Table.Tr key={event.sequence}>
                        <Table.Td>{event.sequence}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{event.occurred_kyiv}</Table.Td>
                        <Table.Td>
                          <Code>{event.type}</Code>
                        </Table.Td>
                        <Table.Td>
                          {text.objectKinds[event.object.kind] ?? event.object.kind}
                          {event.object.id ? ` ${event.object.id}` : ''}
                        </Table.Td>
                        <Table.Td>{event.member_id ?? '—'}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {text.actorKinds[event.actor.kind] ?? event.actor.kind}
                          {event.actor.id ? ` ${event.actor.id}` : ''}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {event.fields.map((field) => (
                              <Badge key={field} variant="outline" color="gray" size="sm" tt="none">
                                {field}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            onClick={() => setOpened(event.sequence)}
                            aria-label={`${text.details}: ${text.eventTitle(event.sequence)}`}
                          >
                            {text.details}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
            )}
            {events.length > 0 && (
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {text.total(`${first + 1}–${first + events.length}`, total, page.data.total_exact)}
                </Text>
                {pages > 1 && (
                  <Pagination
                    total={pages}
                    value={current}
                    onChange={(next) =>
                      void navigate({ search: { ...search, page: next > 1 ? next : undefined } })
                    }
                  />
                )}
              </Group>
            )}
          </Stack>
        </Paper>
      )}
      <AuditEventDrawer sequence={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}

import {
  Anchor,
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
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import { type JSX, useEffect, useRef, useState } from 'react';
import { LoadFailure } from '../../components/load-failure.tsx';
import { formatDay } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { MemberBadges } from './member-badges.tsx';
import { membersRoute } from './members.routes.tsx';
import {
  chosenFields,
  fullName,
  membersBody,
  pageCount,
  SEARCH_FIELDS,
  type SearchField,
} from './members-filter.ts';
import { type MemberRow, useMembersList } from './members-queries.ts';

const text = messages.members;

/** Members who need attention (an empty query) or found by words in the chosen fields, a page at a time. */
export function MembersScreen(): JSX.Element {
  const search = membersRoute.useSearch();
  const navigate = useNavigate({ from: membersRoute.fullPath });
  const [typed, setTyped] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(typed, 300);
  const fields = chosenFields(search.fields);
  const page = search.page ?? 1;
  const query = search.q ?? '';

  // The query this page put in the address; any other came from outside (the sidebar, history).
  const pushed = useRef(query);
  useEffect(() => {
    if (query === pushed.current) return;
    pushed.current = query;
    setTyped(query);
  }, [query]);

  // What the user typed goes to the address once they pause, and only then.
  const settled = useRef(debounced);
  useEffect(() => {
    if (debounced === settled.current) return;
    settled.current = debounced;
    pushed.current = debounced.trim();
    void navigate({
      search: (previous) => ({ ...previous, q: debounced.trim() || undefined, page: undefined }),
      replace: true,
    });
  }, [debounced, navigate]);

  const list = useMembersList(membersBody(query, fields, page));
  const total = list.data?.total ?? 0;

  function chooseFields(values: string[]) {
    const chosen = SEARCH_FIELDS.filter((field) => values.includes(field));
    if (chosen.length === 0) return;
    void navigate({
      search: (previous) => ({
        ...previous,
        fields: chosen.length === SEARCH_FIELDS.length ? undefined : chosen.join(','),
        page: undefined,
      }),
    });
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{query ? text.title : text.attentionTitle}</Title>
          <Text c="dimmed" size="sm">
            {query ? text.found(total) : text.attentionHint}
          </Text>
        </div>
      </Group>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <TextInput
            label={text.searchLabel}
            placeholder={text.searchPlaceholder}
            type="search"
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
          />
          <Checkbox.Group label={text.searchIn} value={fields} onChange={chooseFields}>
            <Group gap="md" mt={4}>
              {SEARCH_FIELDS.map((field: SearchField) => (
                <Checkbox key={field} value={field} label={text.fields[field]} />
              ))}
            </Group>
          </Checkbox.Group>
        </Stack>
      </Paper>
      {list.error ? (
        <LoadFailure error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Stack gap="xs">
          {[0, 1, 2, 3, 4].map((row) => (
            <Skeleton key={row} height={36} />
          ))}
        </Stack>
      ) : list.data.data.length === 0 ? (
        <Paper withBorder p="xl">
          <Text c="dimmed" ta="center">
            {query ? messages.common.nothingFound : text.queueEmpty}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="sm" opacity={list.isPlaceholderData ? 0.6 : 1}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{text.columns.member}</Table.Th>
                  <Table.Th>{text.columns.phone}</Table.Th>
                  <Table.Th>{text.columns.certificate}</Table.Th>
                  <Table.Th>{text.columns.paidUntil}</Table.Th>
                  <Table.Th>{text.columns.status}</Table.Th>
                  <Table.Th>{text.columns.updated}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.data.map((member) => (
                  <MemberListRow key={member.id} member={member} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {total > 0 && pageCount(total) > 1 && (
        <Group justify="flex-end">
          <Pagination
            total={pageCount(total)}
            value={page}
            onChange={(next) =>
              void navigate({ search: (previous) => ({ ...previous, page: next > 1 ? next : undefined }) })
            }
          />
        </Group>
      )}
      {!query && list.data && list.data.total > 0 && (
        <Text c="dimmed" size="xs" ta="right">
          {text.inQueue(list.data.total)}
        </Text>
      )}
    </Stack>
  );
}

function MemberListRow({ member }: { member: MemberRow }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor
          fw={500}
          renderRoot={(props) => (
            <Link {...props} to="/members/$memberId" params={{ memberId: String(member.id) }} />
          )}
        >
          {fullName(member) ?? text.noName}
        </Anchor>
      </Table.Td>
      <Table.Td>{member.phone}</Table.Td>
      <Table.Td>{member.certificate ?? '—'}</Table.Td>
      <Table.Td>{formatDay(member.expiration_date)}</Table.Td>
      <Table.Td>
        <MemberBadges member={member} />
      </Table.Td>
      <Table.Td>{formatDay(member.updated_at)}</Table.Td>
    </Table.Tr>
  );
}

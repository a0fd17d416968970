import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { formatDay, formatMoney } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import type { MemberCard } from './members-queries.ts';

const text = messages.members;

/** The member's requests, latest changed first. */
export function MemberRequests({ card }: { card: MemberCard }) {
  if (card.requests.length === 0) return <Text c="dimmed">{text.noRequests}</Text>;
  const rows = [...card.requests].reverse();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{text.requestColumns.number}</Table.Th>
            <Table.Th>{text.requestColumns.text}</Table.Th>
            <Table.Th>{text.requestColumns.status}</Table.Th>
            <Table.Th ta="right">{text.requestColumns.granted}</Table.Th>
            <Table.Th>{text.requestColumns.updated}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((request) => (
            <Table.Tr key={request.id}>
              <Table.Td>
                <Anchor
                  renderRoot={(props) => (
                    <Link {...props} to="/requests/$requestId" params={{ requestId: String(request.id) }} />
                  )}
                >
                  {request.id}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {request.request_text}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" size="sm">
                  {request.status.name}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{formatMoney(request.suma)}</Table.Td>
              <Table.Td>{formatDay(request.updated_at)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

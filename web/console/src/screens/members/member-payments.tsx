import { Table, Text } from '@mantine/core';
import { formatDay, formatMoney } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import type { MemberCard } from './members-queries.ts';

const text = messages.members;

/** The member's contributions, payouts and refunds, latest first (an unpaid checkout last). */
export function MemberPayments({ card }: { card: MemberCard }) {
  if (card.payments.length === 0) return <Text c="dimmed">{text.noPayments}</Text>;
  const rows = [...card.payments].reverse();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{text.paymentColumns.date}</Table.Th>
            <Table.Th>{text.paymentColumns.type}</Table.Th>
            <Table.Th ta="right">{text.paymentColumns.amount}</Table.Th>
            <Table.Th>{text.paymentColumns.request}</Table.Th>
            <Table.Th>{text.paymentColumns.identifier}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((payment) => (
            <Table.Tr key={payment.id}>
              <Table.Td>{payment.payment_date ? formatDay(payment.payment_date) : text.notPaid}</Table.Td>
              <Table.Td>{payment.payment_type.name}</Table.Td>
              <Table.Td ta="right">{formatMoney(payment.amount)}</Table.Td>
              <Table.Td>{payment.request ? `№ ${payment.request.id}` : '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {payment.payment_identifier ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Menu,
  Pagination,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { LoadFailure } from '../../components/load-failure.tsx';
import { formatDay, formatMoney, kyivToday } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { useSession } from '../../session/use-session.ts';
import { ManualEntryModal } from './manual-entry-modal.tsx';
import { PaymentFilterBar } from './payment-filter-bar.tsx';
import { PAGE_SIZE, type PaymentFilters } from './payment-filters.ts';
import { mayRefund, mayReverse, memberName, type PaymentRow } from './payment-row.ts';
import { PaymentStateBadge } from './payment-state-badge.tsx';
import { paymentsRoute } from './payments.routes.tsx';
import { csvFileName, paymentsCsv } from './payments-csv.ts';
import { fetchAllMatching, usePaymentRegister } from './payments-queries.ts';
import { RefundModal } from './refund-modal.tsx';
import { ReversalModal } from './reversal-modal.tsx';

const text = messages.payments;

/** What a row's menu opened: the reversal or the refund of that payment. */
type Correction = { kind: 'reverse' | 'refund'; row: PaymentRow } | null;

/**
 * The payment register: filters that combine with AND (kept in the address), a page at a time,
 * the count of all that match, the export of all of them as CSV; manual entries, reversals and
 * (administrators) LiqPay refunds.
 */
export function PaymentsScreen() {
  const filters = paymentsRoute.useSearch();
  const navigate = useNavigate({ from: paymentsRoute.fullPath });
  const isAdmin = useSession()?.user.role === 'admin';
  const register = usePaymentRegister(filters);
  const [entering, setEntering] = useState(false);
  const [correction, setCorrection] = useState<Correction>(null);
  const [exporting, setExporting] = useState(false);

  const change = useCallback(
    (update: Partial<PaymentFilters>) =>
      void navigate({ search: (previous) => ({ ...previous, ...update, page: undefined }), replace: true }),
    [navigate],
  );

  async function exportCsv() {
    setExporting(true);
    try {
      const { page: _page, ...matching } = filters;
      const rows = await fetchAllMatching(matching);
      download(paymentsCsv(rows), csvFileName(kyivToday()));
      notifications.show({ color: 'teal', message: text.exported(rows.length) });
    } catch (error) {
      notifications.show({
        color: 'red',
        title: text.exportFailed,
        message: error instanceof Error ? error.message : messages.errors.unknown,
      });
    } finally {
      setExporting(false);
    }
  }

  const page = filters.page ?? 1;
  const total = register.data?.total ?? 0;
  const rows = register.data?.data ?? [];
  const sum = register.data?.sum ?? 0;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{text.title}</Title>
          <Text c="dimmed" size="sm">
            {text.subtitle}
          </Text>
        </div>
        <Group gap="sm">
          <Button variant="default" onClick={exportCsv} loading={exporting} disabled={total === 0}>
            {text.export}
          </Button>
          <Button onClick={() => setEntering(true)}>{text.newEntry}</Button>
        </Group>
      </Group>

      <PaymentFilterBar filters={filters} onChange={change} />

      {register.isError ? (
        <LoadFailure error={register.error} onRetry={() => void register.refetch()} />
      ) : register.isPending ? (
        <Stack gap="xs" aria-label={messages.common.loading}>
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} height={36} />
          ))}
        </Stack>
      ) : (
        <>
          <Paper withBorder p="sm" data-testid="payments-totals">
            <Group gap="xl">
              <Text size="sm">
                {text.totals.found}:{' '}
                <Text span fw={700} data-testid="payments-total">
                  {total}
                </Text>
              </Text>
              <Text size="sm">
                {text.totals.sum}:{' '}
                <Text span fw={700} data-testid="payments-sum">
                  {formatMoney(sum)}
                </Text>
              </Text>
              {total > 0 && (
                <Text size="sm" c="dimmed">
                  {text.totals.shown((page - 1) * PAGE_SIZE + 1, (page - 1) * PAGE_SIZE + rows.length, total)}
                </Text>
              )}
            </Group>
          </Paper>
          {rows.length === 0 ? (
            <Paper withBorder p="xl">
              <Stack align="center" gap={4}>
                <Text fw={500}>{text.empty}</Text>
                <Text c="dimmed" size="sm">
                  {text.emptyHint}
                </Text>
              </Stack>
            </Paper>
          ) : (
            <Paper withBorder>
              <Table.ScrollContainer minWidth={900}>
                <Table
                  striped
                  highlightOnHover
                  verticalSpacing="xs"
                  opacity={register.isPlaceholderData ? 0.6 : 1}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{text.columns.id}</Table.Th>
                      <Table.Th>{text.columns.date}</Table.Th>
                      <Table.Th>{text.columns.type}</Table.Th>
                      <Table.Th>{text.columns.member}</Table.Th>
                      <Table.Th ta="right">{text.columns.amount}</Table.Th>
                      <Table.Th>{text.columns.state}</Table.Th>
                      <Table.Th>{text.columns.source}</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>{text.columns.actions}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => (
                      <PaymentLine
                        key={row.id}
                        row={row}
                        isAdmin={isAdmin}
                        onCorrect={(kind) => setCorrection({ kind, row })}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
          {total > PAGE_SIZE && (
            <Group justify="center">
              <Pagination
                total={Math.ceil(total / PAGE_SIZE)}
                value={page}
                onChange={(next) =>
                  void navigate({
                    search: (previous) => ({ ...previous, page: next > 1 ? next : undefined }),
                  })
                }
              />
            </Group>
          )}
        </>
      )}

      <ManualEntryModal opened={entering} onClose={() => setEntering(false)} />
      {correction?.kind === 'reverse' && (
        <ReversalModal row={correction.row} onClose={() => setCorrection(null)} />
      )}
      {correction?.kind === 'refund' && isAdmin && (
        <RefundModal row={correction.row} onClose={() => setCorrection(null)} />
      )}
    </Stack>
  );
}

/** One payment: its day, type, member (to their card), amount, state and what may be done with it. */
function PaymentLine({
  row,
  isAdmin,
  onCorrect,
}: {
  row: PaymentRow;
  isAdmin: boolean;
  onCorrect: (kind: 'reverse' | 'refund') => void;
}) {
  const reversible = mayReverse(row);
  const refundable = isAdmin && mayRefund(row);
  return (
    <Table.Tr>
      <Table.Td>{row.id}</Table.Td>
      <Table.Td>{formatDay(row.payment_date)}</Table.Td>
      <Table.Td>
        <Text size="sm">{row.payment_type.name}</Text>
        {row.request_id !== null && (
          <Text size="xs" c="dimmed">
            {text.requestShort} №{row.request_id}
          </Text>
        )}
        {row.reverses !== null && (
          <Text size="xs" c="dimmed">
            {text.reversesShort} №{row.reverses}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Anchor
          size="sm"
          renderRoot={(props) => (
            <Link to="/members/$memberId" params={{ memberId: String(row.member_id) }} {...props} />
          )}
        >
          {memberName(row.member) || `№${row.member_id}`}
        </Anchor>
        {row.member.certificate && (
          <Text size="xs" c="dimmed">
            {text.certificateShort} {row.member.certificate}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" ff="monospace" c={row.amount < 0 ? 'red' : undefined}>
        {formatMoney(row.amount)}
      </Table.Td>
      <Table.Td>
        <PaymentStateBadge row={row} />
        {row.flag && (
          <Text size="xs" c="dimmed" maw={220}>
            {text.flagReason}: {row.flag}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{text.sources[row.source] ?? row.source}</Text>
        {row.note && (
          <Text size="xs" c="dimmed" maw={220} lineClamp={2}>
            {row.note}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {(reversible || refundable) && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" aria-label={`${text.rowActions} №${row.id}`}>
                ⋯
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {reversible && <Menu.Item onClick={() => onCorrect('reverse')}>{text.reverse}</Menu.Item>}
              {refundable && (
                <Menu.Item color="red" onClick={() => onCorrect('refund')}>
                  {text.refund}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Saves the text as a file through a Blob the page makes; the URL is released right after. */
function download(content: string, name: string) {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Released a moment later: the browser reads the Blob after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

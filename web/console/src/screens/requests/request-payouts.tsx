import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import '@mantine/dates/styles.css';
import 'dayjs/locale/uk';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { dayOfTyped, formatDay, formatMoney, kyivToday, parseHryvnias } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { PayoutFigure } from './payout-figure.tsx';
import { checkPayout, FULL_PAYOUT_TYPE, hryvniasText, leftToPay, paidOut } from './requests-logic.ts';
import { type RequestCard, useRecordPayout } from './requests-queries.ts';

const text = messages.requests;

/** What was granted, paid and is left; the payouts so far; a payout of the rest or of a part. */
export function RequestPayouts({ card }: { card: RequestCard }) {
  const paid = paidOut(card.charges);
  const left = leftToPay(card.suma, paid);
  const granted = card.suma > 0;
  const [amount, setAmount] = useState('');
  const today = kyivToday();
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const record = useRecordPayout(card.id);
  const typed = amount.trim() === '' ? null : parseHryvnias(amount);
  const check = checkPayout(typed, left, granted);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!check.ok) {
      setRefusal(text.payoutRules[check.reason] ?? null);
      return;
    }
    setRefusal(null);
    record.mutate(
      {
        member: card.member.id,
        type: check.type,
        amount: typed ?? '',
        date,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: () => {
          setAmount('');
          setNote('');
          notifications.show({ color: 'green', message: text.payoutRecorded });
        },
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );
  }

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{text.payouts}</Title>
        <SimpleGrid cols={3} spacing="xs">
          <PayoutFigure label={text.grantedTotal} value={granted ? formatMoney(card.suma) : '—'} />
          <PayoutFigure label={text.paidTotal} value={formatMoney(paid, 'kopiyky')} />
          <PayoutFigure label={text.left} value={formatMoney(left, 'kopiyky')} testId="payout-left" strong />
        </SimpleGrid>

        {card.charges.length === 0 ? (
          <Text size="sm" c="dimmed">
            {text.noPayouts}
          </Text>
        ) : (
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{text.payoutColumns.date}</Table.Th>
                <Table.Th>{text.payoutColumns.type}</Table.Th>
                <Table.Th ta="right">{text.payoutColumns.amount}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {card.charges.map((charge) => (
                <Table.Tr key={charge.id}>
                  <Table.Td>{formatDay(charge.payment_date ?? charge.created_at)}</Table.Td>
                  <Table.Td>
                    {charge.payment_type.name}
                    {charge.state !== 'confirmed' && (
                      <Badge ml={6} size="xs" variant="light" color="gray">
                        {text.paymentStates[charge.state] ?? charge.state}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(charge.amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}

        {granted && left > 0 && (
          <form onSubmit={submit}>
            <Stack gap="xs">
              <Group align="flex-end" gap="xs" grow>
                <TextInput
                  label={text.payoutAmount}
                  inputMode="decimal"
                  value={amount}
                  onChange={(event) => {
                    setAmount(event.currentTarget.value);
                    setRefusal(null);
                  }}
                  error={refusal ?? undefined}
                />
                <DateInput
                  label={text.payoutDate}
                  valueFormat="DD.MM.YYYY"
                  dateParser={dayOfTyped}
                  placeholder={text.dayPlaceholder}
                  locale="uk"
                  firstDayOfWeek={1}
                  maxDate={today}
                  required
                  value={date || null}
                  onChange={(value) => setDate(value ?? '')}
                />
              </Group>
              <TextInput
                label={text.payoutNote}
                maxLength={500}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
              />
              <Text size="xs" c="dimmed">
                {card.member.actual_iban ? text.payoutTo(card.member.actual_iban) : text.noIban}
                {check.ok &&
                  ` ${check.type === FULL_PAYOUT_TYPE ? text.payoutKind.full : text.payoutKind.partial}.`}
              </Text>
              <Group justify="flex-end">
                <Button
                  variant="default"
                  onClick={() => {
                    setAmount(hryvniasText(left).replace('.', ','));
                    setRefusal(null);
                  }}
                >
                  {text.wholeRest}
                </Button>
                <Button type="submit" loading={record.isPending} disabled={!date}>
                  {text.recordPayout}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {granted && left === 0 && (
          <Text size="sm" c="green">
            {text.payoutRules.nothing_left}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

import '@mantine/dates/styles.css';
import 'dayjs/locale/uk';
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { dayOfTyped, formatMoney, kyivToday, parseHryvnias } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { CONTRIBUTION, memberName, PAYMENT_TYPE_IDS } from './payment-row.ts';
import { useManualEntry, useMemberLookup, useMemberRequests } from './payments-queries.ts';

const text = messages.payments.entry;
const TYPE_OPTIONS = PAYMENT_TYPE_IDS.map((id) => ({
  value: String(id),
  label: messages.payments.types[id] ?? String(id),
}));

interface Option {
  value: string;
  label: string;
}

/**
 * A payment recorded by hand: a contribution from another source, or a payout (whole or part)
 * for one of the member's requests. The member is found by their words; the API checks the rest
 * (a program to price a contribution, what is left of a grant) and says what is wrong.
 */
export function ManualEntryModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [settled] = useDebouncedValue(query, 300);
  const [member, setMember] = useState<Option | null>(null);
  const [type, setType] = useState(String(CONTRIBUTION));
  const [request, setRequest] = useState<string | null>(null);
  const [date, setDate] = useState(kyivToday());
  const [amount, setAmount] = useState('');
  const [iban, setIban] = useState('');
  const [note, setNote] = useState('');
  const [mistake, setMistake] = useState<string | null>(null);
  const lookup = useMemberLookup(settled);
  const isPayout = type !== String(CONTRIBUTION);
  const requests = useMemberRequests(isPayout && member ? Number(member.value) : null);
  const entry = useManualEntry();

  const found: Option[] = (lookup.data?.data ?? []).map((row) => ({
    value: String(row.id),
    label: [
      memberName(row) || `№${row.id}`,
      row.certificate ? `${messages.payments.certificateShort} ${row.certificate}` : '',
    ]
      .filter(Boolean)
      .join(' · '),
  }));
  const memberOptions =
    member && !found.some((option) => option.value === member.value) ? [member, ...found] : found;
  const requestOptions: Option[] = (requests.data ?? []).map((row) => ({
    value: String(row.id),
    label: text.requestOption(row.id, formatMoney(row.suma), row.status.name),
  }));
  const typedAmount = amount.trim() === '' ? null : parseHryvnias(amount);

  function close() {
    setQuery('');
    setMember(null);
    setType(String(CONTRIBUTION));
    setRequest(null);
    setDate(kyivToday());
    setAmount('');
    setIban('');
    setNote('');
    setMistake(null);
    entry.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!member) return setMistake(text.memberNeeded);
    if (isPayout && !request) return setMistake(text.requestNeeded);
    if (!date) return setMistake(text.dateNeeded);
    if (typedAmount === null || Number(typedAmount) <= 0)
      return setMistake(messages.payments.filters.notAmount);
    setMistake(null);
    entry.mutate(
      {
        member: Number(member.value),
        type: Number(type),
        ...(isPayout && request ? { request: Number(request) } : {}),
        date,
        amount: typedAmount,
        ...(isPayout && iban.trim() ? { iban: iban.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: (answer) => {
          notifications.show({ color: 'teal', title: text.saved, message: answer.message });
          close();
        },
      },
    );
  }

  const problem = mistake ?? entry.error?.message;
  return (
    <Modal opened={opened} onClose={close} title={text.title} size="lg">
      <DatesProvider settings={{ locale: 'uk', firstDayOfWeek: 1 }}>
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm" c="dimmed">
              {text.hint}
            </Text>
            {problem && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            <Select
              label={text.member}
              placeholder={text.memberSearch}
              required
              searchable
              data={memberOptions}
              value={member?.value ?? null}
              searchValue={query}
              onSearchChange={setQuery}
              // The server has already chosen the members that match; the list is not filtered again here.
              filter={({ options }) => options}
              nothingFoundMessage={settled.trim() !== '' && !lookup.isFetching ? text.noMembers : undefined}
              onChange={(value) => {
                setMember(memberOptions.find((option) => option.value === value) ?? null);
                setRequest(null);
              }}
            />
            <Select
              label={text.type}
              data={TYPE_OPTIONS}
              value={type}
              allowDeselect={false}
              onChange={(value) => {
                if (value) setType(value);
                setRequest(null);
              }}
            />
            {isPayout && (
              <Select
                label={text.request}
                required
                data={requestOptions}
                value={request}
                onChange={setRequest}
                disabled={!member}
                nothingFoundMessage={text.noRequests}
                placeholder={
                  member && requests.isSuccess && requestOptions.length === 0 ? text.noRequests : undefined
                }
              />
            )}
            <Group grow align="flex-start">
              <DateInput
                label={text.date}
                required
                valueFormat="DD.MM.YYYY"
                dateParser={dayOfTyped}
                placeholder={messages.payments.filters.dayPlaceholder}
                value={date || null}
                maxDate={kyivToday()}
                onChange={(value) => setDate(value ?? '')}
              />
              <TextInput
                label={text.amount}
                required
                inputMode="decimal"
                value={amount}
                error={
                  amount.trim() !== '' && typedAmount === null
                    ? messages.payments.filters.notAmount
                    : undefined
                }
                onChange={(event) => setAmount(event.currentTarget.value)}
              />
            </Group>
            {isPayout && (
              <TextInput
                label={text.iban}
                description={text.ibanHint}
                maxLength={34}
                value={iban}
                onChange={(event) => setIban(event.currentTarget.value)}
              />
            )}
            <Textarea
              label={text.note}
              maxLength={500}
              autosize
              minRows={2}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {messages.common.cancel}
              </Button>
              <Button type="submit" loading={entry.isPending}>
                {text.submit}
              </Button>
            </Group>
          </Stack>
        </form>
      </DatesProvider>
    </Modal>
  );
}

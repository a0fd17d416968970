import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { formatDay, formatMoney } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { memberName, type PaymentRow } from './payment-row.ts';
import { useReversal } from './payments-queries.ts';

const text = messages.payments;

/** Corrects a mistaken manual entry with a reversing one; the reason is required and kept. */
export function ReversalModal({ row, onClose }: { row: PaymentRow; onClose: () => void }) {
  const [note, setNote] = useState('');
  const reversal = useReversal();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!note.trim()) return;
    reversal.mutate(
      { payment: row.id, note: note.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: text.reversal.saved });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={text.reversal.title(row.id)} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">
            {row.payment_type.name} · {formatMoney(row.amount)} · {formatDay(row.payment_date)} ·{' '}
            {memberName(row.member)}
          </Text>
          <Text size="sm" c="dimmed">
            {text.reversal.hint}
          </Text>
          {reversal.error && (
            <Alert color="red" role="alert">
              {reversal.error.message}
            </Alert>
          )}
          <Textarea
            label={text.reversal.note}
            required
            maxLength={500}
            autosize
            minRows={2}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {messages.common.cancel}
            </Button>
            <Button type="submit" color="orange" loading={reversal.isPending} disabled={!note.trim()}>
              {text.reversal.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

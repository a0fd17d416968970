import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { formatDay, formatMoney } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import { memberName, type PaymentRow } from './payment-row.ts';
import { useRefund } from './payments-queries.ts';

const text = messages.payments;

/**
 * Returns a confirmed LiqPay contribution to the member's card (administrators): LiqPay returns
 * the whole payment and the membership loses the days it added. LiqPay's refusal is shown as it said it.
 */
export function RefundModal({ row, onClose }: { row: PaymentRow; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const refund = useRefund();

  function submit(event: FormEvent) {
    event.preventDefault();
    refund.mutate(
      { payment: row.id, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: text.refundDialog.saved });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={text.refundDialog.title(row.id)} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">
            {formatMoney(row.amount)} · {formatDay(row.payment_date)} · {memberName(row.member)}
            {row.order_id ? ` · ${row.order_id}` : ''}
          </Text>
          <Alert color="yellow">{text.refundDialog.hint}</Alert>
          {refund.error && (
            <Alert color="red" role="alert">
              {refund.error.message}
            </Alert>
          )}
          <Textarea
            label={text.refundDialog.reason}
            maxLength={500}
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {messages.common.cancel}
            </Button>
            <Button type="submit" color="red" loading={refund.isPending}>
              {text.refundDialog.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Badge } from '@mantine/core';
import { type PaymentRow, stateLabel } from './payment-row.ts';

const COLORS: Record<string, string> = {
  pending: 'gray',
  confirmed: 'teal',
  failed: 'red',
  reversed: 'orange',
  flagged: 'yellow',
};

/** Where a payment stands, in words and a colour. */
export function PaymentStateBadge({ row }: { row: Pick<PaymentRow, 'state' | 'source'> }) {
  return (
    <Badge variant="light" color={COLORS[row.state] ?? 'gray'}>
      {stateLabel(row)}
    </Badge>
  );
}

import type { paths } from '../../api/admin-api.d.ts';
import { messages } from '../../i18n/messages.ts';

/** The register's body, as `POST /payments` takes it. */
export type RegisterBody = NonNullable<
  paths['/payments']['post']['requestBody']
>['content']['application/json'];

/** One row of the register, as `POST /payments` answers it. */
export type PaymentRow =
  paths['/payments']['post']['responses'][200]['content']['application/json']['data'][number];

/** Where a payment stands (the API's `state`). */
export const PAYMENT_STATES = ['pending', 'confirmed', 'failed', 'reversed', 'flagged'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/** The API's payment types by id (`type` of the register and of a manual entry). */
export const PAYMENT_TYPE_IDS = [1, 2, 3] as const;
export const CONTRIBUTION = 1;

/** The member's name as staff read it: last, first, middle. */
export function memberName(member: {
  last_name: string | null;
  first_name: string | null;
  middle_name: string | null;
}): string {
  return [member.last_name, member.first_name, member.middle_name].filter(Boolean).join(' ');
}

/** A manual entry not yet corrected, and not itself a correction: it can be reversed. */
export const mayReverse = (row: PaymentRow): boolean =>
  row.source === 'manual' && row.state === 'confirmed' && row.reverses === null;

/** A confirmed LiqPay contribution: an administrator can return it to the member's card. */
export const mayRefund = (row: PaymentRow): boolean =>
  row.source === 'liqpay' && row.state === 'confirmed' && row.payment_type.id === CONTRIBUTION;

/** Where a payment stands, in words: LiqPay money taken back was refunded (manual money is reversed). */
export function stateLabel(row: Pick<PaymentRow, 'state' | 'source'>): string {
  if (row.state === 'reversed' && row.source === 'liqpay') return messages.payments.refunded;
  return messages.payments.states[row.state] ?? row.state;
}

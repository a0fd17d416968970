import { type Static, Type } from 'typebox';
import { Nullable } from '../http/members.ts';
import { PaymentStateName } from '../http/payments.ts';
import { SeedStatusError } from './seed-errors.ts';
import { SeedPaymentRow } from './seed-rows.ts';

/**
 * Admin routes 16 and 17 (SPEC §7): manual payment entries and the register, as the seed's
 * admin-app/main.py answered them (seeds/000). Errors are `{status:'error', message}`.
 */

/**
 * A payment row (`model_to_dict(payment)`: type, member and request nested) with what Kasa's
 * register adds: where the entry stands, where it came from, and its bookkeeping.
 */
export const AdminPaymentRow = Type.Object({
  ...SeedPaymentRow.properties,
  member_id: Type.Integer(),
  request_id: Nullable(Type.Integer()),
  state: PaymentStateName,
  source: Type.String({ description: '`liqpay` or `manual` (entered by staff)' }),
  order_id: Nullable(Type.String({ description: 'the LiqPay order (also `payment_identifier`)' })),
  reverses: Nullable(Type.Integer({ description: 'the payment this entry reverses' })),
  flag: Nullable(Type.String({ description: 'why a LiqPay report was not credited' })),
  note: Nullable(Type.String()),
  recorded_by: Nullable(Type.Integer({ description: 'the staff user who entered it' })),
});

/**
 * seeds/000 admin-app/main.py payment_create: `{status:'success', message:'Інформацію про платіж
 * додано', data: model_to_dict(payment)}`. The seed's fresh model echoed the `date` text it was
 * given; Kasa answers the row as stored (the register's row), `payment_date` RFC 1123.
 */
export const AdminPaymentCreateAnswer = Type.Object({
  status: Type.String(),
  message: Type.String(),
  data: AdminPaymentRow,
});

/**
 * seeds/000 admin-app/main.py payments_get: `{status:'success', data: [model_to_dict(payment)]}`,
 * latest first, paged by the form's `offset`/`limit` (50). The seed joined Requests with an inner
 * join (contributions, which have no request, never showed) and OR-ed its filters; Kasa lists
 * every payment and ANDs the filters (SPEC §3). `total` and `sum` are Kasa's.
 */
export const AdminPaymentsAnswer = Type.Object({
  status: Type.String(),
  data: Type.Array(AdminPaymentRow),
  total: Type.Integer({ minimum: 0, description: 'how many match in all' }),
  sum: Type.Number({ description: 'UAH: the amounts of all that match, reversing entries netted' }),
});

/** seeds/000 admin-app/main.py payment_create and payments_get: `{status:'error', message}`. */
export const AdminPaymentError = SeedStatusError;

export type AdminPaymentRow = Static<typeof AdminPaymentRow>;

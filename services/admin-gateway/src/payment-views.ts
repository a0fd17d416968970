import {
  hryvniasOf,
  MemberSummary,
  Nullable,
  type PaymentRecord,
  PaymentStateName,
  PaymentTypeView,
  paymentTypeOf,
  seedDateOfCalendarDate,
} from '@kasa/contracts';
import { type Static, Type } from 'typebox';

/** A payment as the admin site reads it: the seed's type, hryvnias, dd.mm.yyyy. */
export const SitePayment = Type.Object({
  id: Type.Integer(),
  member_id: Type.Integer(),
  member: Nullable(MemberSummary),
  type: PaymentTypeView,
  state: PaymentStateName,
  source: Type.String({ description: '`liqpay` or `manual` (entered by staff)' }),
  amount: Type.Number({ description: 'hryvnias; negative on a reversing entry' }),
  date: Nullable(Type.String({ description: 'dd.mm.yyyy, Kyiv: the day the money moved' })),
  request_id: Nullable(Type.Integer()),
  order_id: Nullable(Type.String()),
  iban: Nullable(Type.String()),
  reverses: Nullable(Type.Integer({ description: 'the payment this entry reverses' })),
  flag: Nullable(Type.String()),
  note: Nullable(Type.String()),
  recorded_by: Nullable(Type.Integer({ description: 'the staff user who entered it' })),
  created_at: Type.String({ format: 'date-time' }),
});

export function sitePayment(
  payment: Static<typeof PaymentRecord>,
  member: Static<typeof MemberSummary> | null,
): Static<typeof SitePayment> {
  return {
    id: payment.id,
    member_id: payment.member_id,
    member,
    type: (({ id, name }) => ({ id, name }))(paymentTypeOf(payment.kind)),
    state: payment.state,
    source: payment.source,
    amount: hryvniasOf(payment.amount),
    date: payment.paid_on === null ? null : seedDateOfCalendarDate(payment.paid_on),
    request_id: payment.request_id,
    order_id: payment.order_id,
    iban: payment.iban,
    reverses: payment.reverses,
    flag: payment.flag,
    note: payment.note,
    recorded_by: payment.recorded_by,
    created_at: payment.created_at,
  };
}

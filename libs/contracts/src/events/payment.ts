import { Type } from 'typebox';
import { defineEvent } from '../define-event.ts';
import { Currency, Id, Money } from './fields.ts';

export const PaymentKind = Type.Union([
  Type.Literal('contribution'),
  Type.Literal('payout'),
  Type.Literal('partial_payout'),
]);

const PaymentRef = { paymentId: Id, memberId: Id };

export const CheckoutCreated = defineEvent(
  'payment.checkout_created',
  1,
  Type.Object({ ...PaymentRef, orderId: Type.String(), amount: Money, currency: Currency }),
);
export const PaymentConfirmed = defineEvent(
  'payment.confirmed',
  1,
  Type.Object({
    ...PaymentRef,
    kind: PaymentKind,
    amount: Money,
    currency: Currency,
    source: Type.Union([Type.Literal('liqpay'), Type.Literal('manual')]),
  }),
);
export const PaymentFailed = defineEvent(
  'payment.failed',
  1,
  Type.Object({ ...PaymentRef, status: Type.String(), reason: Type.Optional(Type.String()) }),
);
export const PaymentFlagged = defineEvent(
  'payment.flagged',
  1,
  Type.Object({ ...PaymentRef, reason: Type.String() }),
);
export const PaymentRefunded = defineEvent(
  'payment.refunded',
  1,
  Type.Object({ ...PaymentRef, amount: Money, currency: Currency }),
);
export const PayoutRecorded = defineEvent(
  'payout.recorded',
  1,
  Type.Object({ ...PaymentRef, requestId: Id, kind: PaymentKind, amount: Money, currency: Currency }),
);

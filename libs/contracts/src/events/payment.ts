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
/**
 * A payout entered by mistake, cancelled by a reversing entry (`paymentId`, its amount negated):
 * the request's paid total goes down by `amount`.
 */
export const PayoutReversed = defineEvent(
  'payout.reversed',
  1,
  Type.Object({ ...PaymentRef, requestId: Id, reversedPaymentId: Id, amount: Money, currency: Currency }),
);

const SubscriptionRef = { subscriptionId: Id, memberId: Id };

/** LiqPay took the member's automatic monthly dues on: each charge arrives as `payment.confirmed`. */
export const SubscriptionStarted = defineEvent(
  'subscription.started',
  1,
  Type.Object({ ...SubscriptionRef, amount: Money, currency: Currency }),
);
/** No more regular charges: the member cancelled, or LiqPay ended the subscription. */
export const SubscriptionEnded = defineEvent(
  'subscription.ended',
  1,
  Type.Object({
    ...SubscriptionRef,
    reason: Type.Union([Type.Literal('cancelled'), Type.Literal('failed')]),
  }),
);

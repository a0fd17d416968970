import { type Static, Type } from 'typebox';
import { PaymentKind } from '../events/payment.ts';
import { Nullable } from './members.ts';

/**
 * Shapes the payment service answers and the gateways pass on. Money is in kopiyky here; the
 * gateways turn it into the decimal hryvnias the clients read.
 */

export type PaymentKindName = Static<typeof PaymentKind>;

/**
 * The seed's payment types, by the ids its clients send (`type` of `PUT /payment`) and the
 * names the admin site shows. Tied to behaviour (a payout needs a request, a contribution
 * extends the membership), so they are code, not rows staff could edit.
 */
export const PAYMENT_TYPES = [
  { id: 1, name: 'Поповнення', kind: 'contribution' },
  { id: 2, name: 'Відшкодування', kind: 'payout' },
  { id: 3, name: 'Часткове відшкодування', kind: 'partial_payout' },
] as const satisfies readonly { id: number; name: string; kind: PaymentKindName }[];

export type PaymentType = (typeof PAYMENT_TYPES)[number];
export const PAYOUT_KINDS = ['payout', 'partial_payout'] as const satisfies readonly PaymentKindName[];
export type PayoutKind = (typeof PAYOUT_KINDS)[number];

export const isPayout = (kind: PaymentKindName): kind is PayoutKind => kind !== 'contribution';
export const paymentTypeOf = (kind: PaymentKindName): PaymentType =>
  PAYMENT_TYPES.find((type) => type.kind === kind) as PaymentType;
export const paymentTypeById = (id: number): PaymentType | undefined =>
  PAYMENT_TYPES.find((type) => type.id === id);

export const PaymentTypeView = Type.Object({ id: Type.Integer(), name: Type.String() });

/** Where a payment stands; only forward: a payment is never edited back nor deleted. */
export const PAYMENT_STATES = ['pending', 'confirmed', 'failed', 'reversed', 'flagged'] as const;
export const PaymentStateName = Type.Enum(PAYMENT_STATES);

/** One entry of the register, as the payment service keeps it. */
export const PaymentRecord = Type.Object({
  id: Type.Integer(),
  member_id: Type.Integer(),
  kind: PaymentKind,
  source: Type.Union([Type.Literal('liqpay'), Type.Literal('manual')]),
  state: PaymentStateName,
  /** Kopiyky; negative on a reversing entry. */
  amount: Type.Integer(),
  currency: Type.String(),
  /** The Kyiv day the money moved (`YYYY-MM-DD`); null while a checkout is unpaid. */
  paid_on: Nullable(Type.String({ format: 'date' })),
  request_id: Nullable(Type.Integer()),
  order_id: Nullable(Type.String()),
  iban: Nullable(Type.String()),
  /** The entry this one reverses. */
  reverses: Nullable(Type.Integer()),
  subscription_id: Nullable(Type.Integer()),
  /** Why a LiqPay report was not credited. */
  flag: Nullable(Type.String()),
  note: Nullable(Type.String()),
  /** The staff user who entered it. */
  recorded_by: Nullable(Type.Integer()),
  created_at: Type.String({ format: 'date-time' }),
  /** When its state last moved (UTC, ISO 8601). */
  updated_at: Type.String({ format: 'date-time' }),
});

export const PaymentPage = Type.Object({
  data: Type.Array(PaymentRecord),
  total: Type.Integer(),
  /** The sum of every matching payment's amount (reversing entries net it), in kopiyky. */
  sum: Type.Integer(),
});

/** A Kyiv calendar day, `YYYY-MM-DD`. */
export const KyivDay = Type.String({ format: 'date', description: 'a Kyiv calendar day, YYYY-MM-DD' });

/** A pending contribution's LiqPay checkout: the app opens LiqPay with `data` and `signature`. */
export const LiqPayCheckout = Type.Object({
  payment_id: Type.Integer(),
  order_id: Type.String(),
  data: Type.String({ description: 'base64 JSON of the checkout parameters, for LiqPay' }),
  signature: Type.String({ description: 'base64 sha1 of private key + data + private key' }),
});

/** One of the member's confirmed contributions. */
export const Contribution = Type.Object({
  payment_id: Type.Integer(),
  amount: Type.Integer({ description: 'kopiyky' }),
  confirmed_at: Type.String({ format: 'date-time' }),
  /** The Kyiv day the money moved (for an entry staff made, the day they gave). */
  paid_on: KyivDay,
  /** The day the membership ran to once this contribution was applied. */
  paid_until: Nullable(Type.String({ format: 'date' })),
});

/** A pending subscription (automatic monthly dues) and its LiqPay `subscribe` checkout. */
export const SubscriptionCheckout = Type.Object({
  subscription_id: Type.Integer(),
  order_id: Type.String(),
  state: Type.Literal('pending'),
  amount: Type.Integer({ description: 'kopiyky a month' }),
  data: Type.String({ description: 'base64 JSON of the `subscribe` checkout, for LiqPay' }),
  signature: Type.String({ description: 'base64 sha1 of private key + data + private key' }),
});

/** The member's pending or active subscription, or null. */
export const CurrentSubscription = Nullable(
  Type.Object({
    subscription_id: Type.Integer(),
    state: Type.Union([Type.Literal('pending'), Type.Literal('active')]),
    amount: Type.Integer({ description: 'kopiyky a month' }),
    since: Type.String({
      format: 'date-time',
      description: 'active: when the first charge was credited; pending: when it was asked for',
    }),
  }),
);

/** What became of a LiqPay callback: credited or moved, already so, no such order, or flagged for staff. */
export const LIQPAY_CALLBACK_RESULTS = ['applied', 'unchanged', 'unknown_order', 'flagged'] as const;

/** The payment service's answer to a signed LiqPay callback, for the mobile gateway. */
export const LiqPayCallbackOutcome = Type.Object({
  status: Type.Literal('ok'),
  result: Type.Enum(LIQPAY_CALLBACK_RESULTS),
  /** The parameters LiqPay signed (its `data`, decoded): the seed's callback answered them. */
  data: Type.Record(Type.String(), Type.Unknown()),
});

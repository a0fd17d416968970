import { LIQPAY_CALLBACK_REJECTIONS } from '@kasa/contracts';
import { createdAt, updatedAt } from '@kasa/db';
import {
  bigint,
  boolean,
  char,
  date,
  datetime,
  index,
  int,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { PAYMENT_STATES } from '../domain/payment-state.ts';

/** The service's tables. The outbox and inbox come from @kasa/db so every service has the same. */
export { inbox, outbox } from '@kasa/db';

/**
 * Money in and out of the fund, in kopiyky: members' contributions (through LiqPay or entered
 * by staff) and payouts for requests. A row is never deleted; its state only moves forward.
 */
export const payments = mysqlTable(
  'payments',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    memberId: int('member_id', { unsigned: true }).notNull(),
    kind: mysqlEnum('kind', ['contribution', 'payout', 'partial_payout']).notNull(),
    source: mysqlEnum('source', ['liqpay', 'manual']).notNull(),
    state: mysqlEnum('state', PAYMENT_STATES).notNull(),
    /** Kopiyky; negative only on a reversing entry, so that sums are plain sums. */
    amount: int('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull().default('UAH'),
    /** Ours, sent to LiqPay with the checkout; how its callbacks name the payment. */
    orderId: varchar('order_id', { length: 64 }),
    /** LiqPay's id of the charge and the status it last reported. */
    liqpayPaymentId: bigint('liqpay_payment_id', { mode: 'number', unsigned: true }),
    liqpayStatus: varchar('liqpay_status', { length: 32 }),
    /** Why a callback was not credited (an amount that differs from the order, say). */
    flag: varchar('flag', { length: 255 }),
    confirmedAt: datetime('confirmed_at', { mode: 'date', fsp: 3 }),
    /** The Kyiv calendar day the money moved: when LiqPay confirmed it, or the day staff entered. */
    paidOn: date('paid_on', { mode: 'string' }),
    /** The request a payout is for. */
    requestId: int('request_id', { unsigned: true }),
    /** The account a payout went to. */
    iban: varchar('iban', { length: 34 }),
    /** The entry this one reverses (its amount negated); an entry is reversed at most once. */
    reversesPaymentId: int('reverses_payment_id', { unsigned: true }),
    /** The LiqPay subscription a regular charge came from. */
    subscriptionId: int('subscription_id', { unsigned: true }),
    /** The staff user who entered, reversed or refunded it. */
    recordedBy: int('recorded_by', { unsigned: true }),
    /** Staff's words on a manual entry or a reversal. */
    note: varchar('note', { length: 500 }),
    /** The day the member's membership ran to once this contribution was applied (membership.extended). */
    paidUntil: date('paid_until', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('payments_order').on(table.orderId),
    /** A LiqPay charge is credited once, however many callbacks name it. */
    uniqueIndex('payments_liqpay_payment').on(table.liqpayPaymentId),
    uniqueIndex('payments_reverses').on(table.reversesPaymentId),
    index('payments_member').on(table.memberId, table.createdAt),
    index('payments_pending').on(table.state, table.createdAt),
    index('payments_request').on(table.requestId),
    index('payments_paid_on').on(table.paidOn),
    /** The register, latest first. */
    index('payments_created').on(table.createdAt),
  ],
);

/**
 * What staff granted for each request (from `request.assessed`): payouts for a request never
 * add up to more. The row is locked while a payout is recorded, so concurrent payouts take turns.
 */
export const requestGrants = mysqlTable('request_grants', {
  requestId: int('request_id', { unsigned: true }).primaryKey(),
  memberId: int('member_id', { unsigned: true }).notNull(),
  grantedAmount: int('granted_amount', { unsigned: true }),
  /** When the assessment applied was made; an older one arriving late changes nothing. */
  assessedAt: datetime('assessed_at', { mode: 'date', fsp: 3 }).notNull(),
});

/**
 * A member's automatic monthly dues: a LiqPay `subscribe` order. Each regular charge LiqPay
 * reports becomes its own contribution (a `payments` row with this `subscription_id`).
 */
export const subscriptions = mysqlTable(
  'subscriptions',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    memberId: int('member_id', { unsigned: true }).notNull(),
    orderId: varchar('order_id', { length: 64 }).notNull(),
    amount: int('amount', { unsigned: true }).notNull(),
    currency: char('currency', { length: 3 }).notNull().default('UAH'),
    state: mysqlEnum('state', ['pending', 'active', 'cancelled', 'failed']).notNull(),
    liqpayStatus: varchar('liqpay_status', { length: 32 }),
    cancelledAt: datetime('cancelled_at', { mode: 'date', fsp: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('subscriptions_order').on(table.orderId),
    index('subscriptions_member').on(table.memberId, table.state),
  ],
);

/**
 * Every callback signed with the fund's key, as it came: what LiqPay reported. Only LiqPay can
 * add rows here; anything else sent to the callback is counted in `liqpay_callback_rejections`.
 * `data` and `signature` are at most LIQPAY_CALLBACK_LIMITS (base64, a byte a character), which
 * these columns hold (callback-columns.unit.test.ts checks it).
 */
export const liqpayCallbacks = mysqlTable(
  'liqpay_callbacks',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    data: text('data').notNull(),
    signature: varchar('signature', { length: 128 }).notNull(),
    /** Always true since issue 18; false on unsigned callbacks kept before it. */
    signatureValid: boolean('signature_valid').notNull(),
    orderId: varchar('order_id', { length: 64 }),
    status: varchar('status', { length: 32 }),
    receivedAt: createdAt(),
  },
  (table) => [index('liqpay_callbacks_order').on(table.orderId, table.id)],
);

/**
 * Callbacks refused without being kept (not signed with the fund's key, too large, not the
 * form), counted per Kyiv day and reason: however many an attacker sends, a day adds at most
 * one row per reason, and staff still see that they came (a metric can sum `count` by reason).
 * The last one's size and hash let staff match a callback LiqPay says it sent; nothing of the
 * content is kept.
 */
export const liqpayCallbackRejections = mysqlTable(
  'liqpay_callback_rejections',
  {
    day: date('day', { mode: 'string' }).notNull(),
    reason: mysqlEnum('reason', LIQPAY_CALLBACK_REJECTIONS).notNull(),
    count: int('count', { unsigned: true }).notNull(),
    firstAt: datetime('first_at', { mode: 'date', fsp: 3 }).notNull(),
    lastAt: datetime('last_at', { mode: 'date', fsp: 3 }).notNull(),
    /** Characters of the last one's `data`; null when its body was too large to read. */
    lastDataLength: int('last_data_length', { unsigned: true }),
    lastDataSha256: char('last_data_sha256', { length: 64 }),
  },
  (table) => [primaryKey({ columns: [table.day, table.reason] })],
);

/**
 * A member's `Idempotency-Key` for a checkout: the same key returns the same checkout for 24
 * hours, and only for the same request (its hash).
 */
export const checkoutKeys = mysqlTable(
  'checkout_keys',
  {
    memberId: int('member_id', { unsigned: true }).notNull(),
    idempotencyKey: varchar('idempotency_key', { length: 255 }).notNull(),
    requestHash: char('request_hash', { length: 64 }).notNull(),
    paymentId: int('payment_id', { unsigned: true }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.memberId, table.idempotencyKey] }),
    index('checkout_keys_created').on(table.createdAt),
  ],
);

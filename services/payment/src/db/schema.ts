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
    amount: int('amount', { unsigned: true }).notNull(),
    currency: char('currency', { length: 3 }).notNull().default('UAH'),
    /** Ours, sent to LiqPay with the checkout; how its callbacks name the payment. */
    orderId: varchar('order_id', { length: 64 }),
    /** LiqPay's id of the charge and the status it last reported. */
    liqpayPaymentId: bigint('liqpay_payment_id', { mode: 'number', unsigned: true }),
    liqpayStatus: varchar('liqpay_status', { length: 32 }),
    /** Why a callback was not credited (an amount that differs from the order, say). */
    flag: varchar('flag', { length: 255 }),
    confirmedAt: datetime('confirmed_at', { mode: 'date', fsp: 3 }),
    /** The day the member's membership ran to once this contribution was applied (membership.extended). */
    paidUntil: date('paid_until', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('payments_order').on(table.orderId),
    index('payments_member').on(table.memberId, table.createdAt),
    index('payments_pending').on(table.state, table.createdAt),
  ],
);

/** Every callback LiqPay (or anyone) sent, as it came: what was claimed, and whether it was signed. */
export const liqpayCallbacks = mysqlTable(
  'liqpay_callbacks',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    data: text('data').notNull(),
    signature: varchar('signature', { length: 128 }).notNull(),
    signatureValid: boolean('signature_valid').notNull(),
    orderId: varchar('order_id', { length: 64 }),
    status: varchar('status', { length: 32 }),
    receivedAt: createdAt(),
  },
  (table) => [index('liqpay_callbacks_order').on(table.orderId, table.id)],
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

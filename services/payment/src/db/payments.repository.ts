import { type Db, type Executor, placeholders, prepared, updateRowsByKey } from '@kasa/db';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { checkoutKeys, liqpayCallbacks, payments } from './schema.ts';

export type PaymentRow = typeof payments.$inferSelect;
export type PaymentPatch = Partial<
  Pick<
    PaymentRow,
    'state' | 'liqpayPaymentId' | 'liqpayStatus' | 'flag' | 'confirmedAt' | 'paidOn' | 'recordedBy' | 'note'
  >
>;
type NewPayment = Pick<PaymentRow, 'memberId' | 'kind' | 'source' | 'state' | 'amount'> &
  Partial<Omit<PaymentRow, 'id' | 'currency' | 'paidUntil' | 'createdAt' | 'updatedAt'>>;

/** A new payment: the row as written, so that nobody has to read it back. */
export async function insertPayment(tx: Executor, payment: NewPayment, now: Date): Promise<PaymentRow> {
  const written: Omit<PaymentRow, 'id'> = {
    orderId: null,
    liqpayPaymentId: null,
    liqpayStatus: null,
    flag: null,
    confirmedAt: null,
    paidOn: null,
    requestId: null,
    iban: null,
    reversesPaymentId: null,
    subscriptionId: null,
    recordedBy: null,
    note: null,
    ...payment,
    currency: 'UAH',
    paidUntil: null,
    createdAt: now,
    updatedAt: now,
  };
  const [result] = await tx.insert(payments).values(written);
  return { id: result.insertId, ...written };
}

const paymentOfOrder = (db: Db) =>
  db
    .select()
    .from(payments)
    .where(eq(payments.orderId, sql.placeholder('orderId')))
    .limit(1);
const findByOrder = prepared<{ orderId: string }, PaymentRow[]>((db) => paymentOfOrder(db));
const lockByOrder = prepared<{ orderId: string }, PaymentRow[]>((db) => paymentOfOrder(db).for('update'));

/** The payment of a LiqPay order; `forUpdate` locks it, so callbacks for one order take turns. */
export async function findPaymentByOrder(
  tx: Executor,
  orderId: string,
  forUpdate = false,
): Promise<PaymentRow | undefined> {
  const [row] = await (forUpdate ? lockByOrder : findByOrder)(tx, { orderId });
  return row;
}

/** The payments of these LiqPay orders, locked in order of their order ids. */
export function lockPaymentsByOrders(tx: Executor, orderIds: readonly string[]): Promise<PaymentRow[]> {
  return tx
    .select()
    .from(payments)
    .where(inArray(payments.orderId, [...orderIds]))
    .orderBy(asc(payments.orderId))
    .for('update');
}

/** A payment by id; `forUpdate` locks it. */
export async function findPayment(
  tx: Executor,
  id: number,
  forUpdate = false,
): Promise<PaymentRow | undefined> {
  const query = tx.select().from(payments).where(eq(payments.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

const updateById = updateRowsByKey(payments, payments.id);

export async function updatePayment(tx: Executor, id: number, patch: PaymentPatch, now: Date): Promise<void> {
  await updateById(tx, [{ id, values: { ...patch, updatedAt: now } }]);
}

/** Several payments changed at once, each its own way: one statement (one payment each). */
export async function updatePayments(
  tx: Executor,
  changes: readonly { id: number; patch: PaymentPatch }[],
  now: Date,
): Promise<void> {
  await updateById(
    tx,
    changes.map(({ id, patch }) => ({ id, values: { ...patch, updatedAt: now } })),
  );
}

const keyIs = (memberId: number, key: string) =>
  and(eq(checkoutKeys.memberId, memberId), eq(checkoutKeys.idempotencyKey, key));

/** A member's checkout under an idempotency key, if the key was used since `since`. */
export async function findCheckoutKey(tx: Executor, memberId: number, key: string, since: Date) {
  const [row] = await tx
    .select()
    .from(checkoutKeys)
    .where(and(keyIs(memberId, key), gte(checkoutKeys.createdAt, since)))
    .limit(1);
  return row;
}

/** Forgets the key if it was last used before `before`, so that it can name a new checkout. */
export async function forgetCheckoutKey(
  tx: Executor,
  memberId: number,
  key: string,
  before: Date,
): Promise<void> {
  await tx.delete(checkoutKeys).where(and(keyIs(memberId, key), lt(checkoutKeys.createdAt, before)));
}

export async function insertCheckoutKey(tx: Executor, row: typeof checkoutKeys.$inferInsert): Promise<void> {
  await tx.insert(checkoutKeys).values(row);
}

/** Callbacks as they came, signed or not: what LiqPay (or someone posing as it) sent. */
export async function recordCallback(
  tx: Executor,
  rows: typeof liqpayCallbacks.$inferInsert | (typeof liqpayCallbacks.$inferInsert)[],
): Promise<void> {
  await tx.insert(liqpayCallbacks).values(Array.isArray(rows) ? rows : [rows]);
}

/** The member's confirmed contributions, latest first. */
export function confirmedContributions(tx: Executor, memberId: number): Promise<PaymentRow[]> {
  return tx
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.memberId, memberId),
        eq(payments.kind, 'contribution'),
        eq(payments.state, 'confirmed'),
      ),
    )
    .orderBy(desc(payments.paidOn), desc(payments.confirmedAt), desc(payments.id));
}

/**
 * Why a confirmed contribution still waits for a decision: the member had no program to price
 * it. It stays confirmed (the money is the fund's) and flagged until it is applied or refunded.
 */
export const AWAITING_PROGRAM_FLAG = 'awaiting program: the member has none to price this contribution';

/**
 * Remembers the day each contribution carried the membership to; a wait for a program is over.
 * One contribution is a prepared statement; several, one statement for them all.
 */
export async function recordPaidUntil(
  tx: Executor,
  contributions: readonly { paymentId: number; paidUntil: string }[],
): Promise<void> {
  if (contributions.length === 1) {
    await recordOnePaidUntil(tx, contributions[0]!);
    return;
  }
  if (contributions.length === 0) return;
  const cases = sql.join(
    contributions.map(({ paymentId, paidUntil }) => sql`WHEN ${paymentId} THEN ${paidUntil}`),
    sql` `,
  );
  await tx
    .update(payments)
    .set({ paidUntil: sql`CASE ${payments.id} ${cases} END`, flag: awaitingProgramCleared })
    .where(
      inArray(
        payments.id,
        contributions.map(({ paymentId }) => paymentId),
      ),
    );
}

const awaitingProgramCleared = sql`IF(${payments.flag} = ${AWAITING_PROGRAM_FLAG}, NULL, ${payments.flag})`;

const recordOnePaidUntil = prepared<{ paymentId: number; paidUntil: string }, unknown>((db) =>
  db
    .update(payments)
    .set({ ...placeholders(['paidUntil']), flag: awaitingProgramCleared })
    .where(eq(payments.id, sql.placeholder('paymentId'))),
);

/** Flags a confirmed contribution as waiting for the member's program (once; other flags stay). */
export async function flagAwaitingProgram(tx: Executor, paymentId: number): Promise<void> {
  await tx
    .update(payments)
    .set({ flag: AWAITING_PROGRAM_FLAG })
    .where(and(eq(payments.id, paymentId), eq(payments.state, 'confirmed'), isNull(payments.flag)));
}

/** LiqPay checkouts still pending that were made before `before`, oldest first. */
export function pendingCheckouts(tx: Executor, before: Date, limit: number): Promise<PaymentRow[]> {
  return tx
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.state, 'pending'),
        lt(payments.createdAt, before),
        eq(payments.source, 'liqpay'),
        isNotNull(payments.orderId),
      ),
    )
    .orderBy(asc(payments.createdAt))
    .limit(limit);
}

/** The payment LiqPay's charge `liqpayPaymentId` was recorded as, if it was. */
export async function findPaymentByLiqPayId(
  tx: Executor,
  liqpayPaymentId: number,
): Promise<PaymentRow | undefined> {
  const [row] = await tx
    .select()
    .from(payments)
    .where(eq(payments.liqpayPaymentId, liqpayPaymentId))
    .limit(1);
  return row;
}

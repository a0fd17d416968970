import { addCalendarDays, type ServiceName, SUBSCRIPTIONS } from '@kasa/contracts';
import { DEFAULT_RETRY_DELAYS_MS, topologyNames } from '@kasa/messaging';
import amqplib from 'amqplib';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import type { BusTap } from './bus-tap.ts';
import type { PaymentPlan, PlannedPayment } from './seed.ts';

/** What the services' data and the bus say of the payments the benchmark sent. */
export interface Verification {
  /** Payments sent at least once. */
  sent: number;
  /** Sent but not `confirmed`, or confirmed with another LiqPay id. */
  notConfirmed: number;
  /** Not sent, yet no longer pending. */
  movedUnsent: number;
  /** Sent payments without a membership_extensions row, or with other days than the rule's. */
  missingExtensions: number;
  wrongDays: number;
  /** Extension rows for payments never sent. */
  strayExtensions: number;
  /** payment.confirmed / membership.extended events missing, and published more than once. */
  confirmedMissing: number;
  confirmedDoubled: number;
  extendedMissing: number;
  extendedDoubled: number;
  /** The payment service's paid_until (from membership.extended) ≠ the extension's. */
  paidUntilNotRecorded: number;
  /** Members whose paid-until is not what the rule gives for what they were sent. */
  members: number;
  wrongMembers: number;
  example: string | null;
  /** Callbacks kept in liqpay_callbacks, all of them (duplicates too). */
  callbacksKept: number;
  /** Messages in dead-letter queues, in retry wait queues, and still unconsumed, by queue. */
  deadLetters: number;
  retrying: number;
  unconsumed: number;
  queueCounts: string[];
  /**
   * Queues of consumers the benchmark did not start, with what waits in them: every service
   * declares the whole bus's wiring when it connects (contracts' SUBSCRIPTIONS), so events
   * wait there for a consumer that never came in this run. Shown, not counted.
   */
  notCounted: string[];
}

const rowsOf = async (database: Connection, sql: string) => (await database.query<RowDataPacket[]>(sql))[0];

/**
 * Checks every sent payment end to end: confirmed once, one extension row with the rule's
 * days, exactly one payment.confirmed and one membership.extended on the bus, the paid-until
 * day recorded back in the payment service, and each member's paid-until day as the rule
 * gives from where it stood before (from `today`, either of the days the run spanned, for a
 * lapsed membership). Nothing may be waiting for a retry or dead-lettered, nor wait unconsumed
 * in the queue of a consumer the benchmark started (`broker.consumers`); the queues of those
 * it did not start are only listed.
 */
export async function verifyPayments(
  database: Connection,
  schemas: { payment: string; member: string },
  plan: PaymentPlan,
  sent: readonly PlannedPayment[],
  tap: BusTap,
  days: readonly string[],
  broker: { amqpUrl: string; namespace: string; consumers: ReadonlySet<ServiceName> },
): Promise<Verification> {
  const sentIds = new Set(sent.map((payment) => payment.id));
  const payments = new Map(
    (
      await rowsOf(
        database,
        `SELECT id, state, liqpay_payment_id, DATE_FORMAT(paid_until, '%Y-%m-%d') AS paid_until
           FROM \`${schemas.payment}\`.payments WHERE state <> 'pending'`,
      )
    ).map((row) => [Number(row.id), row]),
  );
  const extensions = new Map(
    (
      await rowsOf(
        database,
        `SELECT payment_id, days, DATE_FORMAT(paid_until, '%Y-%m-%d') AS paid_until
           FROM \`${schemas.member}\`.membership_extensions`,
      )
    ).map((row) => [Number(row.payment_id), row]),
  );
  const confirmed = tap.arrivals('payment.confirmed');
  const extended = tap.arrivals('membership.extended');
  const result: Verification = {
    sent: sent.length,
    notConfirmed: 0,
    movedUnsent: [...payments.keys()].filter((id) => !sentIds.has(id)).length,
    missingExtensions: 0,
    wrongDays: 0,
    strayExtensions: [...extensions.keys()].filter((id) => !sentIds.has(id)).length,
    confirmedMissing: 0,
    confirmedDoubled: 0,
    extendedMissing: 0,
    extendedDoubled: 0,
    paidUntilNotRecorded: 0,
    members: 0,
    wrongMembers: 0,
    example: null,
    callbacksKept: 0,
    deadLetters: 0,
    retrying: 0,
    unconsumed: 0,
    queueCounts: [],
    notCounted: [],
  };
  const daysOf = new Map<number, number>();
  for (const payment of sent) {
    const row = payments.get(payment.id);
    if (row?.state !== 'confirmed' || Number(row.liqpay_payment_id) !== 2_000_000_000 + payment.id)
      result.notConfirmed += 1;
    const extension = extensions.get(payment.id);
    if (!extension) result.missingExtensions += 1;
    else if (Number(extension.days) !== payment.days) result.wrongDays += 1;
    if (extension && row?.paid_until !== extension.paid_until) result.paidUntilNotRecorded += 1;
    const confirmations = confirmed.get(payment.id)?.length ?? 0;
    if (confirmations === 0) result.confirmedMissing += 1;
    if (confirmations > 1) result.confirmedDoubled += 1;
    const extensionEvents = extended.get(payment.id)?.length ?? 0;
    if (extensionEvents === 0) result.extendedMissing += 1;
    if (extensionEvents > 1) result.extendedDoubled += 1;
    daysOf.set(payment.memberId, (daysOf.get(payment.memberId) ?? 0) + payment.days);
  }

  // Every member: moved by exactly the days sent for them (members paid for nothing stay put).
  const members = await rowsOf(
    database,
    `SELECT id, DATE_FORMAT(paid_until, '%Y-%m-%d') AS paid_until FROM \`${schemas.member}\`.members`,
  );
  for (const member of members) {
    const id = Number(member.id);
    const before = plan.paidUntil.get(id) ?? null;
    const added = daysOf.get(id) ?? 0;
    if (added > 0) result.members += 1;
    const expected = days.map((today) =>
      added === 0 ? before : addCalendarDays(before !== null && before >= today ? before : today, added),
    );
    if (!expected.includes(member.paid_until)) {
      result.wrongMembers += 1;
      result.example ??= `member ${id}: paid until ${member.paid_until}, expected ${expected[0]} (${before} + ${added} days)`;
    }
  }

  const [kept] = await rowsOf(database, `SELECT COUNT(*) AS n FROM \`${schemas.payment}\`.liqpay_callbacks`);
  result.callbacksKept = Number(kept?.n);

  const names = topologyNames(broker.namespace);
  const connection = await amqplib.connect(broker.amqpUrl);
  try {
    const channel = await connection.createChannel();
    const count = async (queue: string) => (await channel.checkQueue(queue)).messageCount;
    for (const subscription of SUBSCRIPTIONS) {
      const queue = names.queue(subscription);
      const dead = await count(names.deadLetterQueue(queue));
      const waiting = await count(queue);
      if (!broker.consumers.has(subscription.consumer)) {
        if (dead + waiting > 0)
          result.notCounted.push(
            `${queue}: ${waiting} waiting, ${dead} dead (${subscription.consumer} not started)`,
          );
        continue;
      }
      result.deadLetters += dead;
      result.unconsumed += waiting;
      if (dead + waiting > 0) result.queueCounts.push(`${queue}: ${waiting} waiting, ${dead} dead`);
    }
    for (const delayMs of DEFAULT_RETRY_DELAYS_MS) {
      const waiting = await count(names.retryQueue(delayMs));
      result.retrying += waiting;
      if (waiting > 0) result.queueCounts.push(`${names.retryQueue(delayMs)}: ${waiting} waiting to retry`);
    }
  } finally {
    await connection.close();
  }
  return result;
}

/** Lost: a sent payment missing anywhere along the way; doubled: anything applied or published twice. */
export const lostOf = (v: Verification) =>
  Math.max(v.notConfirmed, v.missingExtensions, v.confirmedMissing, v.extendedMissing);
export const doubledOf = (v: Verification) =>
  v.confirmedDoubled + v.extendedDoubled + v.strayExtensions + v.movedUnsent;

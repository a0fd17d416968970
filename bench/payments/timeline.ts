import type { Connection, RowDataPacket } from 'mysql2/promise';
import { percentile } from '../members/load.ts';
import { ms } from '../support/report.ts';
import type { PlannedPayment } from './seed.ts';

/** performance.now() as the wall clock's milliseconds, which the database's timestamps share. */
const wallOf = (at: number) => performance.timeOrigin + at;

/**
 * Where a payment's way from callback to membership.extended goes, from the timestamps the
 * services leave: each outbox row's created_at (written inside its transaction) and
 * published_at (the relay, once the broker confirmed it), and the member service's inbox row
 * (processed_at: its transaction claimed the event). Millisecond precision, the database's clock.
 * The event reaches everyone else a little before published_at: the relay stamps it once the
 * broker has confirmed it.
 */
export async function timelineOf(
  database: Connection,
  schemas: { payment: string; member: string },
  payments: readonly PlannedPayment[],
  sentAt: Float64Array,
): Promise<string[]> {
  if (payments.length === 0) return [];
  const ids = payments.map((payment) => payment.id);
  const [confirmed] = await database.query<RowDataPacket[]>(
    `SELECT CAST(o.aggregate_id AS UNSIGNED) AS payment_id,
            UNIX_TIMESTAMP(o.created_at) * 1000 AS created, UNIX_TIMESTAMP(o.published_at) * 1000 AS published,
            UNIX_TIMESTAMP(i.processed_at) * 1000 AS claimed
       FROM \`${schemas.payment}\`.outbox o
       LEFT JOIN \`${schemas.member}\`.inbox i ON i.event_id = o.event_id
      WHERE o.type = 'payment.confirmed' AND o.aggregate_id IN (?)`,
    [ids.map(String)],
  );
  const [extended] = await database.query<RowDataPacket[]>(
    `SELECT CAST(JSON_VALUE(payload, '$.data.paymentId') AS UNSIGNED) AS payment_id,
            UNIX_TIMESTAMP(created_at) * 1000 AS created, UNIX_TIMESTAMP(published_at) * 1000 AS published
       FROM \`${schemas.member}\`.outbox WHERE type = 'membership.extended' AND created_at >= FROM_UNIXTIME(?)`,
    [Math.floor(wallOf(Math.min(...ids.map((id) => sentAt[id - 1]!))) / 1000) - 1],
  );
  const byPayment = new Map(extended.map((row) => [Number(row.payment_id), row]));
  const stages: [string, number[]][] = [
    'sent → the payment service writes payment.confirmed',
    '→ its relay has the broker confirm it',
    '→ the member service claims it',
    '→ and writes membership.extended',
    '→ its relay has the broker confirm it',
  ].map((stage) => [stage, []]);
  const [sent, relay1, deliver, apply, relay2] = stages.map(([, values]) => values);
  for (const row of confirmed) {
    const id = Number(row.payment_id);
    const member = byPayment.get(id);
    if (!member || row.claimed === null || row.published === null || member.published === null) continue;
    sent!.push(Number(row.created) - wallOf(sentAt[id - 1]!));
    relay1!.push(Number(row.published) - Number(row.created));
    deliver!.push(Number(row.claimed) - Number(row.published));
    apply!.push(Number(member.created) - Number(row.claimed));
    relay2!.push(Number(member.published) - Number(member.created));
  }
  return stages.map(([stage, values]) => {
    const sorted = values.sort((a, b) => a - b);
    return `${stage.padEnd(52)} p50 ${ms(percentile(sorted, 0.5)).padStart(6)}, p90 ${ms(percentile(sorted, 0.9)).padStart(6)}, p99 ${ms(percentile(sorted, 0.99)).padStart(6)}`;
  });
}

import type { Database, Tx } from '@kasa/db';
import { type SQL, sql } from 'drizzle-orm';
import { type PendingDelivery, planInOrder } from '../domain/delivery-order.ts';

/** How many deliveries a worker asks for, of one subscriber. */
export interface ClaimRequest {
  subscriberId: number;
  limit: number;
}

export interface ClaimedDelivery {
  id: number;
  subscriberId: number;
  eventId: string;
  payload: string;
  /** Failed attempts before this one: where the retry schedule stands. */
  failures: number;
  /** Its attempt must have ended this long after the claim began; then another worker may take it. */
  leaseMs: number;
}

export interface Claim {
  /** Deliveries to send one after another, each chain of one object, in order. */
  chains: ClaimedDelivery[][];
  /** Some subscriber had at least as many due as asked for: there may be more. */
  full: boolean;
}

export interface LeaseTerms {
  /** The longest one attempt takes (the timeout). */
  perAttemptMs: number;
  /** Added to every lease: the worker's own delays (a busy event loop, a slow commit). */
  marginMs: number;
  maxChain: number;
}

interface DueRow {
  id: number;
  object_key: string;
  event_id: string;
  payload: string;
  failures: number;
}

interface PendingRow {
  id: number;
  object_key: string;
  /** Raw statements get DATETIME as drizzle's driver leaves it: UTC text (`2026-03-01 10:00:00.123`). */
  occurred_at: string | Date;
  next_attempt_at: string | Date;
  in_flight: number;
}

const list = (values: readonly (number | string)[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/**
 * Claims due deliveries, in one short transaction. Per subscriber, the due rows are locked with
 * SKIP LOCKED (another worker's rows are passed over, never waited for), the ordering rule picks
 * the ones that may go (planInOrder), and those get this worker's token and a lease: their
 * due time moves to when their attempt must have ended, so no other worker sees them due
 * before then, and a crashed worker's deliveries come due again by themselves. A chain's later
 * deliveries get longer leases, as they are sent one after another.
 */
export async function claimDeliveries(
  database: Database,
  token: string,
  requests: readonly ClaimRequest[],
  terms: LeaseTerms,
): Promise<Claim> {
  return database.db.transaction(async (tx) => {
    const chains: ClaimedDelivery[][] = [];
    const deferred: { id: number; until: number }[] = [];
    let full = false;
    for (const { subscriberId, limit } of requests) {
      const due = await dueRows(tx, subscriberId, limit);
      if (due.length >= limit) full = true;
      if (due.length === 0) continue;
      const pending = await pendingOfObjects(tx, subscriberId, [
        ...new Set(due.map((row) => row.object_key)),
      ]);
      const plan = planInOrder(new Set(due.map((row) => row.id)), pending, terms.maxChain);
      const byId = new Map(due.map((row) => [row.id, row]));
      for (const chain of plan.chains) {
        chains.push(
          chain.map((id, position) => {
            const row = byId.get(id)!;
            return {
              id,
              subscriberId,
              eventId: row.event_id,
              payload: row.payload,
              failures: row.failures,
              leaseMs: (position + 1) * terms.perAttemptMs + terms.marginMs,
            };
          }),
        );
      }
      deferred.push(...plan.deferred);
    }
    await lease(tx, token, chains.flat());
    await defer(tx, deferred);
    return { chains, full };
  });
}

async function dueRows(tx: Tx, subscriberId: number, limit: number): Promise<DueRow[]> {
  const [rows] = (await tx.execute(sql`
    SELECT id, object_key, event_id, payload, failures FROM webhook_deliveries
     WHERE subscriber_id = ${subscriberId} AND status = 'pending' AND next_attempt_at <= CURRENT_TIMESTAMP(3)
     ORDER BY next_attempt_at, id LIMIT ${limit}
       FOR UPDATE SKIP LOCKED`)) as unknown as [DueRow[]];
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

async function pendingOfObjects(
  tx: Tx,
  subscriberId: number,
  objectKeys: string[],
): Promise<PendingDelivery[]> {
  const [rows] = (await tx.execute(sql`
    SELECT id, object_key, occurred_at, next_attempt_at,
           claim_token IS NOT NULL AND next_attempt_at > CURRENT_TIMESTAMP(3) AS in_flight
      FROM webhook_deliveries
     WHERE subscriber_id = ${subscriberId} AND object_key IN (${list(objectKeys)}) AND status = 'pending'`)) as unknown as [
    PendingRow[],
  ];
  return rows.map((row) => ({
    id: Number(row.id),
    objectKey: row.object_key,
    occurredAt: utcMs(row.occurred_at),
    inFlight: Number(row.in_flight) === 1,
    nextAttemptAt: utcMs(row.next_attempt_at),
  }));
}

const utcMs = (value: string | Date) =>
  value instanceof Date ? value.getTime() : Date.parse(`${value.replace(' ', 'T')}Z`);

async function lease(tx: Tx, token: string, claimed: readonly ClaimedDelivery[]): Promise<void> {
  if (claimed.length === 0) return;
  const byLease = new Map<number, number[]>();
  for (const { id, leaseMs } of claimed) byLease.set(leaseMs, [...(byLease.get(leaseMs) ?? []), id]);
  const cases = [...byLease].map(([ms, ids]) => sql`WHEN id IN (${list(ids)}) THEN ${ms * 1000}`);
  await tx.execute(sql`
    UPDATE webhook_deliveries
       SET claim_token = ${token},
           next_attempt_at = CURRENT_TIMESTAMP(3) + INTERVAL (CASE ${sql.join(cases, sql` `)} END) MICROSECOND
     WHERE id IN (${list(claimed.map(({ id }) => id))})`);
}

async function defer(tx: Tx, deferred: readonly { id: number; until: number }[]): Promise<void> {
  if (deferred.length === 0) return;
  const cases: SQL[] = deferred.map(({ id, until }) => sql`WHEN ${id} THEN ${new Date(until)}`);
  await tx.execute(sql`
    UPDATE webhook_deliveries SET next_attempt_at = CASE id ${sql.join(cases, sql` `)} END
     WHERE id IN (${list(deferred.map(({ id }) => id))})`);
}

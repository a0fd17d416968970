import type { Database, Tx } from '@kasa/db';
import { sql } from 'drizzle-orm';
import { disableSubscribers } from './webhook-subscribers.repository.ts';

/** One attempt, and what it made of its delivery. */
export interface AttemptOutcome {
  deliveryId: number;
  subscriberId: number;
  attemptedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  excerpt: string | null;
  /** The delivery's status after it (`paused` when its subscriber answered 410 Gone). */
  status: 'delivered' | 'pending' | 'dead' | 'paused';
  /** When pending: how long until its next attempt. */
  retryInMs: number | null;
  /** Failed attempts in a row, this one included. */
  failures: number;
}

export interface Outcomes {
  attempts: readonly AttemptOutcome[];
  /** Claimed but not attempted (a chain cut short): due again now, for whichever worker. */
  released: readonly number[];
}

const list = (values: readonly number[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/**
 * Writes a batch of outcomes in one transaction and a handful of statements, whatever its
 * size: the attempts in one INSERT, every delivery's new state in one UPDATE joined to the
 * outcomes. Only rows this worker still holds (its token) change: if its lease ran out and
 * another worker took the delivery, that worker's outcome is the one that counts (the attempt
 * is logged all the same). A failure whose subscriber was disabled meanwhile stays paused.
 */
export async function recordOutcomes(database: Database, token: string, outcomes: Outcomes): Promise<void> {
  await database.db.transaction(async (tx) => {
    if (outcomes.attempts.length > 0) {
      await insertAttempts(tx, outcomes.attempts);
      await updateDeliveries(tx, token, outcomes.attempts);
    }
    if (outcomes.released.length > 0) {
      await tx.execute(sql`
        UPDATE webhook_deliveries SET claim_token = NULL, next_attempt_at = CURRENT_TIMESTAMP(3)
         WHERE id IN (${list(outcomes.released)}) AND claim_token = ${token}`);
    }
    // Subscribers that answered 410 Gone: disabled, their pending deliveries paused.
    const gone = outcomes.attempts
      .filter(({ status }) => status === 'paused')
      .map(({ subscriberId }) => subscriberId);
    await disableSubscribers(tx, [...new Set(gone)], 'gone', null);
  });
}

async function insertAttempts(tx: Tx, attempts: readonly AttemptOutcome[]): Promise<void> {
  const rows = attempts.map(
    (attempt) =>
      sql`(${attempt.deliveryId}, ${attempt.subscriberId}, ${attempt.attemptedAt}, ${Math.round(attempt.durationMs)}, ${attempt.statusCode}, ${attempt.error}, ${attempt.excerpt})`,
  );
  await tx.execute(sql`
    INSERT INTO webhook_attempts (delivery_id, subscriber_id, attempted_at, duration_ms, status_code, error, response_excerpt)
    VALUES ${sql.join(rows, sql`, `)}`);
}

async function updateDeliveries(tx: Tx, token: string, attempts: readonly AttemptOutcome[]): Promise<void> {
  // A derived table of the outcomes (UNION ALL reads the same on MariaDB and MySQL), joined by id.
  const outcomes = attempts.map((attempt, index) =>
    index === 0
      ? sql`SELECT ${attempt.deliveryId} AS id, ${attempt.status} AS status, ${attempt.retryInMs} AS retry_ms, ${attempt.failures} AS failures, ${attempt.statusCode} AS last_status, ${attempt.error} AS last_error, ${attempt.attemptedAt} AS attempted_at`
      : sql`SELECT ${attempt.deliveryId}, ${attempt.status}, ${attempt.retryInMs}, ${attempt.failures}, ${attempt.statusCode}, ${attempt.error}, ${attempt.attemptedAt}`,
  );
  await tx.execute(sql`
    UPDATE webhook_deliveries d
      JOIN (${sql.join(outcomes, sql` UNION ALL `)}) o ON d.id = o.id
       SET d.status = IF(o.status = 'pending' AND d.status = 'paused', 'paused', o.status),
           d.next_attempt_at = IF(o.retry_ms IS NULL, CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3) + INTERVAL (o.retry_ms * 1000) MICROSECOND),
           d.attempts = d.attempts + 1,
           d.failures = o.failures,
           d.last_status = o.last_status,
           d.last_error = o.last_error,
           d.last_attempt_at = o.attempted_at,
           d.delivered_at = IF(o.status = 'delivered', CURRENT_TIMESTAMP(3), d.delivered_at),
           d.claim_token = NULL
     WHERE d.claim_token = ${token}`);
}

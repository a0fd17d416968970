import { ProbeRecorded, type Subscription } from '@kasa/contracts';
import { sql } from 'drizzle-orm';
import type { Pool } from 'mysql2/promise';
import type { Consumers } from './consumer.ts';
import { newEvent } from './events.ts';

/**
 * The bus checking itself: probe events applied to a ledger with a deliberately
 * non-idempotent effect (a row per application, no key), so any loss or double application
 * shows. Used by the failure tests and the bus benchmark.
 */
/** Who consumes probes: a queue of its own, declared only where probes are used. */
export const PROBE_SUBSCRIPTION: Subscription = { consumer: 'notification', event: 'system.probe_recorded' };

/** The script to spawn for a probe consumer process (see probe-consumer.ts). */
export const PROBE_CONSUMER_SCRIPT = new URL('./probe-consumer.ts', import.meta.url).pathname;

export async function createProbeLedger(pool: Pool): Promise<void> {
  await pool.query(
    'CREATE TABLE IF NOT EXISTS probe_ledger (seq INT NOT NULL, value INT NOT NULL, latency_ms DOUBLE NOT NULL)',
  );
  await pool.query('DELETE FROM probe_ledger');
}

export function handleProbes(consumers: Consumers): void {
  consumers.handle(ProbeRecorded, async (event, { tx }) => {
    const latency = Date.now() - Date.parse(event.data.sentAt);
    await tx.execute(
      sql`INSERT INTO probe_ledger (seq, value, latency_ms) VALUES (${event.data.seq}, ${event.data.value}, ${latency})`,
    );
  });
}

export function newProbe(seq: number, value: number, aggregateId: string | number = seq) {
  return newEvent(
    ProbeRecorded,
    { seq, value, sentAt: new Date().toISOString() },
    { aggregateId, actor: { kind: 'system' } },
  );
}

export async function probeTotals(pool: Pool): Promise<{ applied: number; total: number }> {
  const [rows] = await pool.query(
    'SELECT COUNT(*) AS applied, COALESCE(SUM(value), 0) AS total FROM probe_ledger',
  );
  const [row] = rows as { applied: number; total: number | string }[];
  return { applied: Number(row?.applied ?? 0), total: Number(row?.total ?? 0) };
}

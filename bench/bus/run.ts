/**
 * Bus benchmark: events per second end to end (producer commit → outbox → relay → RabbitMQ →
 * consumer commit), flat out with one event per producer transaction and then with several,
 * then p50/p99 of that delay at a fixed rate. Real MariaDB and RabbitMQ; the consumer is a
 * process of its own. Bounded in time; stops by itself.
 *
 *   ./kasa bench bus   (BENCH_SECONDS, BENCH_RATE, BENCH_EVENTS_PER_COMMIT, BENCH_CONCURRENCY, BENCH_PREFETCH)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { applyMigrations, ensureSchema, MESSAGING_MIGRATIONS, openDatabase } from '@kasa/db';
import { createLogger } from '@kasa/log';
import {
  createProbeLedger,
  Messaging,
  newProbe,
  PROBE_CONSUMER_SCRIPT,
  PROBE_SUBSCRIPTION,
  probeTotals,
  topologyNames,
} from '@kasa/messaging';
import amqplib from 'amqplib';
import type { RowDataPacket } from 'mysql2';
import { benchConfig } from './setup.ts';

const config = benchConfig();
const out = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freshDatabase(name: string) {
  await ensureSchema(config.MYSQL_URL, name);
  const database = openDatabase({ serverUrl: config.MYSQL_URL, database: name, connectionLimit: 40 });
  await database.pool.query('DROP TABLE IF EXISTS outbox, inbox, __drizzle_migrations');
  await applyMigrations(database, MESSAGING_MIGRATIONS);
  return database;
}

/** Empties the benchmark's queue so a run starts from nothing. */
async function purgeQueues() {
  const connection = await amqplib.connect(config.AMQP_URL);
  const channel = await connection.createChannel();
  const names = topologyNames(config.namespace);
  const queue = names.queue(PROBE_SUBSCRIPTION);
  await channel.deleteQueue(queue).catch(() => {});
  await connection.close();
}

async function startConsumer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [PROBE_CONSUMER_SCRIPT], {
    env: {
      ...process.env,
      PROBE_MYSQL_URL: config.MYSQL_URL,
      PROBE_DATABASE: 'bench_bus_consumer',
      PROBE_AMQP_URL: config.AMQP_URL,
      PROBE_NAMESPACE: config.namespace,
      PROBE_PREFETCH: String(config.BENCH_PREFETCH),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await once(child.stdout!, 'data');
  return child;
}

const producerDb = await freshDatabase('bench_bus_producer');
const consumerDb = await freshDatabase('bench_bus_consumer');
await createProbeLedger(consumerDb.pool);
await purgeQueues();
const consumer = await startConsumer();
const producer = new Messaging({
  service: 'notification',
  url: config.AMQP_URL,
  database: producerDb,
  logger: createLogger({ service: 'bench-producer', level: 'warn' }),
  namespace: config.namespace,
  subscriptions: [PROBE_SUBSCRIPTION],
});
await producer.start();

let seq = 0;
const commit = (events = 1) => {
  const batch = Array.from({ length: events }, () => {
    seq += 1;
    return newProbe(seq, seq % 1000, `aggregate-${seq % 64}`);
  });
  return producer.unitOfWork.run(({ emit }) => emit(...batch));
};

async function waitApplied(count: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { applied } = await probeTotals(consumerDb.pool);
    if (applied >= count || Date.now() > deadline) return applied;
    await sleep(20);
  }
}

async function percentiles(fromSeq: number) {
  const [rows] = await consumerDb.pool.query<RowDataPacket[]>(
    'SELECT latency_ms FROM probe_ledger WHERE seq > ? ORDER BY latency_ms',
    [fromSeq],
  );
  const at = (p: number) =>
    Number(rows[Math.min(rows.length - 1, Math.floor((p / 100) * rows.length))]?.latency_ms);
  return { count: rows.length, p50: at(50), p99: at(99), max: Number(rows.at(-1)?.latency_ms) };
}

/** Commits as fast as the producer can for BENCH_SECONDS; measures until the consumer has all. */
async function flatOut(eventsPerCommit: number) {
  const from = seq;
  const { applied: appliedBefore } = await probeTotals(consumerDb.pool);
  const started = Date.now();
  const until = started + config.BENCH_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: config.BENCH_CONCURRENCY }, async () => {
      while (Date.now() < until) await commit(eventsPerCommit);
    }),
  );
  const committed = seq - from;
  const commitSeconds = (Date.now() - started) / 1000;
  const applied = (await waitApplied(seq, 60_000)) - appliedBefore;
  const seconds = (Date.now() - started) / 1000;
  const delay = await percentiles(from);
  const eventsPerSecond = Math.round(applied / seconds);
  out(
    `  flat out, ${eventsPerCommit} event(s) per commit: ${committed} committed (${Math.round(committed / commitSeconds)}/s), ` +
      `${applied} applied in ${seconds.toFixed(1)}s = ${eventsPerSecond} events/s end to end; ` +
      `delay under saturation p50 ${delay.p50.toFixed(0)} ms, p99 ${delay.p99.toFixed(0)} ms`,
  );
  return eventsPerSecond;
}

/** A fixed rate, paced every 10 ms, on a quiet system: the delay a member's action sees. */
async function atFixedRate(seconds: number, report = true) {
  const from = seq;
  const { applied: appliedBefore } = await probeTotals(consumerDb.pool);
  const perTick = config.BENCH_RATE / 100;
  let owed = 0;
  const started = Date.now();
  const inFlight = new Set<Promise<void>>();
  while (Date.now() - started < seconds * 1000) {
    owed += perTick;
    for (; owed >= 1; owed -= 1) {
      const pending = commit().finally(() => inFlight.delete(pending));
      inFlight.add(pending);
    }
    await sleep(10);
  }
  await Promise.all(inFlight);
  const committed = seq - from;
  const achieved = committed / ((Date.now() - started) / 1000);
  const applied = (await waitApplied(seq, 30_000)) - appliedBefore;
  const delay = await percentiles(from);
  if (!report) return delay;
  out(
    `  at ${config.BENCH_RATE}/s (achieved ${Math.round(achieved)}/s): ${applied}/${committed} applied, ` +
      `delay p50 ${delay.p50.toFixed(0)} ms, p99 ${delay.p99.toFixed(0)} ms, max ${delay.max.toFixed(0)} ms`,
  );
  return delay;
}

out(
  `bus benchmark: ${config.BENCH_WARMUP_SECONDS}s warm-up, ${config.BENCH_SECONDS}s at ${config.BENCH_RATE}/s, then ${config.BENCH_SECONDS}s flat out ` +
    `(${config.BENCH_CONCURRENCY} concurrent commits) with 1 and with ${config.BENCH_EVENTS_PER_COMMIT} events per commit`,
);
// Freshly started processes are still compiling their hot paths: warm up, unreported.
await atFixedRate(config.BENCH_WARMUP_SECONDS, false);
const atRate = await atFixedRate(config.BENCH_SECONDS);
await sleep(1000);
const singleEventRate = await flatOut(1);
await sleep(1000);
const batchedRate = await flatOut(config.BENCH_EVENTS_PER_COMMIT);

const [[counts]] = await consumerDb.pool.query<RowDataPacket[]>(
  'SELECT COUNT(*) AS applied, COUNT(DISTINCT seq) AS distinctEvents FROM probe_ledger',
);
const lost = seq - Number(counts!.distinctEvents);
const twice = Number(counts!.applied) - Number(counts!.distinctEvents);
out(`  ${seq} events committed: lost ${lost}, applied twice ${twice}`);
out(
  JSON.stringify({
    rate: config.BENCH_RATE,
    p50Ms: atRate.p50,
    p99Ms: atRate.p99,
    eventsPerSecondSingleEventCommits: singleEventRate,
    eventsPerSecondBatchedCommits: batchedRate,
    lost,
    appliedTwice: twice,
  }),
);

consumer.kill('SIGTERM');
await once(consumer, 'exit');
await producer.stop();
await Promise.all([producerDb.close(), consumerDb.close()]);
await purgeQueues();

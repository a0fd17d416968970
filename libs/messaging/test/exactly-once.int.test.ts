import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { MESSAGING_MIGRATIONS } from '@kasa/db';
import { createProbeLedger, newProbe, PROBE_CONSUMER_SCRIPT, probeTotals } from '@kasa/messaging';
import {
  createTestDatabase,
  eventually,
  type PrivateBroker,
  startPrivateBroker,
  type TestDatabase,
  testMysqlUrl,
} from '@kasa/testing';
import { sql } from 'drizzle-orm';
import type { RowDataPacket } from 'mysql2';
import { createTestBus, type TestBus } from './support/bus.ts';

const EVENTS = 1_000;

let broker: PrivateBroker;
let producer: TestBus;
let ledger: TestDatabase;
const children = new Set<ChildProcess>();

before(async () => {
  broker = await startPrivateBroker();
  producer = await createTestBus(broker.url);
  await producer.database.pool.query('CREATE TABLE source (seq INT PRIMARY KEY, value INT NOT NULL)');
  ledger = await createTestDatabase(MESSAGING_MIGRATIONS);
  await createProbeLedger(ledger.pool);
});

after(async () => {
  for (const child of children) child.kill('SIGKILL');
  await producer?.close();
  await ledger?.drop();
  await broker?.dispose();
});

/** Starts the consuming service as its own process and waits until it says it is up. */
async function startConsumer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [PROBE_CONSUMER_SCRIPT], {
    env: {
      ...process.env,
      PROBE_MYSQL_URL: testMysqlUrl(),
      PROBE_DATABASE: ledger.name,
      PROBE_AMQP_URL: broker.url,
      PROBE_NAMESPACE: producer.namespace,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  assert.match(line.toString(), /ready/);
  return child;
}

test('every event is applied exactly once across a broker restart and a killed consumer', async () => {
  const relay = producer.messaging();
  await relay.start();
  let consumer = await startConsumer();
  const value = (seq: number) => (seq * 7919) % 10_007;

  for (let seq = 1; seq <= EVENTS; seq += 1) {
    await relay.unitOfWork.run(async ({ tx, emit }) => {
      await tx.execute(sql`INSERT INTO source (seq, value) VALUES (${seq}, ${value(seq)})`);
      await emit(newProbe(seq, value(seq), `member-${seq % 13}`));
    });
    // Killed while it is applying events, the broker up; brought back later.
    if (seq === 200) {
      consumer.kill('SIGKILL');
      await once(consumer, 'exit');
    }
    if (seq === 350) consumer = await startConsumer();
    // The broker goes away while both sides are busy, and comes back.
    if (seq === 500) await broker.stop();
    if (seq === 700) await broker.start();
  }

  await eventually(async () => (await probeTotals(ledger.pool)).applied >= EVENTS, {
    timeoutMs: 120_000,
    intervalMs: 250,
    message: `${EVENTS} applied events`,
  });
  await new Promise((resolve) => setTimeout(resolve, 1_000));

  const [source] = await producer.database.pool.query<RowDataPacket[]>(
    'SELECT seq, value FROM source ORDER BY seq',
  );
  const [applied] = await ledger.pool.query<RowDataPacket[]>(
    'SELECT seq, value FROM probe_ledger ORDER BY seq',
  );
  const totals = await probeTotals(ledger.pool);
  assert.equal(source.length, EVENTS);
  assert.deepEqual(
    applied.map((row) => [row.seq, row.value]),
    source.map((row) => [row.seq, row.value]),
    'the ledger holds each committed change once, with its content',
  );
  assert.deepEqual(totals, { applied: EVENTS, total: source.reduce((sum, row) => sum + row.value, 0) });
  consumer.kill('SIGTERM');
  await once(consumer, 'exit');
});

import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { MESSAGING_MIGRATIONS } from '@kasa/db';
import {
  countDeadLetters,
  createProbeLedger,
  newProbe,
  PROBE_CONSUMER_SCRIPT,
  PROBE_SUBSCRIPTION,
  probeTotals,
  topologyNames,
} from '@kasa/messaging';
import {
  createTestDatabase,
  eventually,
  type PrivateDatabase,
  startPrivateDatabase,
  type TestDatabase,
} from '@kasa/testing';
import { createTestBus, type TestBus } from './support/bus.ts';

let server: PrivateDatabase;
let producer: TestBus;
let bystander: TestBus;
let ledger: TestDatabase;
let consumer: ChildProcess | undefined;

before(async () => {
  server = await startPrivateDatabase();
  producer = await createTestBus(undefined, server.url);
  bystander = await createTestBus();
  ledger = await createTestDatabase(MESSAGING_MIGRATIONS, server.url);
  await createProbeLedger(ledger.pool);
});

after(async () => {
  consumer?.kill('SIGKILL');
  await producer?.close().catch(() => {});
  await bystander?.close().catch(() => {});
  await ledger?.drop().catch(() => {});
  await server?.dispose();
});

test('relay and consumer ride out a database restart: every event applied once, none dead-lettered', async () => {
  const relay = producer.messaging();
  // A producer whose own database stays up keeps the consumer busy during the outage.
  const other = bystander.messaging({ namespace: producer.namespace });
  await Promise.all([relay.start(), other.start()]);
  consumer = spawn(process.execPath, [PROBE_CONSUMER_SCRIPT], {
    env: {
      ...process.env,
      PROBE_MYSQL_URL: server.url,
      PROBE_DATABASE: ledger.name,
      PROBE_AMQP_URL: producer.url,
      PROBE_NAMESPACE: producer.namespace,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const output: string[] = [];
  consumer.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  await eventually(async () => output.join('').includes('ready'));
  const commit = (via: typeof relay, seq: number) =>
    via.unitOfWork.run(({ emit }) => emit(newProbe(seq, seq, `member-${seq % 5}`)));

  for (let seq = 1; seq <= 100; seq += 1) await commit(relay, seq);
  await server.stop();
  for (let seq = 101; seq <= 150; seq += 1) await commit(other, seq);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  await server.start();
  for (let seq = 151; seq <= 200; seq += 1) await commit(relay, seq);

  await eventually(async () => (await probeTotals(ledger.pool)).applied >= 200, {
    timeoutMs: 60_000,
    intervalMs: 200,
    message: '200 applied events',
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const [rows] = await ledger.pool.query('SELECT seq FROM probe_ledger ORDER BY seq');
  assert.deepEqual(
    (rows as { seq: number }[]).map((row) => row.seq),
    Array.from({ length: 200 }, (_, i) => i + 1),
  );
  const deadLetterQueue = topologyNames(producer.namespace).deadLetterQueue(
    topologyNames(producer.namespace).queue(PROBE_SUBSCRIPTION),
  );
  assert.equal((await countDeadLetters(producer.url, [deadLetterQueue])).get(deadLetterQueue), 0);
  assert.match(output.join(''), /database unavailable/, 'the consumer met the outage and waited it out');
  consumer.kill('SIGTERM');
  await once(consumer, 'exit');
});

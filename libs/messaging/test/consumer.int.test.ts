import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ProbeRecorded } from '@kasa/contracts';
import {
  countDeadLetters,
  inspectDeadLetters,
  PermanentError,
  replayDeadLetters,
  topologyNames,
} from '@kasa/messaging';
import { eventually } from '@kasa/testing';
import amqplib from 'amqplib';
import { sql } from 'drizzle-orm';
import { createTestBus, peekQueue, probe, probeSubscription, type TestBus } from './support/bus.ts';

let bus: TestBus;
before(async () => {
  bus = await createTestBus();
  await bus.database.pool.query('CREATE TABLE applied (seq INT NOT NULL, value INT NOT NULL)');
});
after(() => bus.close());

const queue = () => topologyNames(bus.namespace).queue(probeSubscription);

/** Publishes raw messages as if another service's relay had, bypassing any outbox. */
async function publishRaw(...bodies: unknown[]) {
  const connection = await amqplib.connect(bus.url);
  const channel = await connection.createConfirmChannel();
  for (const body of bodies) {
    const content = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const messageId = typeof body === 'object' && body !== null && 'id' in body ? String(body.id) : undefined;
    channel.publish(topologyNames(bus.namespace).exchange, ProbeRecorded.type, content, {
      persistent: true,
      ...(messageId ? { messageId } : {}),
    });
  }
  await channel.waitForConfirms();
  await connection.close();
}

async function purge(queueName: string) {
  const connection = await amqplib.connect(bus.url);
  await (await connection.createChannel()).purgeQueue(queueName);
  await connection.close();
}

async function appliedSeqs(): Promise<number[]> {
  const [rows] = await bus.database.pool.query<import('mysql2').RowDataPacket[]>(
    'SELECT seq FROM applied ORDER BY seq',
  );
  return rows.map((row) => row.seq);
}

test('applies an event delivered twice only once', async () => {
  await bus.database.pool.query('DELETE FROM applied');
  const consumer = bus.messaging();
  consumer.consumers.handle(ProbeRecorded, async (event, { tx }) => {
    await tx.execute(sql`INSERT INTO applied (seq, value) VALUES (${event.data.seq}, ${event.data.value})`);
  });
  await consumer.start();
  const event = probe(1);
  await publishRaw(event, event, probe(2), event);
  await eventually(async () => (await appliedSeqs()).length >= 2);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(await appliedSeqs(), [1, 2]);
  await consumer.stop();
});

test('retries a failing handler with backoff until it succeeds, keeping its effect single', async () => {
  await bus.database.pool.query('DELETE FROM applied');
  const attempts: number[] = [];
  const consumer = bus.messaging();
  consumer.consumers.handle(ProbeRecorded, async (event, { tx, attempt }) => {
    attempts.push(attempt);
    await tx.execute(sql`INSERT INTO applied (seq, value) VALUES (${event.data.seq}, ${event.data.value})`);
    if (attempt < 3) throw new Error('the provider timed out');
  });
  await consumer.start();
  await publishRaw(probe(7));
  await eventually(async () => (await appliedSeqs()).length === 1);
  assert.deepEqual(attempts, [1, 2, 3]);
  assert.deepEqual(await appliedSeqs(), [7]);
  await consumer.stop();
});

test('dead-letters a message that always fails, with its error, and keeps serving the ones behind it', async () => {
  await bus.database.pool.query('DELETE FROM applied');
  const consumer = bus.messaging({ prefetch: 1 });
  consumer.consumers.handle(ProbeRecorded, async (event, { tx }) => {
    if (event.data.seq === 13) throw new Error('unlucky number');
    await tx.execute(sql`INSERT INTO applied (seq, value) VALUES (${event.data.seq}, ${event.data.value})`);
  });
  await consumer.start();
  await publishRaw(probe(13), ...Array.from({ length: 20 }, (_, i) => probe(100 + i)));

  await eventually(async () => (await appliedSeqs()).length === 20, { message: 'the 20 healthy events' });
  const deadLetterQueue = topologyNames(bus.namespace).deadLetterQueue(queue());
  const [dead] = await eventually(async () => {
    const messages = await peekQueue(bus.url, deadLetterQueue);
    return messages.length > 0 ? messages : null;
  });
  const headers = dead!.properties.headers!;
  assert.equal(JSON.parse(dead!.content.toString()).data.seq, 13);
  assert.equal(headers['x-kasa-error'], 'unlucky number');
  assert.equal(headers['x-kasa-attempts'], 3);
  assert.equal(headers['x-kasa-queue'], queue());
  await consumer.stop();
});

test('dead-letters a message that breaks the contract at once, without calling the handler', async () => {
  let called = false;
  const consumer = bus.messaging();
  consumer.consumers.handle(ProbeRecorded, async () => {
    called = true;
  });
  await consumer.start();
  await publishRaw('not json', { ...probe(1), data: { seq: 'one' } });
  const deadLetterQueue = topologyNames(bus.namespace).deadLetterQueue(queue());
  const dead = await eventually(async () => {
    const messages = await peekQueue(bus.url, deadLetterQueue);
    return messages.length >= 3 ? messages : null;
  });
  const reasons = dead.slice(-2).map((message) => String(message.properties.headers?.['x-kasa-error']));
  assert.match(reasons[0]!, /not JSON/);
  assert.match(reasons[1]!, /\/data\/seq/);
  assert.equal(called, false);
  await consumer.stop();
});

test('treats a PermanentError as final: no retry', async () => {
  const attempts: number[] = [];
  const consumer = bus.messaging();
  consumer.consumers.handle(ProbeRecorded, async (_event, { attempt }) => {
    attempts.push(attempt);
    throw new PermanentError('member does not exist');
  });
  await consumer.start();
  await publishRaw(probe(5));
  await eventually(async () => attempts.length === 1);
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.deepEqual(attempts, [1]);
  await consumer.stop();
});

test('an operator sees a dead letter without its payload and replays it once the cause is fixed', async () => {
  await bus.database.pool.query('DELETE FROM applied');
  let broken = true;
  const consumer = bus.messaging();
  consumer.consumers.handle(ProbeRecorded, async (event, { tx }) => {
    if (broken) throw new Error('the provider rejected the request');
    await tx.execute(sql`INSERT INTO applied (seq, value) VALUES (${event.data.seq}, ${event.data.value})`);
  });
  await consumer.start();
  const deadLetterQueue = topologyNames(bus.namespace).deadLetterQueue(queue());
  await purge(deadLetterQueue);
  const event = probe(42);
  await publishRaw(event);
  await eventually(
    async () => (await countDeadLetters(bus.url, [deadLetterQueue])).get(deadLetterQueue) === 1,
  );

  const letters = await inspectDeadLetters(bus.url, deadLetterQueue);
  const letter = letters.find((candidate) => candidate.eventId === event.id);
  assert.ok(letter, 'the dead letter is listed by event id');
  assert.equal(letter.error, 'the provider rejected the request');
  assert.equal(letter.attempts, 3);
  assert.equal(JSON.stringify(letter).includes('"value"'), false, 'no payload is shown');

  broken = false;
  assert.equal(await replayDeadLetters(bus.url, deadLetterQueue, queue()), 1);
  await eventually(async () => (await appliedSeqs()).includes(42));
  assert.equal((await countDeadLetters(bus.url, [deadLetterQueue])).get(deadLetterQueue), 0);
  await consumer.stop();
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type EventOf, ProbeRecorded } from '@kasa/contracts';
import { enqueue } from '@kasa/messaging';
import { eventually } from '@kasa/testing';
import { createTestBus, probe, type TestBus } from './support/bus.ts';

let bus: TestBus;
before(async () => {
  bus = await createTestBus();
});
after(() => bus.close());

type Probe = EventOf<typeof ProbeRecorded>;

test('publishes committed events right away, and nothing of a rolled-back transaction', async () => {
  const producer = bus.messaging();
  const consumer = bus.messaging();
  const received: Probe[] = [];
  consumer.consumers.handle(ProbeRecorded, async (event) => void received.push(event));
  await Promise.all([producer.start(), consumer.start()]);

  const started = Date.now();
  await producer.unitOfWork.run(({ emit }) => emit(probe(1), probe(2)));
  await assert.rejects(
    producer.unitOfWork.run(async ({ emit }) => {
      await emit(probe(3));
      throw new Error('the state change failed');
    }),
  );
  await producer.unitOfWork.run(({ emit }) => emit(probe(4)));

  await eventually(async () => received.length >= 3, { message: 'three events' });
  // Workers of one queue run side by side: arrival order is not promised, content is.
  assert.deepEqual(
    received.map((event) => event.data.seq).sort((a, b) => a - b),
    [1, 2, 4],
  );
  assert.ok(Date.now() - started < 1_000, 'events arrive without waiting for a poll');
  await producer.stop();
  await consumer.stop();
});

/** Two relays compete for 1,000 committed rows; every aggregate's events must leave in order. */
async function twoRelaysCompete(relay: { batchSize?: number }): Promise<void> {
  const first = bus.messaging({ relay: { idlePollMs: 200, ...relay } });
  const second = bus.messaging({ relay: { idlePollMs: 200, ...relay } });
  const consumer = bus.messaging({ prefetch: 1 });
  const received: Probe[] = [];
  consumer.consumers.handle(ProbeRecorded, async (event) => void received.push(event));
  await consumer.start();

  // Commit first, relay afterwards: both relays then compete for the same rows.
  const tag = relay.batchSize ?? 'default';
  for (let batch = 0; batch < 20; batch += 1) {
    await bus.database.db.transaction(async (tx) => {
      await enqueue(
        tx,
        Array.from({ length: 50 }, (_, i) => probe(batch * 50 + i, `aggregate-${tag}-${i % 7}`)),
      );
    });
  }
  await Promise.all([first.start(), second.start()]);
  await eventually(async () => received.length >= 1000, { message: '1000 events', timeoutMs: 60_000 });

  assert.equal(new Set(received.map((event) => event.id)).size, 1000);
  const byAggregate = Map.groupBy(received, (event) => event.aggregateId);
  for (const [aggregate, events] of byAggregate) {
    const seqs = events.map((event) => event.data.seq);
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => a - b),
      `${aggregate} arrived in order`,
    );
  }
  await Promise.all([first.stop(), second.stop(), consumer.stop()]);
}

test('two relays on one outbox publish every event once, each aggregate in commit order', () =>
  twoRelaysCompete({}));

test('with small batches, where a relay cannot see far enough ahead, each aggregate still leaves in order', () =>
  // Batches of 8 look 16 rows ahead: the other relay's rows often reach past the look.
  twoRelaysCompete({ batchSize: 8 }));

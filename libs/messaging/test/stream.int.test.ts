import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MemberBlocked, MemberUnblocked, ProbeRecorded, type StreamSubscription } from '@kasa/contracts';
import {
  type AnyEvent,
  assertTopology,
  eventMessage,
  inspectDeadLetters,
  newEvent,
  topologyNames,
} from '@kasa/messaging';
import { eventually } from '@kasa/testing';
import amqplib from 'amqplib';
import { createTestBus, probe, type TestBus } from './support/bus.ts';

const STREAM: StreamSubscription = {
  consumer: 'notification',
  stream: 'test-stream',
  events: ['member.blocked', 'member.unblocked'],
};

let bus: TestBus;
before(async () => {
  bus = await createTestBus();
});
after(() => bus.close());

test('a stream queue gets every type it is bound to, in the order they were published, and no other', async () => {
  const messaging = bus.messaging({ subscriptions: [STREAM] });
  const received: AnyEvent[] = [];
  messaging.consumers.handleStream(STREAM.stream, async (event) => {
    received.push(event);
  });
  await messaging.start();
  const names = topologyNames(bus.namespace);
  const actor = { kind: 'staff' as const, id: '1' };
  const events = [
    newEvent(MemberBlocked, { memberId: 1 }, { aggregateId: 1, actor }),
    probe(1), // not bound to the stream
    newEvent(MemberUnblocked, { memberId: 1 }, { aggregateId: 1, actor }),
    newEvent(MemberBlocked, { memberId: 1 }, { aggregateId: 1, actor }),
  ];
  await messaging.publisher.publish(events.map((event) => eventMessage(names.exchange, event)));

  await eventually(async () => received.length === 3);
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual(
    received.map((event) => event.type),
    ['member.blocked', 'member.unblocked', 'member.blocked'],
  );
  assert.ok(!received.some((event) => event.type === ProbeRecorded.type));
  await messaging.stop();
});

test('two instances on one stream: one applies it, every event in publishing order, however slow its handler', async () => {
  const received: { instance: number; memberId: number }[] = [];
  const instances = [1, 2].map((instance) => {
    const messaging = bus.messaging({ subscriptions: [STREAM] });
    messaging.consumers.handleStream(STREAM.stream, async (event) => {
      // Uneven handlers would let a later batch overtake an earlier one if they ran side by side.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      received.push({ instance, memberId: (event.data as { memberId: number }).memberId });
    });
    return messaging;
  });
  await Promise.all(instances.map((messaging) => messaging.start()));
  const names = topologyNames(bus.namespace);
  const actor = { kind: 'staff' as const, id: '1' };
  const memberIds = Array.from({ length: 300 }, (_, index) => index + 1);
  const events = memberIds.map((memberId) =>
    newEvent(memberId % 2 ? MemberBlocked : MemberUnblocked, { memberId }, { aggregateId: memberId, actor }),
  );
  for (let start = 0; start < events.length; start += 30) {
    const slice = events.slice(start, start + 30);
    await instances[0]!.publisher.publish(slice.map((event) => eventMessage(names.exchange, event)));
  }

  await eventually(async () => received.length === memberIds.length);
  assert.deepEqual(
    received.map(({ memberId }) => memberId),
    memberIds,
  );
  assert.equal(new Set(received.map(({ instance }) => instance)).size, 1);
  await Promise.all(instances.map((messaging) => messaging.stop()));
});

test('a batch handler gets the events that arrived together at once, in order; a failing batch is applied one by one', async () => {
  const BATCHED: StreamSubscription = { ...STREAM, stream: 'batched-stream' };
  const names = topologyNames(bus.namespace);
  const actor = { kind: 'staff' as const, id: '1' };
  const memberIds = Array.from({ length: 40 }, (_, index) => index + 1);
  // Published before any consumer starts: they wait in the queue and arrive together.
  const publisher = bus.messaging({ subscriptions: [BATCHED] });
  await publisher.start();
  await publisher.publisher.publish(
    memberIds.map((memberId) =>
      eventMessage(names.exchange, newEvent(MemberBlocked, { memberId }, { aggregateId: memberId, actor })),
    ),
  );
  const consumer = bus.messaging({ subscriptions: [BATCHED], batchSize: 10 });
  const applied: number[][] = [];
  consumer.consumers.handleStreamInBatches(BATCHED.stream, async (events) => {
    const ids = events.map((event) => (event.data as { memberId: number }).memberId);
    if (ids.includes(13)) throw new Error('member 13 cannot be recorded');
    applied.push(ids);
  });
  await consumer.start();

  await eventually(async () => applied.flat().length === memberIds.length - 1);
  assert.ok(
    applied.some((ids) => ids.length > 1),
    'events that arrived together came together',
  );
  assert.deepEqual(
    applied.flat(),
    memberIds.filter((id) => id !== 13),
    'in order, each once, all but the one that fails',
  );
  const dead = await eventually(async () => {
    const letters = await inspectDeadLetters(bus.url, names.deadLetterQueue(names.queue(BATCHED)));
    return letters.length > 0 ? letters : null;
  });
  assert.match(dead[0]!.error ?? '', /member 13 cannot be recorded/);
  await Promise.all([publisher.stop(), consumer.stop()]);
});

test('a message on a stream that breaks its own type’s contract is dead-lettered at once', async () => {
  const messaging = bus.messaging({ subscriptions: [STREAM] });
  messaging.consumers.handleStream(STREAM.stream, async () => {});
  await messaging.start();
  const names = topologyNames(bus.namespace);
  const broken = {
    ...newEvent(MemberBlocked, { memberId: 1 }, { aggregateId: 1, actor: { kind: 'system' } }),
  };
  (broken.data as { memberId: unknown }).memberId = 'one';
  await messaging.publisher.publish([eventMessage(names.exchange, broken as never)]);

  const dead = await eventually(async () => {
    const letters = await inspectDeadLetters(bus.url, names.deadLetterQueue(names.queue(STREAM)));
    return letters.length > 0 ? letters : null;
  });
  assert.match(dead[0]!.error ?? '', /member\.blocked contract/);
  await messaging.stop();
});

test('a stream queue an earlier version declared otherwise is refused with what to do about it', async () => {
  const names = topologyNames(bus.namespace);
  const earlier: StreamSubscription = { ...STREAM, stream: 'earlier-stream' };
  const queue = names.queue(earlier);
  const connection = await amqplib.connect(bus.url);
  connection.on('error', () => {}); // the broker closes the connection on the refusal
  try {
    const channel = await connection.createChannel();
    // As the version before single active consumers declared it.
    await channel.assertQueue(queue, {
      durable: true,
      arguments: {
        'x-queue-type': 'quorum',
        'x-delivery-limit': 5,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': names.deadLetterQueue(queue),
      },
    });
    await channel.close();
    await assert.rejects(
      assertTopology(connection, { names, subscriptions: [earlier], retryDelaysMs: [50], deliveryLimit: 5 }),
      new RegExp(
        `Queue ${queue} exists with arguments other than this version declares .*x-single-active-consumer.*delete_queue ${queue}\\)`,
      ),
    );
  } finally {
    await connection.close().catch(() => {});
    const cleanup = await amqplib.connect(bus.url);
    const channel = await cleanup.createChannel();
    await channel.deleteQueue(queue);
    await cleanup.close();
  }
});

test('a stream the service does not subscribe to is refused when its handler is registered', () => {
  const messaging = bus.messaging({ subscriptions: [STREAM] });
  assert.throws(
    () => messaging.consumers.handleStream('no-such-stream', async () => {}),
    /notification has no subscription to the no-such-stream stream/,
  );
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MemberBlocked, MemberUnblocked, ProbeRecorded, type StreamSubscription } from '@kasa/contracts';
import { type AnyEvent, eventMessage, inspectDeadLetters, newEvent, topologyNames } from '@kasa/messaging';
import { eventually } from '@kasa/testing';
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

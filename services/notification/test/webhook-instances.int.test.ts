import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { AnyEvent } from '@kasa/messaging';
import { eventually, startWebhookReceiver, type WebhookReceiver } from '@kasa/testing';
import { paymentStory, startWebhookStack, type WebhookStack } from './support/webhook-stack.ts';

const OBJECTS = 60;
const EVENTS_PER_OBJECT = 4;

let stack: WebhookStack;
let receiver: WebhookReceiver;

before(async () => {
  // Two instances on one schema and one queue, as two processes of the service share them.
  stack = await startWebhookStack({
    instances: 2,
    // Twice the default grace: CI runs three test files at once on two cores, and a batch
    // recorded late must still be recorded within it for the order to hold.
    env: { WEBHOOK_ORDER_GRACE_MS: '2000', WEBHOOK_MAX_IN_FLIGHT: '8' },
  });
  receiver = await startWebhookReceiver();
});
after(async () => {
  await receiver?.close();
  await stack?.close();
});

test('two instances at once send every event once, each object’s in order, retries included', async () => {
  const { secret } = await stack.subscribe(receiver.url, ['*']);
  // The first attempt at every fifth event fails: its retry may be taken by either instance.
  const failOnce = new Set<string>();
  receiver.answer(({ id, seen }) => (failOnce.has(id) && seen === 0 ? { status: 503 } : { status: 200 }));
  const stories: AnyEvent[][] = [];
  for (let object = 0; object < OBJECTS; object += 1)
    stories.push(await paymentStory(1_000_000 + object, EVENTS_PER_OBJECT));
  const events = stories.flat();
  for (const [index, { id }] of events.entries()) if (index % 5 === 0) failOnce.add(id);
  // Interleaved, as events of many objects come on the bus.
  const interleaved = Array.from({ length: EVENTS_PER_OBJECT }, (_, at) =>
    stories.map((story) => story[at]!),
  ).flat();
  await stack.publish(...interleaved);

  await eventually(async () => (receiver.accepted().length >= events.length ? true : null), {
    timeoutMs: 60_000,
    message: `all ${events.length} events accepted`,
  });
  await new Promise((resolve) => setTimeout(resolve, 500)); // a duplicate would arrive by now
  const accepted = receiver.accepted();
  const ids = accepted.map(({ id }) => id);
  assert.equal(ids.length, events.length, 'nothing accepted twice');
  assert.equal(new Set(ids).size, events.length);
  assert.equal(
    receiver.requests.length,
    events.length + failOnce.size,
    'each failed once, no other attempt doubled',
  );
  for (const story of stories) {
    const arrived = accepted
      .filter(({ aggregateId }) => aggregateId === story[0]!.aggregateId)
      .map(({ id }) => id);
    assert.deepEqual(
      arrived,
      story.map(({ id }) => id),
      `payment ${story[0]!.aggregateId} in order`,
    );
  }
  for (const { body, headers } of receiver.requests) {
    assert.equal(
      headers['x-data-hash'],
      createHash('sha512')
        .update(body + secret)
        .digest('hex'),
    );
  }
  const [counts] = await stack.query<{ delivered: number; attempts: number }>(
    "SELECT SUM(status = 'delivered') AS delivered, SUM(attempts) AS attempts FROM webhook_deliveries",
  );
  assert.equal(Number(counts!.delivered), events.length);
  assert.equal(Number(counts!.attempts), events.length + failOnce.size);
});

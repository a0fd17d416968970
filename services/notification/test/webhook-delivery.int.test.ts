import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, afterEach, before, test } from 'node:test';
import { eventually, startWebhookReceiver, type WebhookReceiver } from '@kasa/testing';
import { Webhook } from 'standardwebhooks';
import {
  paymentConfirmed,
  paymentStory,
  startWebhookStack,
  type WebhookStack,
} from './support/webhook-stack.ts';

let stack: WebhookStack;
let receiver: WebhookReceiver;
let subscriberId: number | undefined;

before(async () => {
  stack = await startWebhookStack();
});
afterEach(async () => {
  // Each test's subscriber goes with it, so the next test's events reach only its own.
  if (subscriberId !== undefined) await stack.call('DELETE', `/staff/webhooks/subscribers/${subscriberId}`);
  subscriberId = undefined;
  await receiver?.close();
});
after(() => stack?.close());

async function subscribed(eventTypes = ['payment.confirmed', 'payment.refunded'], extra = {}) {
  receiver = await startWebhookReceiver();
  const subscriber = await stack.subscribe(receiver.url, eventTypes, extra);
  subscriberId = subscriber.id;
  return subscriber;
}

const acceptedIds = () => receiver.accepted().map(({ id }) => id);

/** Whether the webhooks' consumer has taken the event (other streams of the service have their own inbox rows). */
async function consumed(eventId: string): Promise<boolean> {
  const rows = await stack.query(
    "SELECT 1 FROM inbox WHERE event_id = ? AND consumer LIKE '%notification.webhooks'",
    [eventId],
  );
  return rows.length > 0;
}

async function deliveryOf(eventId: string) {
  const [row] = await stack.query<{
    id: number;
    status: string;
    attempts: number;
    last_status: number | null;
  }>('SELECT id, status, attempts, last_status FROM webhook_deliveries WHERE event_id = ?', [eventId]);
  return row;
}

test('a subscriber receives the event as JSON, signed: X-Data-Hash and the Standard Webhooks signature verify', async () => {
  const { secret } = await subscribed();
  const event = paymentConfirmed();
  await stack.publish(event);

  const [request] = await eventually(async () => (receiver.requests.length > 0 ? receiver.requests : null), {
    message: 'the webhook',
  });
  assert.equal(request!.headers['content-type'], 'application/json');
  assert.equal(
    request!.headers['x-data-hash'],
    createHash('sha512')
      .update(request!.body + secret)
      .digest('hex'),
  );
  assert.equal(request!.headers['webhook-id'], event.id);
  assert.ok(Math.abs(Number(request!.headers['webhook-timestamp']) - Date.now() / 1000) < 30);
  const verified = new Webhook(secret).verify(request!.body, request!.headers as Record<string, string>);
  assert.deepEqual(verified, JSON.parse(JSON.stringify(event)), 'the body is the event envelope');

  const delivered = await eventually(async () => {
    const row = await deliveryOf(event.id);
    return row?.status === 'delivered' ? row : null;
  });
  assert.equal(delivered.attempts, 1);
  const log = await stack.call('GET', `/staff/webhooks/subscribers/${subscriberId}/attempts`);
  assert.equal(log.status, 200);
  assert.equal(log.body.data.length, 1);
  assert.equal(log.body.data[0].status_code, 200);
  assert.equal(log.body.data[0].response_excerpt, 'ok');
  assert.equal(log.body.data[0].error, null);
  assert.equal(typeof log.body.data[0].duration_ms, 'number');
});

test('events of types the subscriber did not ask for are not sent to it', async () => {
  await subscribed(['payment.refunded']);
  const event = paymentConfirmed();
  await stack.publish(event);
  await eventually(() => consumed(event.id), { message: 'the event consumed' });
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(receiver.requests.length, 0);
  assert.equal(await deliveryOf(event.id), undefined);
});

test('a receiver failing three times and then accepting gets the event exactly once, and its object’s later events after it, in order', async () => {
  await subscribed();
  const story = await paymentStory(Date.now() % 2 ** 31, 3);
  const failing = story[0]!.id;
  receiver.answer(({ id, seen }) =>
    id === failing && seen < 3 ? { status: 500, body: 'busy' } : { status: 200 },
  );
  await stack.publish(...story);

  await eventually(async () => (receiver.accepted().length >= 3 ? true : null), {
    message: 'the three events accepted',
  });
  await new Promise((resolve) => setTimeout(resolve, 300)); // anything sent twice would arrive by now
  assert.deepEqual(
    acceptedIds(),
    story.map(({ id }) => id),
    'each once, in the order they happened',
  );
  assert.deepEqual(
    receiver.requests.map(({ status }) => status),
    [500, 500, 500, 200, 200, 200],
    'the later events waited for the first',
  );
  const first = await deliveryOf(failing);
  const detail = await stack.call('GET', `/staff/webhooks/deliveries/${first!.id}`);
  assert.equal(detail.body.delivery.status, 'delivered');
  assert.equal(detail.body.delivery.attempts, 4);
  assert.deepEqual(
    detail.body.attempts.map(({ status_code }: { status_code: number }) => status_code),
    [500, 500, 500, 200],
  );
  assert.equal(detail.body.attempts[0].error, 'answered 500');
  assert.equal(detail.body.attempts[0].response_excerpt, 'busy');
  assert.deepEqual(detail.body.payload, JSON.parse(JSON.stringify(story[0])));
});

test('Retry-After is honoured: the retry waits as long as the receiver asked', async () => {
  await subscribed();
  receiver.answer(({ seen }) =>
    seen === 0 ? { status: 503, headers: { 'retry-after': '2' } } : { status: 200 },
  );
  const event = paymentConfirmed();
  await stack.publish(event);

  await eventually(async () => (receiver.accepted().length === 1 ? true : null), {
    message: 'the retry accepted',
  });
  const [first, second] = receiver.requests;
  assert.ok(second!.at - first!.at >= 1_900, `retried after ${second!.at - first!.at} ms, not 2 s`);
});

test('410 Gone disables the subscriber and pauses its deliveries; enabling it again sends them', async () => {
  await subscribed();
  receiver.answer(() => ({ status: 410 }));
  const event = paymentConfirmed();
  await stack.publish(event);

  const disabled = await eventually(async () => {
    const { body } = await stack.call('GET', `/staff/webhooks/subscribers/${subscriberId}`);
    return body.enabled === false ? body : null;
  });
  assert.equal(disabled.disabled_reason, 'gone');
  assert.equal((await deliveryOf(event.id))?.status, 'paused');
  const health = await stack.call('GET', '/staff/webhooks/health', undefined, stack.auth('staff'));
  assert.equal(health.status, 200);
  assert.ok(health.body.disabled_subscribers >= 1);

  const meanwhile = paymentConfirmed();
  await stack.publish(meanwhile);
  await eventually(() => consumed(meanwhile.id), { message: 'the event consumed' });
  assert.equal(await deliveryOf(meanwhile.id), undefined, 'nothing is recorded for a disabled subscriber');

  receiver.answer(() => ({ status: 204 }));
  const enabled = await stack.call('PATCH', `/staff/webhooks/subscribers/${subscriberId}`, { enabled: true });
  assert.equal(enabled.status, 200);
  assert.equal(enabled.body.disabled_reason, null);
  await eventually(async () => ((await deliveryOf(event.id))?.status === 'delivered' ? true : null));
  assert.deepEqual(
    receiver.requests.map(({ status }) => status),
    [410, 204],
  );
});

test('a delivery that fails every attempt is dead, no longer holds back its object, and is delivered when replayed', async () => {
  await subscribed();
  const [doomed, next] = await paymentStory(Date.now() % 2 ** 31, 2);
  receiver.answer(({ id }) => (id === doomed!.id ? { status: 500 } : { status: 200 }));
  await stack.publish(doomed!, next!);

  const dead = await eventually(async () => {
    const { body } = await stack.call('GET', `/staff/webhooks/dead-letters?subscriber_id=${subscriberId}`);
    return body.data.length === 1 ? body.data[0] : null;
  });
  assert.equal(dead.event_id, doomed!.id);
  assert.equal(dead.attempts, 5, 'the first attempt and four retries');
  assert.equal(dead.last_status, 500);
  await eventually(async () => (acceptedIds().includes(next!.id) ? true : null), {
    message: 'the next event of the object, once the first was dead',
  });
  const health = await stack.call('GET', '/staff/webhooks/health', undefined, stack.auth('staff'));
  assert.ok(health.body.dead >= 1);

  receiver.answer(() => ({ status: 200 }));
  const replayed = await stack.call('POST', `/staff/webhooks/deliveries/${dead.id}/replay`);
  assert.deepEqual(replayed.body, { replayed: 1 });
  await eventually(async () => ((await deliveryOf(doomed!.id))?.status === 'delivered' ? true : null));
  assert.deepEqual(acceptedIds(), [next!.id, doomed!.id]);
  const again = await stack.call('POST', `/staff/webhooks/deliveries/${dead.id}/replay`);
  assert.equal(again.status, 409, 'only a dead delivery is replayed');
});

test('all of a subscriber’s dead deliveries can be replayed at once', async () => {
  await subscribed();
  receiver.answer(() => ({ status: 502 }));
  const events = [paymentConfirmed(), paymentConfirmed()];
  await stack.publish(...events);
  await eventually(async () => {
    const { body } = await stack.call('GET', `/staff/webhooks/dead-letters?subscriber_id=${subscriberId}`);
    return body.data.length === 2 ? true : null;
  });
  receiver.answer(() => ({ status: 200 }));
  const replayed = await stack.call('POST', `/staff/webhooks/subscribers/${subscriberId}/replay`);
  assert.deepEqual(replayed.body, { replayed: 2 });
  await eventually(async () => (receiver.accepted().length === 2 ? true : null));
  assert.deepEqual(new Set(acceptedIds()), new Set(events.map(({ id }) => id)));
});

test('a redirect is not followed: it is a failed attempt', async () => {
  await subscribed();
  receiver.answer(({ seen }) =>
    seen === 0 ? { status: 307, headers: { location: 'http://127.0.0.1:9/elsewhere' } } : { status: 200 },
  );
  const event = paymentConfirmed();
  await stack.publish(event);
  await eventually(async () => ((await deliveryOf(event.id))?.status === 'delivered' ? true : null));
  assert.deepEqual(
    receiver.requests.map(({ status }) => status),
    [307, 200],
  );
});

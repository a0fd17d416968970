import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eventually, startWebhookReceiver, type WebhookReceiver } from '@kasa/testing';
import {
  PRODUCTION,
  paymentConfirmed,
  startWebhookStack,
  type WebhookStack,
} from './support/webhook-stack.ts';

let stack: WebhookStack;
let receiver: WebhookReceiver;

before(async () => {
  stack = await startWebhookStack({ env: PRODUCTION });
  receiver = await startWebhookReceiver();
});
after(async () => {
  await receiver?.close();
  await stack?.close();
});

test('in production a subscriber URL on a loopback or private address is refused with a clear 422', async () => {
  const port = new URL(receiver.url).port;
  for (const url of [
    receiver.url,
    `http://localhost:${port}/hooks`,
    'http://[::1]/hooks',
    'http://10.0.0.8/hooks',
  ]) {
    const answer = await stack.call('POST', '/staff/webhooks/subscribers', { url, event_types: ['*'] });
    assert.equal(answer.status, 422, url);
    assert.match(
      answer.body.message,
      /resolves to .* is a (loopback|private) address, which webhooks may not reach/,
    );
  }
  const other = await stack.call('POST', '/staff/webhooks/subscribers', {
    url: 'ftp://example.org/',
    event_types: ['*'],
  });
  assert.equal(other.status, 422);
  assert.match(other.body.message, /Only http and https/);
});

test('in production a subscriber whose host came to resolve to a loopback address gets nothing: the connection is refused', async () => {
  // As if registered while its name pointed at a public address (DNS rebinding).
  await stack.query(
    "INSERT INTO webhook_subscribers (url, secret, event_types, enabled) VALUES (?, 'x-secret-for-the-guard', '[\"*\"]', TRUE)",
    [receiver.url],
  );
  const event = paymentConfirmed();
  await stack.publish(event);

  const [attempt] = await eventually(async () => {
    const rows = await stack.query<{ error: string | null; status_code: number | null }>(
      'SELECT a.error, a.status_code FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.event_id = ?',
      [event.id],
    );
    return rows.length > 0 ? rows : null;
  });
  assert.equal(attempt!.status_code, null);
  assert.match(
    attempt!.error ?? '',
    /WEBHOOK_ADDRESS_REFUSED: 127\.0\.0\.1: 127\.0\.0\.1 is a loopback address/,
  );
  assert.equal(receiver.requests.length, 0);
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventually, startWebhookReceiver, type WebhookReceiver } from '@kasa/testing';
import { paymentConfirmed, startWebhookStack, type WebhookStack } from './support/webhook-stack.ts';

/**
 * Webhooks reach public addresses only, whatever NODE_ENV says (these stacks run in the default
 * `development`); loopback and private targets only when WEBHOOK_ALLOWED_TARGETS names them.
 * Nothing here connects anywhere but 127.0.0.1: every other address must be refused before that.
 */
let receiver: WebhookReceiver;
before(async () => {
  receiver = await startWebhookReceiver();
});
after(() => receiver?.close());

const attemptsOf = (stack: WebhookStack, eventId: string) =>
  stack.query<{ url: string; error: string | null; status_code: number | null }>(
    `SELECT s.url, a.error, a.status_code FROM webhook_attempts a
       JOIN webhook_deliveries d ON d.id = a.delivery_id
       JOIN webhook_subscribers s ON s.id = d.subscriber_id
      WHERE d.event_id = ?`,
    [eventId],
  );

describe('without an allow-list', () => {
  let stack: WebhookStack;
  before(async () => {
    stack = await startWebhookStack({ env: { WEBHOOK_ALLOWED_TARGETS: '' } });
  });
  after(() => stack?.close());

  test('a subscriber URL on this machine or a private address is refused with a clear 422, however the address is spelled', async () => {
    const port = new URL(receiver.url).port;
    for (const url of [
      receiver.url,
      'http://127.0.0.1:8091/',
      `http://localhost:${port}/hooks`,
      'http://localhost:3306/',
      'http://169.254.169.254/latest/meta-data/',
      `http://2130706433:${port}/hooks`,
      `http://0x7f.0.0.1:${port}/hooks`,
      'http://0177.0.0.1/',
      'http://127.1/',
      'http://[::1]/hooks',
      'http://[::ffff:127.0.0.1]:8091/',
      'http://10.0.0.8/hooks',
      'http://100.64.0.1/',
      'http://[fd00::1]/',
      'http://0.0.0.0/',
      'http://224.0.0.1/',
    ]) {
      const answer = await stack.call('POST', '/staff/webhooks/subscribers', { url, event_types: ['*'] });
      assert.equal(answer.status, 422, url);
      assert.match(
        answer.body.message,
        /^The URL's host .*is an? (loopback|private|link-local|unspecified|unique-local|carrier-grade NAT|multicast) address, which webhooks may not reach$/,
        url,
      );
    }
    const [row] = await stack.query<{ count: number }>('SELECT COUNT(*) AS count FROM webhook_subscribers');
    assert.equal(Number(row!.count), 0, 'nothing was registered');
  });

  test('a changed URL is checked as a new one', async () => {
    const created = await stack.call('POST', '/staff/webhooks/subscribers', {
      url: 'https://93.184.215.14/hooks',
      event_types: ['*'],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const changed = await stack.call('PATCH', `/staff/webhooks/subscribers/${created.body.subscriber.id}`, {
      url: 'http://2130706433:8091/',
    });
    assert.equal(changed.status, 422);
    assert.match(changed.body.message, /127\.0\.0\.1 is a loopback address/);
    await stack.call('DELETE', `/staff/webhooks/subscribers/${created.body.subscriber.id}`);
  });

  test('a subscriber whose host is or now resolves to this machine gets nothing: the connection is refused', async () => {
    // Written past the check, as a row registered while its name pointed at a public address
    // (DNS rebinding): `localhost` goes through the resolver when connecting, the address does not.
    const port = new URL(receiver.url).port;
    for (const url of [receiver.url, `http://localhost:${port}/hooks/kasa`]) {
      await stack.query(
        "INSERT INTO webhook_subscribers (url, secret, event_types, enabled) VALUES (?, 'x-secret-for-the-guard', '[\"*\"]', TRUE)",
        [url],
      );
    }
    const event = paymentConfirmed();
    await stack.publish(event);

    const attempts = await eventually(async () => {
      const rows = await attemptsOf(stack, event.id);
      return new Set(rows.map((row) => row.url)).size === 2 ? rows : null;
    });
    for (const attempt of attempts) {
      assert.equal(attempt.status_code, null, attempt.url);
      assert.match(
        attempt.error ?? '',
        /^WEBHOOK_ADDRESS_REFUSED: (127\.0\.0\.1|localhost): (127\.0\.0\.1|::1) is a loopback address/,
        attempt.url,
      );
    }
    assert.equal(receiver.requests.length, 0);
  });
});

describe('with the receiver allowed on its port', () => {
  let stack: WebhookStack;
  before(async () => {
    stack = await startWebhookStack({
      env: { WEBHOOK_ALLOWED_TARGETS: `127.0.0.1:${new URL(receiver.url).port}` },
    });
  });
  after(() => stack?.close());

  test('the receiver is registered and delivered to; another port of the same address is not', async () => {
    const refused = await stack.call('POST', '/staff/webhooks/subscribers', {
      url: 'http://127.0.0.1:8091/',
      event_types: ['*'],
    });
    assert.equal(refused.status, 422);
    assert.match(refused.body.message, /which webhooks may not reach on port 8091 \(allowed on \d+ only\)/);

    await stack.subscribe(receiver.url, ['payment.confirmed']);
    const event = paymentConfirmed();
    await stack.publish(event);
    await eventually(async () => (receiver.accepted().some(({ id }) => id === event.id) ? true : null));
  });
});

import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { eventually, startWebhookReceiver, type WebhookReceiver } from '@kasa/testing';
import { wholeKasa } from './support/whole-kasa.ts';

/**
 * Issue 7 end to end: an administrator registers a webhook subscriber at the admin gateway, a
 * member pays at (a local) LiqPay, and the subscriber receives `payment.confirmed` signed both
 * ways; the dashboard counts the member and the contribution. Real services, RabbitMQ, MariaDB.
 */
const { kasa, mobile, admin, approvedMember } = wholeKasa();
let receiver: WebhookReceiver;
before(async () => {
  receiver = await startWebhookReceiver();
});
after(() => receiver?.close());

test('a subscriber an administrator registered receives the signed payment.confirmed of a member who paid', async () => {
  const registered = await admin('POST', '/webhooks', {
    url: receiver.url,
    description: 'accounting',
    event_types: ['payment.confirmed'],
  });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  const { secret, subscriber } = registered.body;

  const { token, memberId } = await approvedMember('+380671239101', '300');
  const checkout = await mobile('POST', '/user/payments/liqpay', { amount: 300 }, token);
  assert.equal(checkout.status, 200);
  assert.equal(await kasa().liqpay!.pay(checkout.body, 'sandbox'), 200);

  const [delivered] = await eventually(
    async () => (receiver.requests.length > 0 ? receiver.requests : null),
    {
      timeoutMs: 20_000,
      message: 'payment.confirmed at the subscriber',
    },
  );
  assert.equal(receiver.requests.length, 1, 'only the type it asked for, once');
  const { headers, body } = delivered!;
  const event = JSON.parse(body);
  assert.equal(event.type, 'payment.confirmed');
  assert.equal(event.data.memberId, memberId);
  assert.equal(event.data.amount, 30_000, 'kopiyky');
  // What the fund's existing receivers check, and the Standard Webhooks signature beside it.
  assert.equal(headers['x-data-hash'], createHash('sha512').update(body).update(secret).digest('hex'));
  assert.equal(headers['webhook-id'], event.id);
  const key = Buffer.from(String(secret).slice('whsec_'.length), 'base64');
  const mac = createHmac('sha256', key)
    .update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`)
    .digest('base64');
  assert.equal(headers['webhook-signature'], `v1,${mac}`);

  const log = await eventually(
    async () => {
      const answer = await admin('GET', `/webhooks/${subscriber.id}/deliveries?status=delivered`);
      return answer.body.data?.length ? answer : null;
    },
    { timeoutMs: 10_000, message: 'the delivery in the log' },
  );
  assert.equal(log.body.data[0].event_type, 'payment.confirmed');

  const dashboard = await admin('GET', '/dashboard');
  assert.equal(dashboard.status, 200, JSON.stringify(dashboard.body));
  const { members, contributions, deliveries } = dashboard.body.data;
  assert.ok(members.active >= 1, JSON.stringify(members));
  assert.ok(contributions.today.count >= 1 && contributions.today.sum >= 300, JSON.stringify(contributions));
  // The chart's 30 Kyiv days, today last, as the site shows days; today's bar is today's figure.
  assert.equal(contributions.days.length, 30);
  assert.deepEqual(contributions.days.at(-1), {
    day: contributions.today.since,
    count: contributions.today.count,
    sum: contributions.today.sum,
  });
  assert.ok(contributions.days.every((day: { day: string }) => /^\d{2}\.\d{2}\.\d{4}$/.test(day.day)));
  assert.deepEqual(deliveries, { retrying: 0, dead: 0, disabled_subscribers: 0 });
});

test('webhook subscribers and the dashboard are for staff: a member token is refused', async () => {
  const { token } = await approvedMember('+380671239102', '300');
  const answer = await fetch(`${kasa().adminUrl}/webhooks`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(answer.status, 401);
});

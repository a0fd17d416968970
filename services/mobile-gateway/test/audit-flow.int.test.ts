import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from '@kasa/testing';
import { wholeKasa } from './support/whole-kasa.ts';

/**
 * Issue 7's audit log end to end: a member signs up by SMS, is approved by an administrator and
 * pays at (a local) LiqPay; the admin gateway's audit log then tells that member's whole story,
 * who did each step, and never the member's phone. Real services, RabbitMQ and MariaDB.
 */
const { kasa, mobile, admin, approvedMember } = wholeKasa();

const STORY = [
  'auth.member_signed_up',
  'member.profile_submitted',
  'member.approved',
  'payment.checkout_created',
  'payment.confirmed',
  'membership.extended',
];

test("the audit log shows a member's whole story, with who did each step and no personal values", async () => {
  const phone = '+380671239001';
  const { token, memberId } = await approvedMember(phone, '300');
  const checkout = await mobile('POST', '/user/payments/liqpay', { amount: 300 }, token);
  assert.equal(checkout.status, 200);
  assert.equal(await kasa().liqpay!.pay(checkout.body, 'sandbox'), 200);

  const story = await eventually(
    async () => {
      const answer = await admin('GET', `/audit?member=${memberId}&limit=100`);
      const types: string[] = answer.body.data?.map(({ type }: { type: string }) => type) ?? [];
      return STORY.every((type) => types.includes(type)) ? answer : null;
    },
    { timeoutMs: 20_000, message: "the member's story in the audit log" },
  );
  const events: { sequence: number; type: string; actor: { kind: string; id: string | null } }[] =
    story.body.data;
  const types = events.map(({ type }) => type).reverse();
  assert.deepEqual(
    types.filter((type) => STORY.includes(type)),
    STORY,
    `oldest first: ${types.join(', ')}`,
  );
  const by = (type: string) => events.find((event) => event.type === type)!.actor;
  assert.deepEqual(by('auth.member_signed_up'), { kind: 'member', id: String(memberId) });
  assert.deepEqual(by('member.approved'), { kind: 'staff', id: '1' });
  assert.deepEqual(by('payment.checkout_created'), { kind: 'member', id: String(memberId) });
  const text = JSON.stringify(story.body);
  for (const value of [phone.slice(4), 'Коваль', 'olena@example.org', 'UA213223130000026007233566001'])
    assert.ok(!text.includes(value), `${value} is nowhere in the log`);

  for (const { sequence } of events) {
    const one = await admin('GET', `/audit/${sequence}`);
    assert.deepEqual(
      one.body.data.verification,
      { hash_matches: true, follows_previous: true },
      `${sequence}`,
    );
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from '@kasa/testing';
import { memberEvents } from './support/member-events.ts';
import { textingNotification, uniquePhone, wasConsumed } from './support/notification-bus.ts';

const texting = textingNotification();
const { textsTo } = texting;

const consumed = (...events: { id: string; type: string }[]) =>
  eventually(async () => {
    for (const event of events) if (!(await wasConsumed(texting.bus.database, event))) return false;
    return true;
  });

test('a member hears when staff answer or close their request, and of a payout, by SMS', async () => {
  const phone = uniquePhone();
  const member = memberEvents();
  const signedUp = member.signedUp(phone);
  await texting.running.publish(signedUp);
  await consumed(signedUp);
  const events = [
    member.staffWrote(41),
    member.staffWrote(41, true), // an internal note: not for the member
    member.memberWrote(41), // their own message: nothing to tell
    member.payout(41, 150050),
    member.closed(41),
  ];
  await texting.running.publish(...events);
  await consumed(...events);
  await eventually(async () => textsTo(phone).length >= 3);

  assert.deepEqual(textsTo(phone).sort(), [
    'Ваше звернення №41 закрито. Деталі в застосунку.',
    'За зверненням №41 вам виплачено 1 500,50 грн.',
    'Фонд відповів на ваше звернення №41. Деталі в застосунку.',
  ]);
});

test('an extended membership is texted with its new day; a contribution worth no day is not', async () => {
  const phone = uniquePhone();
  const member = memberEvents();
  const events = [member.signedUp(phone), member.extended('2026-12-24'), member.extended('2026-12-24', 0)];
  await texting.running.publish(events[0]!);
  await consumed(events[0]!);
  await texting.running.publish(...events.slice(1));
  await consumed(...events);
  assert.deepEqual(textsTo(phone), ['Внесок отримано. Членство в Kasa сплачено до 24.12.2026.']);
});

test("texts go to the member's newest number, even when an older change arrives late", async () => {
  const [first, second, third] = [uniquePhone(), uniquePhone(), uniquePhone()];
  const member = memberEvents();
  const signedUp = member.signedUp(first);
  const older = member.phoneChanged(second);
  await new Promise((resolve) => setTimeout(resolve, 5));
  const newer = member.phoneChanged(third);
  await texting.running.publish(signedUp);
  await consumed(signedUp);
  await texting.running.publish(newer);
  await consumed(newer);
  await texting.running.publish(older);
  await consumed(older);

  const answer = member.staffWrote(9);
  await texting.running.publish(answer);
  await consumed(answer);
  assert.equal(textsTo(third).length, 1);
  assert.equal(textsTo(second).length + textsTo(first).length, 0);
});

test('news for a member whose number is unknown is consumed without a text, not dead-lettered', async () => {
  const member = memberEvents();
  const answer = member.staffWrote(5);
  const before = texting.twilio.messages.length;
  await texting.running.publish(answer);
  await consumed(answer);
  assert.equal(texting.twilio.messages.length, before);
});

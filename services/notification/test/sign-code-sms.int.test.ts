import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { countDeadLetters, inspectDeadLetters } from '@kasa/messaging';
import { eventually, type FakeTwilio, startFakeTwilio } from '@kasa/testing';
import {
  createNotificationBus,
  type NotificationBus,
  signCodeRequested,
  smsRow,
  wasConsumed,
} from './support/notification-bus.ts';

const FROM = '+380441234567';
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

let bus: NotificationBus;
let twilio: FakeTwilio;
before(async () => {
  bus = await createNotificationBus();
});
beforeEach(async () => {
  await twilio?.close();
  twilio = await startFakeTwilio();
});
after(async () => {
  await twilio?.close();
  await bus.close();
});

const twilioEnv = (overrides: Record<string, string> = {}) => ({
  TWILIO_ACCOUNT_SID: twilio.accountSid,
  TWILIO_AUTH_TOKEN: twilio.authToken,
  TWILIO_FROM: FROM,
  TWILIO_API_URL: twilio.url,
  SMS_TIMEOUT_MS: '2000',
  ...overrides,
});

const sentTo = (phone: string) => twilio.messages.filter((message) => message.to === phone);
const creations = () => twilio.requests.filter((request) => request.method === 'POST');

test('a sign-in code becomes one SMS in Ukrainian, sent through the Twilio SDK', async () => {
  const running = await bus.start(twilioEnv());
  const event = signCodeRequested({ code: '482913' });
  await running.publish(event);

  const row = await eventually(async () => {
    const current = await smsRow(bus.database, event.id);
    return current?.status === 'sent' ? current : null;
  });
  const [message, ...others] = sentTo(event.data.phone);
  assert.equal(others.length, 0);
  assert.equal(message!.body, 'Код для входу в Kasa: 482913. Нікому його не повідомляйте.');
  assert.equal(message!.from, FROM);
  assert.match(message!.sid, /^SM[0-9a-f]{32}$/);
  assert.equal(row.provider_sid, message!.sid);
  assert.equal(row.attempts, 1);
});

test('a code for a member’s new phone is texted as a change of number, by the same event', async () => {
  const running = await bus.start(twilioEnv());
  const event = signCodeRequested({ code: '104729', purpose: 'phone_change' });
  await running.publish(event);

  await eventually(async () => (await smsRow(bus.database, event.id))?.status === 'sent' || null);
  const [message, ...others] = sentTo(event.data.phone);
  assert.equal(others.length, 0);
  assert.equal(message!.body, 'Код для зміни номера в Kasa: 104729. Нікому його не повідомляйте.');
  // Each run holds database connections of the file's shared pool until stopped.
  await running.messaging.stop();
});

test('a provider failing twice and then accepting sends exactly one SMS', async () => {
  const running = await bus.start(twilioEnv());
  twilio.failNext(2, 500, 20500);
  const event = signCodeRequested();
  await running.publish(event);

  const row = await eventually(async () => {
    const current = await smsRow(bus.database, event.id);
    return current?.status === 'sent' ? current : null;
  });
  assert.equal(sentTo(event.data.phone).length, 1);
  assert.deepEqual(
    creations().map((request) => request.status),
    [500, 500, 201],
  );
  assert.equal(row.attempts, 3);
  assert.match(row.last_error ?? '', /Twilio answered 500 \(code 20500\)/);
});

test('a provider that always fails ends in the dead-letter queue after the last attempt, with its error', async () => {
  const running = await bus.start(twilioEnv());
  twilio.failNext(100, 503, 20503);
  const event = signCodeRequested();
  await running.publish(event);

  await eventually(
    async () =>
      (await countDeadLetters(bus.amqpUrl, [running.deadLetterQueue])).get(running.deadLetterQueue) === 1,
    { message: 'the dead letter' },
  );
  const [letter] = await inspectDeadLetters(bus.amqpUrl, running.deadLetterQueue);
  assert.equal(letter!.eventId, event.id);
  assert.equal(letter!.type, 'auth.sign_code_requested');
  assert.equal(letter!.attempts, 3);
  assert.match(letter!.error ?? '', /^Twilio answered 503 \(code 20503\)/);
  assert.equal(creations().length, 3);
  assert.equal(sentTo(event.data.phone).length, 0);
  const row = await smsRow(bus.database, event.id);
  assert.equal(row?.status, 'sending');
  assert.equal(row?.attempts, 3);
});

test('a timeout after the provider accepted the text does not send it again on the retry', async () => {
  const running = await bus.start(twilioEnv({ SMS_TIMEOUT_MS: '300' }));
  twilio.delayNext(1, 1_500);
  const event = signCodeRequested();
  await running.publish(event);

  const row = await eventually(async () => {
    const current = await smsRow(bus.database, event.id);
    return current?.status === 'sent' ? current : null;
  });
  const [message, ...others] = sentTo(event.data.phone);
  assert.equal(others.length, 0);
  assert.equal(row.provider_sid, message!.sid, 'the retry found the accepted text and kept its id');
  assert.equal(row.attempts, 2);
  assert.match(row.last_error ?? '', /Twilio could not be reached: timeout of 300ms exceeded/);
  assert.equal(creations().length, 1);
  assert.ok(
    twilio.requests.some((request) => request.method === 'GET'),
    'the retry asked Twilio first',
  );
});

test('the same event delivered twice sends one SMS', async () => {
  const running = await bus.start(twilioEnv());
  const event = signCodeRequested();
  await running.publish(event, event);
  await eventually(async () => (await smsRow(bus.database, event.id))?.status === 'sent');
  await running.publish(event);
  await settle();

  assert.equal(sentTo(event.data.phone).length, 1);
  assert.equal(creations().length, 1);
});

test('an invalid number is dead-lettered at once, without retries, and the number stays masked', async () => {
  const running = await bus.start(twilioEnv());
  twilio.failNext(1, 400, 21211);
  const event = signCodeRequested();
  await running.publish(event);

  const letters = await eventually(async () => {
    const found = await inspectDeadLetters(bus.amqpUrl, running.deadLetterQueue);
    return found.find((letter) => letter.eventId === event.id);
  });
  assert.equal(letters.attempts, 1);
  assert.match(letters.error ?? '', /^Twilio answered 400 \(code 21211\)/);
  assert.equal(letters.error!.includes(event.data.phone), false, 'the number is not in the dead letter');
  assert.ok(letters.error!.includes(event.data.phone.slice(0, 6)), 'a masked number is');
  await settle();
  assert.equal(creations().length, 1);
});

test('an expired code is not sent', async () => {
  const running = await bus.start(twilioEnv());
  const event = signCodeRequested({ expiresInMs: -1_000 });
  await running.publish(event);

  await eventually(() => wasConsumed(bus.database, event));
  await settle();
  assert.equal(twilio.requests.length, 0);
  assert.equal(await smsRow(bus.database, event.id), undefined);
});

test('when one text of a batch fails, the texts the batch already sent are not sent again', async () => {
  // One worker: the first event is handled alone (its answer delayed) while the other three
  // queue up behind it and are then applied together, in one transaction.
  const running = await bus.start(twilioEnv(), { messaging: { concurrency: 1 } });
  const [first, ...batch] = [
    signCodeRequested(),
    signCodeRequested(),
    signCodeRequested(),
    signCodeRequested(),
  ];
  twilio.delayNext(1, 300);
  // The second of the batch fails, rolling the batch back after Twilio accepted the first.
  twilio.failFor(batch[1]!.data.phone, 1);
  // The three are published while the first waits at Twilio: a consumer takes the messages of
  // one read together, so published with it they could have shared its batch, or split.
  await running.publish(first!);
  await eventually(async () => (await smsRow(bus.database, first!.id))?.status === 'sending');
  await running.publish(...batch);

  const rows = await eventually(async () => {
    const current = await Promise.all(batch.map((event) => smsRow(bus.database, event.id)));
    return current.every((row) => row?.status === 'sent') ? current : null;
  });
  for (const event of [first!, ...batch]) assert.equal(sentTo(event.data.phone).length, 1);
  assert.equal(rows[0]!.attempts, 2, 'the first of the batch was retried after the rollback');
  assert.equal(rows[0]!.provider_sid, sentTo(batch[0]!.data.phone)[0]!.sid, 'and found, not sent again');
  assert.equal(creations().filter((request) => request.status === 201).length, 4);
});

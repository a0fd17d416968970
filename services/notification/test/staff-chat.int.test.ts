import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, beforeEach, test } from 'node:test';
import { memberActor, PaymentConfirmed, PaymentFlagged, RequestOpened, SYSTEM } from '@kasa/contracts';
import { inspectDeadLetters, newEvent } from '@kasa/messaging';
import { eventually, type FakeTelegram, startFakeTelegram } from '@kasa/testing';
import {
  createNotificationBus,
  type NotificationBus,
  type RunningNotification,
} from './support/notification-bus.ts';

const CHAT = '-1001234567890';
let bus: NotificationBus;
let telegram: FakeTelegram;
let running: RunningNotification;
before(async () => {
  bus = await createNotificationBus();
  telegram = await startFakeTelegram();
  running = await bus.start({
    TELEGRAM_BOT_TOKEN: telegram.botToken,
    TELEGRAM_CHAT_ID: CHAT,
    TELEGRAM_API_URL: telegram.url,
  });
});
beforeEach(() => {
  telegram.messages.length = 0;
});
after(async () => {
  await telegram?.close();
  await bus.close();
});

const confirmed = (amount: number) => {
  const paymentId = randomInt(1, 2 ** 31);
  return newEvent(
    PaymentConfirmed,
    { paymentId, memberId: 12, kind: 'contribution', amount, currency: 'UAH', source: 'liqpay' },
    { aggregateId: paymentId, actor: { kind: 'provider', id: 'liqpay' } },
  );
};
const staffMessageRow = async (eventId: string) => {
  const [rows] = await bus.database.pool.query('SELECT * FROM staff_messages WHERE event_id = ?', [eventId]);
  return (
    rows as { status: string; attempts: number; telegram_message_id: number; last_error: string | null }[]
  )[0];
};

test('staff read of a confirmed payment and of a new request in their chat', async () => {
  const payment = confirmed(30000);
  const request = newEvent(
    RequestOpened,
    { requestId: 77, memberId: 12, fileCount: 2 },
    { aggregateId: 77, actor: memberActor(12) },
  );
  await running.publish(payment, request);
  await eventually(async () => telegram.messages.length === 2);
  assert.deepEqual(
    telegram.messages
      .map(({ chatId, text }) => ({ chatId, text }))
      .sort((a, b) => a.text.localeCompare(b.text)),
    [
      {
        chatId: CHAT,
        text: `Внесок 300 грн від учасника #12 підтверджено (платіж #${payment.data.paymentId}, LiqPay).`,
      },
      { chatId: CHAT, text: 'Нове звернення №77 від учасника #12, файлів: 2.' },
    ],
  );
  const row = await eventually(async () => {
    const current = await staffMessageRow(payment.id);
    return current?.status === 'sent' ? current : null;
  });
  assert.equal(row.attempts, 1);
});

test('Telegram failing twice and then accepting posts the message once', async () => {
  telegram.failNext(1, 500);
  telegram.failNext(1, 429);
  const payment = confirmed(12345);
  await running.publish(payment);
  const row = await eventually(async () => {
    const current = await staffMessageRow(payment.id);
    return current?.status === 'sent' ? current : null;
  });
  assert.equal(row.attempts, 3);
  assert.equal(telegram.messages.length, 1);
  assert.match(telegram.messages[0]!.text, /^Внесок 123,45 грн/);
});

test('a message Telegram refuses for good is dead-lettered with its reason, where operators see it', async () => {
  telegram.failNext(1, 400);
  const flagged = newEvent(
    PaymentFlagged,
    { paymentId: 5, memberId: 12, reason: 'amount differs from the order' },
    { aggregateId: 5, actor: SYSTEM },
  );
  await running.publish(flagged);
  const queue = running.streamDeadLetterQueue('staff-chat');
  const [dead] = await eventually(async () => {
    const letters = await inspectDeadLetters(bus.amqpUrl, queue);
    return letters.length > 0 ? letters : null;
  });
  assert.match(dead!.error ?? '', /Telegram answered 400/);
  assert.equal(telegram.messages.length, 0);
  assert.match((await staffMessageRow(flagged.id))!.last_error ?? '', /Telegram answered 400/);
});

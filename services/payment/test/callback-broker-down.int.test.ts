import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addCalendarDays, kyivDateOf } from '@kasa/contracts';
import { type RunningService, startService } from '@kasa/runtime';
import {
  eventually,
  generateEd25519Keys,
  type PrivateBroker,
  startPrivateBroker,
  testFileStore,
  testNamespace,
  testSchemaPrefix,
  testServiceEnv,
} from '@kasa/testing';
import { memberService } from '../../member/src/service.ts';
import { type PaymentUnderTest, startPayment } from './support/payment-under-test.ts';

/**
 * A LiqPay callback that arrives while RabbitMQ is down is still confirmed (the event waits
 * in the outbox), and the membership is extended once the broker is back: nothing is lost.
 */
let broker: PrivateBroker;
let payment: PaymentUnderTest;
let member: RunningService;
const cleanups: (() => Promise<void>)[] = [];

before(async () => {
  broker = await startPrivateBroker();
  const namespace = testNamespace();
  payment = await startPayment({ AMQP_URL: broker.url, AMQP_NAMESPACE: namespace });
  const schemas = testSchemaPrefix();
  const files = await testFileStore('member');
  member = (await startService(memberService, {
    env: {
      ...testServiceEnv({
        schemaPrefix: schemas.prefix,
        namespace,
        publicKeyPem: generateEd25519Keys().publicKeyPem,
      }),
      ...files.env,
      AMQP_URL: broker.url,
    },
    listen: false,
  })) as RunningService;
  cleanups.push(
    () => member.stop(),
    () => payment.close(),
    () => schemas.drop(),
    () => files.remove(),
    () => broker.dispose(),
  );
});
after(async () => {
  for (const cleanup of cleanups) await cleanup().catch(() => {});
});

const memberQuery = async <T>(sql: string, values: unknown[] = []) =>
  (await member.context.database.pool.query(sql, values))[0] as T[];

test('a callback while RabbitMQ is down extends the membership once the broker is back', async () => {
  await memberQuery("INSERT INTO programs (id, name, month_price) VALUES (1, 'Базова', 30000)");
  await memberQuery("INSERT INTO members (id, phone, program_id) VALUES (601, '+380670000601', 1)");
  const asked = await payment.service.app.inject({
    method: 'POST',
    url: '/me/checkouts',
    headers: { authorization: payment.memberAuth(601) },
    payload: { amount: 30_000 },
  });
  assert.equal(asked.statusCode, 201, asked.body);

  await broker.stop();
  assert.equal(
    await payment.liqpay.pay(asked.json(), 'sandbox'),
    200,
    'the callback is taken while the broker is down',
  );
  const [confirmed] = await payment.query<{ state: string }>(
    'SELECT state FROM payments WHERE member_id = 601',
  );
  assert.equal(confirmed!.state, 'confirmed');
  const [waiting] = await payment.query<{ n: number }>(
    "SELECT COUNT(*) AS n FROM outbox WHERE type = 'payment.confirmed' AND published_at IS NULL",
  );
  assert.equal(Number(waiting!.n), 1, 'the event waits in the outbox');

  await broker.start();
  const want = addCalendarDays(kyivDateOf(new Date()), 30);
  await eventually(
    async () => {
      const [row] = await memberQuery<{ paid_until: string | null }>(
        "SELECT DATE_FORMAT(paid_until, '%Y-%m-%d') AS paid_until FROM members WHERE id = 601",
      );
      return row?.paid_until === want ? true : null;
    },
    { timeoutMs: 60_000, message: `paid_until ${want} once the broker is back` },
  );
  const [extensions] = await memberQuery<{ n: number }>('SELECT COUNT(*) AS n FROM membership_extensions');
  assert.equal(Number(extensions!.n), 1);
});

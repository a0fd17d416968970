import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { ConfigError } from '@kasa/config';
import { createLogger, maskPhone } from '@kasa/log';
import { topologyNames } from '@kasa/messaging';
import { startService } from '@kasa/runtime';
import {
  eventually,
  REPO_ROOT,
  testAmqpUrl,
  testMysqlUrl,
  testNamespace,
  testSchemaPrefix,
} from '@kasa/testing';
import { notificationService } from '../src/service.ts';
import {
  createNotificationBus,
  type NotificationBus,
  signCodeRequested,
} from './support/notification-bus.ts';

const schemas = testSchemaPrefix();
const serviceEnv = (overrides: Record<string, string> = {}) => ({
  MYSQL_URL: testMysqlUrl(),
  AMQP_URL: testAmqpUrl(),
  MYSQL_SCHEMA_PREFIX: schemas.prefix,
  AMQP_NAMESPACE: testNamespace(),
  LOG_LEVEL: 'silent',
  ...overrides,
});

let bus: NotificationBus;
before(async () => {
  bus = await createNotificationBus();
});
after(async () => {
  await schemas.drop();
  await bus.close();
});

test('without a Twilio account the text is written to the log, with the code and a masked number', async () => {
  const lines: Record<string, unknown>[] = [];
  const destination = new PassThrough();
  destination.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
  });
  const logger = createLogger({ service: 'notification', level: 'info', destination });
  const running = await bus.start({ NODE_ENV: 'development' }, { logger });
  const event = signCodeRequested({ code: '705531' });
  await running.publish(event);

  const logged = await eventually(async () =>
    lines.find((line) => line.msg === 'SMS written to the log (no TWILIO_ACCOUNT_SID)'),
  );
  assert.equal(logged.level, 'info');
  assert.equal(logged.text, 'Код для входу в Kasa: 705531. Нікому його не повідомляйте.');
  assert.equal(logged.to, maskPhone(event.data.phone));
  assert.match(String(logged.sid), /^LOG/);
  assert.ok(
    lines.some((line) => line.level === 'warn' && /TWILIO_ACCOUNT_SID is not set/.test(String(line.msg))),
    'the start says SMS only go to the log',
  );
  assert.equal(JSON.stringify(lines).includes(event.data.phone), false, 'the number never appears whole');
});

test('the service itself starts with the log driver outside production and texts through it', async () => {
  const env = serviceEnv({ NODE_ENV: 'development' });
  const service = await startService(notificationService, { env, listen: false });
  try {
    const event = signCodeRequested();
    const names = topologyNames(env.AMQP_NAMESPACE);
    await eventually(async () => {
      await service.context.messaging.publisher.publish([
        {
          exchange: names.exchange,
          routingKey: event.type,
          content: Buffer.from(JSON.stringify(event)),
          options: { messageId: event.id, type: event.type },
        },
      ]);
      return true;
    });
    const row = await eventually(async () => {
      const [rows] = await service.context.database.pool.query(
        'SELECT status, provider_sid FROM sms_messages WHERE event_id = ?',
        [event.id],
      );
      return (rows as { status: string; provider_sid: string }[]).find((found) => found.status === 'sent');
    });
    assert.match(row.provider_sid, /^LOG/);
  } finally {
    await service.stop();
  }
});

test('in production a missing TWILIO_ACCOUNT_SID refuses the start before the database is touched', async () => {
  const refusedPrefix = testSchemaPrefix().prefix;
  await assert.rejects(
    startService(notificationService, {
      env: serviceEnv({ NODE_ENV: 'production', MYSQL_SCHEMA_PREFIX: refusedPrefix }),
      listen: false,
    }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /TWILIO_ACCOUNT_SID is required when NODE_ENV=production/);
      return true;
    },
  );
  const [schemas] = await bus.database.pool.query(`SHOW DATABASES LIKE '${refusedPrefix}%'`);
  assert.deepEqual(schemas, []);
});

test('the notification process exits with a message naming TWILIO_ACCOUNT_SID when started so in production', async () => {
  const child = spawn(process.execPath, [`${REPO_ROOT}services/notification/src/main.ts`], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH, ...serviceEnv({ NODE_ENV: 'production', LOG_LEVEL: 'info' }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = await once(child, 'exit');
  assert.equal(code, 1);
  assert.match(stderr, /TWILIO_ACCOUNT_SID is required when NODE_ENV=production/);
});

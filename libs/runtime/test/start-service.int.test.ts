import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ConfigError } from '@kasa/config';
import { MESSAGING_MIGRATIONS } from '@kasa/db';
import { startService } from '@kasa/runtime';
import { testAmqpUrl, testMysqlUrl, testNamespace, testSchemaPrefix } from '@kasa/testing';

const schemas = testSchemaPrefix();
const env = () => ({
  MYSQL_URL: testMysqlUrl(),
  AMQP_URL: testAmqpUrl(),
  MYSQL_SCHEMA_PREFIX: schemas.prefix,
  AMQP_NAMESPACE: testNamespace(),
  LOG_LEVEL: 'silent',
});
const definition = {
  name: 'member' as const,
  description: 'a service under test',
  // The outbox and inbox alone, as every service's first migration has them.
  migrationsFolder: MESSAGING_MIGRATIONS,
};

after(() => schemas.drop());

test('a service creates its schema, migrates it, connects to the broker and reports ready', async () => {
  const service = await startService(definition, { env: env(), listen: false });
  try {
    const ready = await service.app.inject({ url: '/health/ready' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json().checks, { database: 'ok', broker: 'ok' });
    const [tables] = await service.context.database.pool.query('SHOW TABLES');
    assert.deepEqual((tables as Record<string, string>[]).map((row) => Object.values(row)[0]).sort(), [
      '__drizzle_migrations',
      'inbox',
      'outbox',
    ]);
    const docs = await service.app.inject({ url: '/docs/json' });
    assert.equal(docs.json().info.title, 'Kasa member');
  } finally {
    await service.stop();
  }
});

test('starting again on the same schema applies nothing twice', async () => {
  const service = await startService(definition, { env: env(), listen: false });
  try {
    const [[row]] = (await service.context.database.pool.query(
      'SELECT COUNT(*) AS n FROM __drizzle_migrations',
    )) as [{ n: number }[], unknown];
    assert.equal(Number(row!.n), 1);
  } finally {
    await service.stop();
  }
});

test('a bad variable stops the start with a message that names it', async () => {
  await assert.rejects(
    startService(definition, {
      env: { ...env(), MYSQL_URL: 'postgres://db', MEMBER_PORT: 'x' },
      listen: false,
    }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /MYSQL_URL/);
      assert.match(error.message, /MEMBER_PORT/);
      return true;
    },
  );
});

test('instances of a service started at once take turns migrating its schema: both start', async () => {
  const shared = { ...env(), MYSQL_SCHEMA_PREFIX: `${schemas.prefix}pair_` };
  const started = await Promise.allSettled([
    startService(definition, { env: shared, listen: false }),
    startService(definition, { env: shared, listen: false }),
  ]);
  try {
    assert.deepEqual(
      started.map(({ status }) => status),
      ['fulfilled', 'fulfilled'],
      started.map((result) => (result.status === 'rejected' ? String(result.reason) : 'ok')).join('; '),
    );
    const [service] = started as PromiseFulfilledResult<Awaited<ReturnType<typeof startService>>>[];
    const [applied] = await service!.value.context.database.pool.query(
      'SELECT COUNT(*) AS n FROM __drizzle_migrations',
    );
    assert.equal(Number((applied as { n: number }[])[0]!.n), 1, 'the migration recorded once');
  } finally {
    for (const result of started) if (result.status === 'fulfilled') await result.value.stop();
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registerHealth, registerOpenApi } from '../src/index.ts';
import { markShuttingDown } from '../src/lifecycle.ts';
import { createTestApp } from './support/test-app.ts';

test('live answers 200 ok while the process runs', async () => {
  const { app } = createTestApp();
  registerHealth(app, { checks: {} });
  const response = await app.inject({ method: 'GET', url: '/health/live' });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { status: 'ok' });
});

test('ready answers 200 with every check ok', async () => {
  const { app } = createTestApp();
  registerHealth(app, { checks: { db: async () => {}, broker: async () => {} } });
  const response = await app.inject({ method: 'GET', url: '/health/ready' });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { status: 'ok', checks: { db: 'ok', broker: 'ok' } });
});

test('ready answers 503 naming the failed check and its reason', async () => {
  const { app } = createTestApp();
  const checks = {
    db: async () => {
      throw new Error('connect ECONNREFUSED');
    },
    broker: async () => {},
  };
  registerHealth(app, { checks });
  const response = await app.inject({ method: 'GET', url: '/health/ready' });
  assert.equal(response.statusCode, 503);
  assert.deepEqual(response.json(), {
    status: 'error',
    message: 'not ready',
    checks: { db: 'error: connect ECONNREFUSED', broker: 'ok' },
  });
});

test('ready counts a check that hangs past its timeout as failed', async () => {
  const { app } = createTestApp();
  registerHealth(app, { checks: { db: () => new Promise<void>(() => {}) }, timeoutMs: 50 });
  const response = await app.inject({ method: 'GET', url: '/health/ready' });
  assert.equal(response.statusCode, 503);
  assert.equal(response.json().checks.db, 'error: timed out after 50 ms');
});

test('ready answers 503 at once while the app shuts down', async () => {
  const { app } = createTestApp();
  let checked = false;
  registerHealth(app, {
    checks: {
      db: async () => {
        checked = true;
      },
    },
  });
  markShuttingDown(app);
  const response = await app.inject({ method: 'GET', url: '/health/ready' });
  assert.equal(response.statusCode, 503);
  assert.equal(response.json().status, 'error');
  assert.equal(checked, false);
});

test('health routes stay out of the OpenAPI document', async () => {
  const { app } = createTestApp();
  await registerOpenApi(app, { title: 'test', version: '1.0.0' });
  registerHealth(app, { checks: {} });
  await app.ready();
  const paths = Object.keys(app.swagger().paths ?? {});
  assert.ok(!paths.some((path) => path.startsWith('/health')), `health listed in ${paths.join(', ')}`);
});

test('health probes are not logged on every request', async () => {
  const { app, logLines } = createTestApp();
  registerHealth(app, { checks: {} });
  await app.inject({ method: 'GET', url: '/health/live' });
  assert.equal(logLines().filter((line) => line.url === '/health/live').length, 0);
});

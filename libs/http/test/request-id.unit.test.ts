import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notFound } from '../src/index.ts';
import { createTestApp } from './support/test-app.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function appWithRoutes() {
  const testApp = createTestApp();
  testApp.app.get('/id', async (request) => ({ id: request.id }));
  testApp.app.get('/missing', async () => {
    throw notFound();
  });
  return testApp;
}

test('a request without an id gets a generated one, echoed in x-request-id', async () => {
  const { app } = appWithRoutes();
  const response = await app.inject({ method: 'GET', url: '/id' });
  assert.match(String(response.headers['x-request-id']), UUID);
  assert.equal(response.json().id, response.headers['x-request-id']);
});

test("a caller's sane x-request-id is kept and echoed", async () => {
  const { app } = appWithRoutes();
  const response = await app.inject({ method: 'GET', url: '/id', headers: { 'x-request-id': 'gw-1.a_B-2' } });
  assert.equal(response.headers['x-request-id'], 'gw-1.a_B-2');
  assert.equal(response.json().id, 'gw-1.a_B-2');
});

test('an x-request-id with unsafe characters is replaced', async () => {
  const { app } = appWithRoutes();
  const response = await app.inject({ method: 'GET', url: '/id', headers: { 'x-request-id': 'a b"}\n' } });
  assert.match(String(response.headers['x-request-id']), UUID);
});

test('an x-request-id longer than 64 characters is replaced', async () => {
  const { app } = appWithRoutes();
  const response = await app.inject({
    method: 'GET',
    url: '/id',
    headers: { 'x-request-id': 'a'.repeat(65) },
  });
  assert.match(String(response.headers['x-request-id']), UUID);
});

test('an error answer carries the request id too', async () => {
  const { app } = appWithRoutes();
  const response = await app.inject({
    method: 'GET',
    url: '/missing',
    headers: { 'x-request-id': 'req-42' },
  });
  assert.equal(response.statusCode, 404);
  assert.equal(response.headers['x-request-id'], 'req-42');
});

test('each request is logged once, with its path but not its query string', async () => {
  const { app, logLines } = appWithRoutes();
  await app.inject({ method: 'GET', url: '/id?phone=%2B380671234567', headers: { 'x-request-id': 'req-7' } });
  const lines = logLines().filter((line) => line.reqId === 'req-7');
  assert.equal(lines.length, 1);
  assert.equal(lines[0]?.method, 'GET');
  assert.equal(lines[0]?.url, '/id');
  assert.equal(lines[0]?.statusCode, 200);
  assert.equal(typeof lines[0]?.durationMs, 'number');
});

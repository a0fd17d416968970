import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Type } from 'typebox';
import {
  AppError,
  createServiceClient,
  type HttpApp,
  notFound,
  type ServiceClient,
  tooManyRequests,
  unprocessable,
} from '../src/index.ts';
import { createTestApp } from './support/test-app.ts';

const Member = Type.Object({ id: Type.Integer(), name: Type.String() });
const Echo = Type.Object({
  requestId: Type.Optional(Type.String()),
  query: Type.Unknown(),
  body: Type.Unknown(),
});

let service: HttpApp;
let client: ServiceClient;
let baseUrl: string;

before(async () => {
  service = createTestApp().app;
  service.get('/members/:id', async (request) => {
    const { id } = request.params as { id: string };
    if (id !== '1') throw notFound('Member not found', 'member_not_found');
    return { id: 1, name: 'Olena' };
  });
  service.post('/members', async () => {
    throw unprocessable('Phone is taken', 'phone_taken');
  });
  service.post('/echo', async (request) => ({
    requestId: request.headers['x-request-id'],
    query: request.query,
    body: request.body,
  }));
  service.get('/limited', async () => {
    throw tooManyRequests(7);
  });
  service.get('/broken', async () => {
    throw new Error('database exploded');
  });
  service.get('/slow', async () => {
    await sleep(300);
    return { id: 1, name: 'late' };
  });
  service.get('/wrong-shape', async () => ({ id: 'one', name: 'Olena' }));
  await service.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}`;
  client = createServiceClient({ name: 'member', baseUrl });
});

after(async () => {
  await client.close();
  await service.close();
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => assert.fail('the request succeeded'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof AppError, `not an AppError: ${String(error)}`);
  return error;
}

test('a 2xx answer comes back parsed and typed', async () => {
  const member = await client.request({ method: 'GET', path: '/members/1', response: Member });
  assert.deepEqual(member, { id: 1, name: 'Olena' });
});

test('the request id, query and JSON body reach the service', async () => {
  const echo = await client.request({
    method: 'POST',
    path: '/echo',
    query: { status: ['opened', 'closed'], limit: 10, skip: undefined },
    body: { amount: 100 },
    requestId: 'gw-123',
    response: Echo,
  });
  assert.equal(echo.requestId, 'gw-123');
  assert.deepEqual(echo.query, { status: ['opened', 'closed'], limit: '10' });
  assert.deepEqual(echo.body, { amount: 100 });
});

test("a service's 404 envelope is rethrown as an AppError 404 with its message and code", async () => {
  const error = await rejection(client.request({ method: 'GET', path: '/members/2', response: Member }));
  assert.equal(error.statusCode, 404);
  assert.equal(error.message, 'Member not found');
  assert.equal(error.code, 'member_not_found');
});

test("a service's 422 envelope is rethrown as an AppError 422", async () => {
  const error = await rejection(
    client.request({ method: 'POST', path: '/members', body: {}, response: Member }),
  );
  assert.equal(error.statusCode, 422);
  assert.equal(error.message, 'Phone is taken');
});

test("a service's Retry-After travels with its 429", async () => {
  const error = await rejection(client.request({ method: 'GET', path: '/limited', response: Member }));
  assert.equal(error.statusCode, 429);
  assert.equal(error.headers['retry-after'], '7');
});

test("a service's 500 stays a 500 without its internals", async () => {
  const error = await rejection(client.request({ method: 'GET', path: '/broken', response: Member }));
  assert.equal(error.statusCode, 500);
  assert.equal(error.message, 'Internal server error');
});

test('a gateway passes a service error through to its own client', async () => {
  const { app: gateway } = createTestApp();
  gateway.get('/member/:id', async (request) => {
    const { id } = request.params as { id: string };
    return client.request({ method: 'GET', path: `/members/${encodeURIComponent(id)}`, response: Member });
  });
  const response = await gateway.inject({ method: 'GET', url: '/member/2' });
  assert.equal(response.statusCode, 404);
  assert.deepEqual(response.json(), { status: 'error', message: 'Member not found' });
});

test('a refused connection becomes 503 "<name> is unavailable"', async () => {
  const probe = createTestApp().app;
  await probe.listen({ host: '127.0.0.1', port: 0 });
  const port = (probe.server.address() as AddressInfo).port;
  await probe.close();
  const closed = createServiceClient({ name: 'payment', baseUrl: `http://127.0.0.1:${port}` });
  try {
    const error = await rejection(closed.request({ method: 'GET', path: '/members/1', response: Member }));
    assert.equal(error.statusCode, 503);
    assert.equal(error.message, 'payment is unavailable');
  } finally {
    await closed.close();
  }
});

test('a service slower than the timeout becomes 503', async () => {
  const impatient = createServiceClient({ name: 'member', baseUrl, timeoutMs: 50 });
  try {
    const error = await rejection(impatient.request({ method: 'GET', path: '/slow', response: Member }));
    assert.equal(error.statusCode, 503);
    assert.equal(error.message, 'member is unavailable');
  } finally {
    await impatient.close();
  }
});

test('an answer that does not match its schema is rejected outside production', async () => {
  await assert.rejects(
    client.request({ method: 'GET', path: '/wrong-shape', response: Member }),
    (error: Error) => !(error instanceof AppError) && /does not match its schema/.test(error.message),
  );
});

test('answers are not checked when response validation is off, as in production', async () => {
  const trusting = createServiceClient({ name: 'member', baseUrl, validateResponses: false });
  try {
    const member = await trusting.request({ method: 'GET', path: '/wrong-shape', response: Member });
    assert.deepEqual(member, { id: 'one', name: 'Olena' });
  } finally {
    await trusting.close();
  }
});

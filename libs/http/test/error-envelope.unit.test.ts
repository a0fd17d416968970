import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type AppError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  payloadTooLarge,
  serviceUnavailable,
  tooManyRequests,
  unauthorized,
  unprocessable,
  unsupportedMediaType,
} from '../src/index.ts';
import { createTestApp } from './support/test-app.ts';

async function answerTo(error: Error, config: { errorEnvelope?: 'message-only' } = {}) {
  const { app, logLines } = createTestApp();
  app.get('/fails', { config }, async () => {
    throw error;
  });
  const response = await app.inject({ method: 'GET', url: '/fails' });
  await app.close();
  return { response, logLines };
}

const factories: Array<[string, AppError, number]> = [
  ['badRequest', badRequest('Amount is missing'), 400],
  ['unauthorized', unauthorized(), 401],
  ['forbidden', forbidden('not approved yet'), 403],
  ['notFound', notFound('Member not found'), 404],
  ['conflict', conflict('Already paid'), 409],
  ['payloadTooLarge', payloadTooLarge(), 413],
  ['unsupportedMediaType', unsupportedMediaType(), 415],
  ['unprocessable', unprocessable('Phone is taken'), 422],
  ['tooManyRequests', tooManyRequests(30), 429],
  ['serviceUnavailable', serviceUnavailable('member is unavailable'), 503],
];

for (const [factory, error, statusCode] of factories) {
  test(`${factory}() answers ${statusCode} with its message in the envelope`, async () => {
    const { response } = await answerTo(error);
    assert.equal(response.statusCode, statusCode);
    assert.deepEqual(response.json(), { status: 'error', message: error.message });
  });
}

test('tooManyRequests() tells the client when to retry', async () => {
  const { response } = await answerTo(tooManyRequests(29.2));
  assert.equal(response.headers['retry-after'], '30');
});

test("an AppError's machine code travels in the x-error-code header", async () => {
  const { response } = await answerTo(unprocessable('Phone is taken', 'phone_taken'));
  assert.equal(response.headers['x-error-code'], 'phone_taken');
});

test("a library's own 4xx error keeps its status, message and code; fastify's codes stay inside", async () => {
  const refused = Object.assign(new Error('The picture is too large'), {
    statusCode: 422,
    code: 'image_too_large',
  });
  const { response } = await answerTo(refused);
  assert.equal(response.statusCode, 422);
  assert.equal(response.headers['x-error-code'], 'image_too_large');
  assert.deepEqual(response.json(), { status: 'error', message: 'The picture is too large' });
  const framework = Object.assign(new Error('x'), { statusCode: 400, code: 'FST_ERR_SOMETHING' });
  assert.equal((await answerTo(framework)).response.headers['x-error-code'], 'bad_request');
});

test('a route configured message-only answers { message } without status', async () => {
  const { response } = await answerTo(unauthorized('Token is missing'), { errorEnvelope: 'message-only' });
  assert.equal(response.statusCode, 401);
  assert.deepEqual(response.json(), { message: 'Token is missing' });
});

test('an unexpected error answers 500 without leaking its message', async () => {
  const { response } = await answerTo(new Error('connect ECONNREFUSED 10.0.0.5:3306'));
  assert.equal(response.statusCode, 500);
  assert.deepEqual(response.json(), { status: 'error', message: 'Internal server error' });
});

test('an unexpected error is logged with its real message', async () => {
  const { logLines } = await answerTo(new Error('connect ECONNREFUSED 10.0.0.5:3306'));
  const line = logLines().find((l) => l.msg === 'request failed');
  assert.ok(line, 'no error line was logged');
  assert.equal(line.level, 'error');
  assert.match(JSON.stringify(line.err), /ECONNREFUSED 10\.0\.0\.5:3306/);
});

test('a body that is not JSON answers 400', async () => {
  const { app } = createTestApp();
  app.post('/echo', async (request) => request.body);
  const response = await app.inject({
    method: 'POST',
    url: '/echo',
    headers: { 'content-type': 'application/json' },
    payload: '{"amount": ',
  });
  assert.equal(response.statusCode, 400);
  assert.deepEqual(response.json(), { status: 'error', message: 'Request body is not valid JSON' });
});

test('a body over the limit answers 413', async () => {
  const { app } = createTestApp({ bodyLimit: 64 });
  app.post('/echo', async (request) => request.body);
  const response = await app.inject({ method: 'POST', url: '/echo', payload: { text: 'x'.repeat(100) } });
  assert.equal(response.statusCode, 413);
  assert.deepEqual(response.json(), { status: 'error', message: 'Request body is too large' });
});

test('a body of an unknown media type answers 415', async () => {
  const { app } = createTestApp();
  app.post('/echo', async (request) => request.body);
  const response = await app.inject({
    method: 'POST',
    url: '/echo',
    headers: { 'content-type': 'application/x-unknown' },
    payload: 'hello',
  });
  assert.equal(response.statusCode, 415);
  assert.deepEqual(response.json(), { status: 'error', message: 'Unsupported media type' });
});

test('an unknown route answers 404 in the envelope', async () => {
  const { app } = createTestApp();
  const response = await app.inject({ method: 'GET', url: '/nowhere' });
  assert.equal(response.statusCode, 404);
  assert.deepEqual(response.json(), { status: 'error', message: 'Not found' });
});

test('a malformed URL answers 400 in the envelope', async () => {
  const { app } = createTestApp();
  app.get('/members/:id', async () => ({}));
  const response = await app.inject({ method: 'GET', url: '/members/%E0%A4%A' });
  assert.equal(response.statusCode, 400);
  assert.deepEqual(response.json(), { status: 'error', message: 'Malformed URL' });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serviceUnavailable } from '../src/index.ts';
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

/** An error as mysql2 raises it: a code, and `fatal` when the connection is gone with it. */
function mysqlError(message: string, code?: string, fatal = false): Error {
  return Object.assign(new Error(message), { code, fatal });
}

/** As drizzle rethrows every failed statement: its own error, mysql2's in `cause`. */
const wrappedByDrizzle = (cause: Error) => new Error('Failed query: select 1\nparams: ', { cause });

const outages: Array<[string, Error]> = [
  ['a refused connection', mysqlError('connect ECONNREFUSED 127.0.0.1:3306', 'ECONNREFUSED')],
  [
    'a lost connection',
    mysqlError('Connection lost: The server closed the connection.', 'PROTOCOL_CONNECTION_LOST', true),
  ],
  ['too many connections', mysqlError('Too many connections', 'ER_CON_COUNT_ERROR')],
  ['a connect timeout', mysqlError('connect ETIMEDOUT', 'ETIMEDOUT', true)],
  ['a reset connection', mysqlError('read ECONNRESET', 'ECONNRESET', true)],
  ['a closed pool', mysqlError('Pool is closed.')],
  ['a server shutting down', mysqlError('Server shutdown in progress', 'ER_SERVER_SHUTDOWN')],
  [
    'a deadlock lost on every retry',
    mysqlError('Deadlock found when trying to get lock', 'ER_LOCK_DEADLOCK'),
  ],
  [
    'a refusal on every address',
    new AggregateError([mysqlError('connect ECONNREFUSED ::1:3306', 'ECONNREFUSED')]),
  ],
];

for (const [what, error] of outages) {
  for (const [how, thrown] of [
    ['as mysql2 raises it', error],
    ['wrapped by drizzle', wrappedByDrizzle(error)],
  ] as const) {
    test(`${what}, ${how}, is answered 503 with Retry-After and logged`, async () => {
      const { response, logLines } = await answerTo(thrown);
      assert.equal(response.statusCode, 503);
      assert.match(String(response.headers['retry-after']), /^[1-9]\d*$/);
      assert.equal(response.headers['x-error-code'], 'service_unavailable');
      assert.equal(response.json().status, 'error');
      assert.doesNotMatch(
        response.body,
        /ECONN|PROTOCOL|Pool|3306|Deadlock/,
        'no internals reach the client',
      );
      assert.ok(
        logLines().some((line) => line.msg === 'request failed'),
        'the outage is logged',
      );
    });
  }
}

test('the seed envelope of message-only routes is kept for an outage', async () => {
  const { response } = await answerTo(wrappedByDrizzle(mysqlError('Pool is closed.')), {
    errorEnvelope: 'message-only',
  });
  assert.equal(response.statusCode, 503);
  assert.deepEqual(Object.keys(response.json()), ['message']);
});

test('a 503 of our own says when to retry too', async () => {
  const { response } = await answerTo(serviceUnavailable('member is unavailable'));
  assert.equal(response.statusCode, 503);
  assert.ok(Number(response.headers['retry-after']) > 0);
});

test('an error that is not an outage stays a 500', async () => {
  const { response } = await answerTo(
    wrappedByDrizzle(mysqlError("Unknown column 'x'", 'ER_BAD_FIELD_ERROR')),
  );
  assert.equal(response.statusCode, 500);
  assert.equal(response.headers['retry-after'], undefined);
});

import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { createLogger, maskPhone } from '../src/index.ts';

function capture() {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
  });
  return { logger: createLogger({ service: 'test', destination: stream }), lines };
}

test('masks phones and hides codes, tokens and documents at any depth', () => {
  const { logger, lines } = capture();
  logger.info(
    {
      phone: '+380671234567',
      code: '123456',
      member: { iban: 'UA213223130000026007233566001', inn: '1234567890', passport_data: 'AB123456' },
      sms: { message: { to: '+380671234567', refresh_token: 'opaque' } },
    },
    'signed in',
  );
  const [line] = lines;
  assert.equal(line?.phone, '+38067*****67');
  assert.equal(line?.code, '[redacted]');
  assert.deepEqual(line?.member, { iban: '[redacted]', inn: '[redacted]', passport_data: '[redacted]' });
  assert.deepEqual(line?.sms, { message: { to: '+38067*****67', refresh_token: '[redacted]' } });
});

test('reaches into arrays and deep objects, and leaves the logged object as it was', () => {
  const { logger, lines } = capture();
  const fields = { batch: [{ member: { profile: { documents: { passport: 'AB123456', kind: 'id' } } } }] };
  logger.info(fields, 'imported');
  assert.deepEqual(lines[0]?.batch, [
    { member: { profile: { documents: { passport: '[redacted]', kind: 'id' } } } },
  ]);
  assert.equal(fields.batch[0]!.member.profile.documents.passport, 'AB123456');
});

test("a child logger's bindings are redacted too", () => {
  const { logger, lines } = capture();
  logger.child({ phone: '+380671234567', memberId: 7 }).info('asked for a code');
  assert.equal(lines[0]?.phone, '+38067*****67');
  assert.equal(lines[0]?.memberId, 7);
});

test('hides authorization headers of logged requests', () => {
  const { logger, lines } = capture();
  logger.info({ req: { headers: { authorization: 'Bearer abc', 'x-access-token': 'abc', host: 'kasa' } } });
  assert.deepEqual(lines[0]?.req, {
    headers: { authorization: '[redacted]', 'x-access-token': '[redacted]', host: 'kasa' },
  });
});

test('masks a phone to its operator code and last two digits', () => {
  assert.equal(maskPhone('+380501112233'), '+38050*****33');
  assert.equal(maskPhone(undefined), '[redacted]');
});

test("keeps a failed query's values out of a logged error, its message, its stack and its cause", () => {
  const { logger, lines } = capture();
  const driver = Object.assign(new Error('Deadlock found'), {
    sql: "INSERT INTO t VALUES ('+380671234567')",
    code: 'ER_LOCK_DEADLOCK',
  });
  const wrapped = Object.assign(
    new Error('Failed query: insert into `t` values (?)\nparams: +380671234567,secret'),
    {
      params: ['+380671234567', 'secret'],
      cause: driver,
    },
  );
  logger.error({ err: wrapped }, 'query failed');
  const text = JSON.stringify(lines[0]);
  assert.equal(text.includes('380671234567'), false);
  assert.equal(text.includes('secret'), false);
  assert.match(text, /Failed query: insert into `t` values/);
  assert.match(text, /caused by: Error: Deadlock found/);
});

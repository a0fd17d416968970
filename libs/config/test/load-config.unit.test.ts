import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from 'typebox';
import { ConfigError, loadConfig, port } from '../src/index.ts';

const Schema = Type.Object({
  MEMBER_PORT: port(8091),
  MYSQL_URL: Type.String({ pattern: '^mysql://' }),
  LIQPAY_SANDBOX: Type.Boolean({ default: true }),
});

test('converts strings to their declared types and fills defaults', () => {
  const config = loadConfig(Schema, { MYSQL_URL: 'mysql://root@db', LIQPAY_SANDBOX: 'false' });
  assert.deepEqual(config, { MEMBER_PORT: 8091, MYSQL_URL: 'mysql://root@db', LIQPAY_SANDBOX: false });
});

test('names a missing variable', () => {
  assert.throws(
    () => loadConfig(Schema, {}),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual(error.problems, ['MYSQL_URL is required']);
      return true;
    },
  );
});

test('names a variable of the wrong type', () => {
  assert.throws(
    () => loadConfig(Schema, { MYSQL_URL: 'mysql://x', MEMBER_PORT: 'eighty' }),
    (error: unknown) =>
      error instanceof ConfigError && error.problems.some((p) => p.startsWith('MEMBER_PORT ')),
  );
});

test('treats an empty variable as unset', () => {
  const config = loadConfig(Schema, { MYSQL_URL: 'mysql://x', MEMBER_PORT: '' });
  assert.equal(config.MEMBER_PORT, 8091);
});

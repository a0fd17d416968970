import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { ConfigError } from '@kasa/config';
import { parseFileKey } from '../src/index.ts';

test('reads a key written as 64 hex characters or as base64', () => {
  const bytes = randomBytes(32);
  for (const text of [
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    bytes.toString('base64'),
    bytes.toString('base64url'),
    `${bytes.toString('base64')}\n`,
  ]) {
    assert.deepEqual(parseFileKey(text).export(), bytes, text);
  }
});

test('names FILES_KEY, and never quotes it, when the key is not 32 bytes', () => {
  for (const text of [
    '',
    'secret',
    randomBytes(16).toString('hex'),
    randomBytes(31).toString('base64'),
    'z'.repeat(64),
  ]) {
    assert.throws(
      () => parseFileKey(text),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /FILES_KEY/);
        if (text) assert.equal(error.message.includes(text), false);
        return true;
      },
    );
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '@kasa/config';
import { NotificationSettings } from '../src/settings.ts';
import {
  parseAllowedTarget,
  parseAllowedTargets,
  wideOpenMachineTargets,
} from '../src/webhooks/domain/allowed-targets.ts';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_PUBLIC_KEY: '/keys/jwt-public.pem',
  TWILIO_ACCOUNT_SID: `AC${'0123456789abcdef'.repeat(2)}`,
  TWILIO_AUTH_TOKEN: 'token',
  TWILIO_FROM: '+380441234567',
};

const refusedWith = (pattern: RegExp) => (error: unknown) =>
  error instanceof ConfigError && pattern.test(error.message);

test('an allowed target is an address or a range, with an optional port (bracketed after IPv6)', () => {
  const read = (text: string) => {
    const target = parseAllowedTarget(text);
    return target && [target.network, target.prefix, target.port];
  };
  assert.deepEqual(read('10.20.0.0/16'), ['10.20.0.0', 16, null]);
  assert.deepEqual(read('10.20.0.7:8443'), ['10.20.0.7', 32, 8443]);
  assert.deepEqual(read('10.20.0.0/16:443'), ['10.20.0.0', 16, 443]);
  assert.deepEqual(read('127.0.0.1'), ['127.0.0.1', 32, null]);
  assert.deepEqual(read('::1'), ['::1', 128, null]);
  assert.deepEqual(read('[::1]:9000'), ['::1', 128, 9000]);
  assert.deepEqual(read('fd00:1::/32'), ['fd00:1::', 32, null]);
  assert.deepEqual(read('[fd00:1::/32]:443'), ['fd00:1::', 32, 443]);
  for (const unreadable of [
    'localhost',
    'localhost:9000',
    'hooks.example.org',
    '2130706433',
    '0x7f.0.0.1',
    '127.1',
    '10.0.0.0/33',
    '10.0.0.0/8/8',
    '10.0.0.0/x',
    '127.0.0.1:0',
    '127.0.0.1:65536',
    '127.0.0.1:http',
    '[::1]:',
    '[127.0.0.1]:80',
    'http://127.0.0.1:9000',
  ]) {
    assert.equal(parseAllowedTarget(unreadable), null, unreadable);
  }
  assert.equal(parseAllowedTargets(' 10.0.0.0/8 ,, 127.0.0.1:9000 ').targets?.length, 2);
  assert.equal(parseAllowedTargets('10.0.0.0/8,localhost').unreadable, 'localhost');
});

test('a target opens this machine or the metadata range on every port only without a port', () => {
  const wideOpen = (list: string) =>
    wideOpenMachineTargets(parseAllowedTargets(list).targets!).map(({ text }) => text);
  assert.deepEqual(
    wideOpen('127.0.0.0/8,127.0.0.1,::1,0.0.0.0,0.0.0.0/0,::/0,169.254.169.254,fe80::/10,::ffff:7f00:1'),
    [
      '127.0.0.0/8',
      '127.0.0.1',
      '::1',
      '0.0.0.0',
      '0.0.0.0/0',
      '::/0',
      '169.254.169.254',
      'fe80::/10',
      '::ffff:7f00:1',
    ],
  );
  assert.deepEqual(wideOpen('127.0.0.1:9000,[::1]:9000,10.20.0.0/16,fd00::/8,100.64.0.0/10'), []);
});

test('production refuses to start when the allow-list opens every port of this machine', () => {
  assert.throws(
    () =>
      loadConfig(NotificationSettings, {
        ...PRODUCTION,
        WEBHOOK_ALLOWED_TARGETS: '10.20.0.0/16,127.0.0.0/8',
      }),
    refusedWith(
      /WEBHOOK_ALLOWED_TARGETS: 127\.0\.0\.0\/8 would let webhooks reach every port of this machine/,
    ),
  );
  const settings = loadConfig(NotificationSettings, {
    ...PRODUCTION,
    WEBHOOK_ALLOWED_TARGETS: '10.20.0.0/16,127.0.0.1:9000',
  });
  assert.equal(settings.WEBHOOK_ALLOWED_TARGETS, '10.20.0.0/16,127.0.0.1:9000');
  // Outside production a developer may open the whole loopback range on purpose.
  assert.equal(
    loadConfig(NotificationSettings, { WEBHOOK_ALLOWED_TARGETS: '127.0.0.1' }).NODE_ENV,
    'development',
  );
});

test('an unreadable target, or the old variable, stops the service with a message that names it', () => {
  assert.throws(
    () => loadConfig(NotificationSettings, { WEBHOOK_ALLOWED_TARGETS: 'localhost:9000' }),
    refusedWith(/WEBHOOK_ALLOWED_TARGETS: localhost:9000 is not an address or range/),
  );
  assert.throws(
    () => loadConfig(NotificationSettings, { WEBHOOK_ALLOWED_PRIVATE_RANGES: '10.20.0.0/16' }),
    refusedWith(/WEBHOOK_ALLOWED_PRIVATE_RANGES is now WEBHOOK_ALLOWED_TARGETS/),
  );
  assert.equal(loadConfig(NotificationSettings, {}).WEBHOOK_ALLOWED_TARGETS, '');
});

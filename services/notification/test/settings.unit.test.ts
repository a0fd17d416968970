import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '@kasa/config';
import { NotificationSettings } from '../src/settings.ts';

const SID = `AC${'0123456789abcdef'.repeat(2)}`;

test('without any Twilio variable outside production: the log driver, with Twilio’s address and a 10 s timeout', () => {
  const settings = loadConfig(NotificationSettings, {});
  assert.equal(settings.TWILIO_ACCOUNT_SID, undefined);
  assert.equal(settings.TWILIO_API_URL, 'https://api.twilio.com');
  assert.equal(settings.SMS_TIMEOUT_MS, 10_000);
});

test('an account SID without the token and the sender number is a configuration error that names them', () => {
  assert.throws(
    () => loadConfig(NotificationSettings, { TWILIO_ACCOUNT_SID: SID }),
    (error: unknown) =>
      error instanceof ConfigError && /TWILIO_AUTH_TOKEN and TWILIO_FROM are required/.test(error.message),
  );
});

test('a SID that is not an account SID is refused by name', () => {
  assert.throws(
    () =>
      loadConfig(NotificationSettings, {
        TWILIO_ACCOUNT_SID: 'SK123',
        TWILIO_AUTH_TOKEN: 'token',
        TWILIO_FROM: '+380441234567',
      }),
    (error: unknown) => error instanceof ConfigError && /TWILIO_ACCOUNT_SID/.test(error.message),
  );
});

test('a complete Twilio configuration is accepted in production', () => {
  const settings = loadConfig(NotificationSettings, {
    NODE_ENV: 'production',
    JWT_PUBLIC_KEY: '/keys/jwt-public.pem',
    TWILIO_ACCOUNT_SID: SID,
    TWILIO_AUTH_TOKEN: 'token',
    TWILIO_FROM: '+380441234567',
    SMS_TIMEOUT_MS: '5000',
  });
  assert.equal(settings.SMS_TIMEOUT_MS, 5_000);
});

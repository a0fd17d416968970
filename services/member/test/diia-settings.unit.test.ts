import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CommonConfig, ConfigError, loadConfig } from '@kasa/config';
import { Type } from 'typebox';
import {
  DiiaSettings,
  DiiaVariables,
  diiaReturnLink,
  isDiiaConfigured,
  refineDiiaSettings,
} from '../src/diia/diia-settings.ts';

const refused = (env: NodeJS.ProcessEnv, pattern: RegExp) =>
  assert.throws(
    () => loadConfig(DiiaSettings, env),
    (error: unknown) => error instanceof ConfigError && pattern.test(error.message),
  );

test('without any Diia variable: Diia’s test host, a 10 s timeout, and Diia not configured', () => {
  const settings = loadConfig(DiiaSettings, {});
  assert.equal(settings.DIIA_API_URL, 'https://api2s.diia.gov.ua');
  assert.equal(settings.DIIA_TIMEOUT_MS, 10_000);
  assert.equal(isDiiaConfigured(settings), false);
});

test('an acquirer token and a branch make Diia configured', () => {
  const settings = loadConfig(DiiaSettings, {
    DIIA_ACQUIRER_TOKEN: 'kasa_test_token',
    DIIA_BRANCH_ID: 'abc123',
  });
  assert.equal(isDiiaConfigured(settings), true);
});

test('an acquirer token without a branch is a configuration error that names the branch', () => {
  refused(
    { DIIA_ACQUIRER_TOKEN: 'kasa_test_token' },
    /DIIA_BRANCH_ID is required when DIIA_ACQUIRER_TOKEN is set/,
  );
});

test('a branch id that could change the URL path is refused', () => {
  refused({ DIIA_ACQUIRER_TOKEN: 't', DIIA_BRANCH_ID: '../auth' }, /DIIA_BRANCH_ID/);
});

test('the test decryptor is accepted outside production and refused in it', () => {
  assert.equal(loadConfig(DiiaSettings, { DIIA_DECRYPTOR: 'test' }).DIIA_DECRYPTOR, 'test');
  refused({ NODE_ENV: 'production', DIIA_DECRYPTOR: 'test' }, /DIIA_DECRYPTOR=test is refused/);
  assert.equal(
    loadConfig(DiiaSettings, { NODE_ENV: 'production', DIIA_DECRYPTOR: 'http://10.0.0.5:8095/unwrap' })
      .DIIA_DECRYPTOR,
    'http://10.0.0.5:8095/unwrap',
  );
});

test('a decryptor that is neither `test` nor a URL is refused by name', () => {
  refused({ DIIA_DECRYPTOR: 'eusign' }, /DIIA_DECRYPTOR/);
});

test('the return link is DIIA_RETURN_LINK, else the public address’s /diia/', () => {
  assert.equal(diiaReturnLink({}, 'https://kasa.example.org/'), 'https://kasa.example.org/diia/');
  assert.equal(
    diiaReturnLink({ DIIA_RETURN_LINK: 'https://app.example.org/diia/back' }, 'https://kasa.example.org'),
    'https://app.example.org/diia/back',
  );
});

test('a service that spreads the variables into its own settings keeps the rules', () => {
  const MemberLike = refineDiiaSettings(
    Type.Object({ NODE_ENV: CommonConfig.NODE_ENV, OTHER: Type.String({ default: 'x' }), ...DiiaVariables }),
  );
  assert.throws(() => loadConfig(MemberLike, { DIIA_ACQUIRER_TOKEN: 't' }), ConfigError);
  assert.equal(loadConfig(MemberLike, {}).OTHER, 'x');
});

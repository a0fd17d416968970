import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isUnavailable, PermanentError } from '@kasa/messaging';
import { type FakeTwilio, freePort, startFakeTwilio } from '@kasa/testing';
import { SmsProviderError } from '../src/sms/sms-sender.ts';
import { TwilioSmsSender } from '../src/sms/twilio-sms-sender.ts';

const FROM = '+380441234567';
let twilio: FakeTwilio;
before(async () => {
  twilio = await startFakeTwilio();
});
after(() => twilio.close());

const sender = (overrides: Partial<ConstructorParameters<typeof TwilioSmsSender>[0]> = {}) =>
  new TwilioSmsSender({
    accountSid: twilio.accountSid,
    authToken: twilio.authToken,
    from: FROM,
    apiUrl: twilio.url,
    timeoutMs: 2_000,
    ...overrides,
  });

test('sends through the real SDK with basic auth and the form fields Twilio expects', async () => {
  const { sid } = await sender().send('+380671112233', 'Привіт');
  const message = twilio.messages.find((candidate) => candidate.sid === sid);
  assert.deepEqual(
    { to: message?.to, from: message?.from, body: message?.body },
    { to: '+380671112233', from: FROM, body: 'Привіт' },
  );
});

test('finds a text already accepted for the same number and body, and nothing for another body', async () => {
  const since = new Date();
  const { sid } = await sender().send('+380672223344', 'Код 111111');
  await sender().send('+380672223344', 'Код 222222');
  assert.equal(await sender().findSent('+380672223344', 'Код 111111', since), sid);
  assert.equal(await sender().findSent('+380672223344', 'Код 333333', since), null);
  assert.equal(await sender().findSent('+380679999999', 'Код 111111', since), null);
});

test('finds a text still queued at the carrier, which has no date sent yet', async () => {
  const slowCarrier = await startFakeTwilio({ carrierDelayMs: 60_000 });
  try {
    const queued = new TwilioSmsSender({
      accountSid: slowCarrier.accountSid,
      authToken: slowCarrier.authToken,
      from: FROM,
      apiUrl: slowCarrier.url,
      timeoutMs: 2_000,
    });
    const since = new Date();
    const { sid } = await queued.send('+380673334455', 'Код 444444');
    assert.equal(slowCarrier.messages[0]?.dateSent, null);
    assert.equal(await queued.findSent('+380673334455', 'Код 444444', since), sid);
  } finally {
    await slowCarrier.close();
  }
});

test('a text of the same body sent long before is not taken for this one', async () => {
  const { sid } = await sender().send('+380674445566', 'Код 555555');
  assert.equal(
    await sender().findSent('+380674445566', 'Код 555555', new Date(Date.now() + 10 * 60_000)),
    null,
  );
  assert.equal(await sender().findSent('+380674445566', 'Код 555555', new Date(Date.now() - 60_000)), sid);
});

test('a wrong token is Twilio 401 (code 20003): permanent', async () => {
  await assert.rejects(sender({ authToken: 'wrong' }).send('+380671112233', 'x'), (error: unknown) => {
    assert.ok(error instanceof PermanentError);
    assert.match(error.message, /^Twilio answered 401 \(code 20003\)/);
    return true;
  });
});

test('rate limiting (429) is retryable', async () => {
  twilio.failNext(1, 429, 20429);
  await assert.rejects(sender().send('+380671112233', 'x'), (error: unknown) => {
    assert.ok(error instanceof SmsProviderError);
    assert.match(error.message, /^Twilio answered 429 \(code 20429\)/);
    return true;
  });
});

test('an answer slower than the timeout is retryable, and the text it carried was still accepted', async () => {
  twilio.delayNext(1, 1_000);
  const before = twilio.messages.length;
  await assert.rejects(sender({ timeoutMs: 200 }).send('+380673334455', 'x'), (error: unknown) => {
    assert.ok(error instanceof SmsProviderError);
    assert.match(error.message, /timeout of 200ms exceeded/);
    return true;
  });
  assert.equal(twilio.messages.length, before + 1);
});

test('an unreachable Twilio is retryable and never mistaken for a database outage', async () => {
  const closedPort = await freePort();
  await assert.rejects(
    sender({ apiUrl: `http://127.0.0.1:${closedPort}` }).send('+380671112233', 'x'),
    (error: unknown) => {
      assert.ok(error instanceof SmsProviderError);
      assert.match(error.message, /ECONNREFUSED/);
      assert.equal(isUnavailable(error), false);
      return true;
    },
  );
});

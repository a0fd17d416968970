import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUnavailable, PermanentError } from '@kasa/messaging';
import twilio from 'twilio';
import { SmsProviderError } from '../src/sms/sms-sender.ts';
import { classifyTwilioError, scrubPhones } from '../src/sms/twilio-sms-sender.ts';

const restException = (status: number, code: number, message: string) =>
  new twilio.RestException({
    statusCode: status,
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
  });

test('an invalid number (400, code 21211) is permanent, with the number masked', () => {
  const error = classifyTwilioError(
    restException(400, 21211, "The 'To' number +380671234567 is not a valid phone number."),
  );
  assert.ok(error instanceof PermanentError);
  assert.equal(
    error.message,
    "Twilio answered 400 (code 21211): The 'To' number +38067*****67 is not a valid phone number.",
  );
});

test('other client errors (401, 403, 404) are permanent', () => {
  for (const status of [401, 403, 404]) {
    assert.ok(classifyTwilioError(restException(status, 20003, 'no')) instanceof PermanentError, `${status}`);
  }
});

test('rate limiting (429) and server errors (5xx) are retryable', () => {
  for (const status of [429, 500, 502, 503]) {
    const error = classifyTwilioError(restException(status, 20500, 'busy'));
    assert.ok(error instanceof SmsProviderError, `${status}`);
    assert.equal(error instanceof PermanentError, false);
  }
});

test('an answer in RFC 9457 form is classified by its status as well', () => {
  const problem = Object.assign(new Error('Unprocessable'), { status: 422, code: 60200 });
  assert.ok(classifyTwilioError(problem) instanceof PermanentError);
});

test('network failures and timeouts are retryable and never look like a database outage', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
  const timeout = Object.assign(new Error('timeout of 10000ms exceeded'), { code: 'ECONNABORTED' });
  for (const cause of [refused, timeout]) {
    const error = classifyTwilioError(cause);
    assert.ok(error instanceof SmsProviderError);
    assert.match(error.message, /^Twilio could not be reached: /);
    assert.equal(isUnavailable(cause), cause === refused, 'the raw error would stall the bus');
    assert.equal(isUnavailable(error), false);
  }
});

test('phone numbers are masked in provider messages, other numbers left alone', () => {
  assert.equal(scrubPhones('number +380671234567 and code 21211'), 'number +38067*****67 and code 21211');
});

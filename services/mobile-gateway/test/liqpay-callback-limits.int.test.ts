import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { LIQPAY_CALLBACK_LIMITS, SeedStatusError } from '@kasa/contracts';
import { assertSeedShape } from '@kasa/testing';
import { wholeKasa } from './support/whole-kasa.ts';

/**
 * LiqPay's public callback (issue 18): one size limit from the gateway's form to the payment
 * service's column. A callback over it, not the form, or not signed is a 4xx with the route's
 * error body (`{status, message}`, as the seed's 404), never a 500; it is counted for staff,
 * who read the counts on the admin site, and never kept.
 */
const { kasa, admin } = wholeKasa();

const CALLBACK = '/user/payments/liqpay-callback';

/** A form posted to the callback as LiqPay posts it. */
async function postForm(form: Record<string, string>) {
  const response = await fetch(`${kasa().mobileUrl}${CALLBACK}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body = await response.json();
  assertSeedShape(SeedStatusError, body, `POST ${CALLBACK} ${response.status}`);
  return { status: response.status, body };
}

const forgedSignature = () => randomBytes(20).toString('base64');

/** Refused callbacks staff see, summed over the days shown, by reason. */
async function refusedCounts(): Promise<Record<string, number>> {
  const answer = await admin('GET', '/payments/rejected-callbacks');
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body.status, 'success');
  const counts: Record<string, number> = { bad_signature: 0, oversized: 0, malformed: 0 };
  for (const day of answer.body.data as { reason: string; count: number }[]) counts[day.reason]! += day.count;
  return counts;
}

test('a 65,536-character data is 413 with the route’s error body, counted for staff as oversized', async () => {
  const before = await refusedCounts();
  const answer = await postForm({ data: 'A'.repeat(65_536), signature: forgedSignature() });
  assert.equal(answer.status, 413);
  assert.deepEqual(answer.body, { status: 'error', message: 'Request body is too large' });
  const just = await postForm({ data: 'A'.repeat(LIQPAY_CALLBACK_LIMITS.dataChars + 1), signature: 'x' });
  assert.equal(just.status, 400);
  assert.deepEqual(just.body, {
    status: 'error',
    message: `Field 'data' must be at most ${LIQPAY_CALLBACK_LIMITS.dataChars} characters long`,
  });
  assert.deepEqual(await refusedCounts(), { ...before, oversized: before.oversized! + 2 });
});

test('40,000 Cyrillic characters are 413; Cyrillic within the size is 400, not base64; both counted', async () => {
  const before = await refusedCounts();
  const huge = await postForm({ data: 'Ж'.repeat(40_000), signature: forgedSignature() });
  assert.equal(huge.status, 413);
  assert.deepEqual(huge.body, { status: 'error', message: 'Request body is too large' });
  const small = await postForm({ data: 'Ж'.repeat(1_000), signature: forgedSignature() });
  assert.equal(small.status, 400);
  assert.deepEqual(small.body, { status: 'error', message: "Field 'data' has an invalid format" });
  assert.deepEqual(await refusedCounts(), {
    ...before,
    oversized: before.oversized! + 1,
    malformed: before.malformed! + 1,
  });
});

test('a bad signature sent 300 times is 400 each time with the route’s error body, and counted', async () => {
  const before = await refusedCounts();
  const data = Buffer.from(
    JSON.stringify({ order_id: 'x', status: 'success', pad: 'Ж'.repeat(4_000) }),
  ).toString('base64');
  for (let round = 0; round < 6; round += 1) {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => postForm({ data, signature: forgedSignature() })),
    );
    for (const answer of answers) {
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.body, {
        status: 'error',
        message: 'The callback is not signed with the fund’s key',
      });
    }
  }
  assert.deepEqual(await refusedCounts(), { ...before, bad_signature: before.bad_signature! + 300 });
});

test('a signed callback as large as the form allows goes through to the payment service', async () => {
  const liqpay = kasa().liqpay!;
  const params = {
    version: 3,
    public_key: liqpay.publicKey,
    action: 'pay',
    status: 'success',
    order_id: 'nobody',
    pad: '',
  };
  params.pad = 'x'.repeat((LIQPAY_CALLBACK_LIMITS.dataChars / 4) * 3 - JSON.stringify(params).length);
  const form = Object.fromEntries(new URLSearchParams(liqpay.callbackBody(params)));
  assert.equal(form.data!.length, LIQPAY_CALLBACK_LIMITS.dataChars);
  const answer = await postForm(form);
  assert.equal(answer.status, 404, 'read, verified and kept: only the order is unknown');
  assert.deepEqual(answer.body, { status: 'error', message: 'Платіж не знайдено' });
});

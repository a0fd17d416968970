import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { LIQPAY_CALLBACK_LIMITS, LIQPAY_CALLBACK_REJECTIONS } from '@kasa/contracts';
import { signed } from '../src/liqpay/liqpay-protocol.ts';
import { type PaymentUnderTest, startPayment } from './support/payment-under-test.ts';

/**
 * LiqPay's callback form has one limit from the gateway to the column (issue 18): what passes
 * it is kept whole when signed; anything else is a 4xx, counted per day and reason, and never
 * kept, however many are sent.
 */
let kasa: PaymentUnderTest;
before(async () => {
  kasa = await startPayment();
});
after(() => kasa?.close());

const post = (payload: object) =>
  kasa.service.app.inject({ method: 'POST', url: '/liqpay/callbacks', payload });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** A signature of the right form that is not the fund's. */
const forgedSignature = () => randomBytes(20).toString('base64');

const countOf = async (reason: string) => {
  const [row] = await kasa.query<{ n: string | null }>(
    'SELECT SUM(`count`) AS n FROM liqpay_callback_rejections WHERE reason = ?',
    [reason],
  );
  return Number(row?.n ?? 0);
};
const lastOf = async (reason: string) => {
  const [row] = await kasa.query<{ last_data_length: number | null; last_data_sha256: string | null }>(
    'SELECT last_data_length, last_data_sha256 FROM liqpay_callback_rejections WHERE reason = ? ORDER BY day DESC LIMIT 1',
    [reason],
  );
  return row;
};
const keptCallbacks = async () =>
  Number((await kasa.query<{ n: number }>('SELECT COUNT(*) AS n FROM liqpay_callbacks'))[0]!.n);

/** LiqPay's report on an order nobody made, padded so that its `data` is exactly `chars` long. */
function signedOfLength(chars: number) {
  const params = { version: 3, action: 'pay', status: 'success', order_id: 'kasa-limits', padding: '' };
  // base64 is 4 characters for every 3 bytes: this many bytes of JSON make `chars` characters.
  const bytes = (chars / 4) * 3;
  params.padding = 'x'.repeat(bytes - JSON.stringify(params).length);
  const callback = signed(params, kasa.liqpay.privateKey);
  assert.equal(callback.data.length, chars);
  return callback;
}

test('a 65,536-character data is refused with 413 before it is read, counted as oversized, not kept', async () => {
  const [counted, kept] = [await countOf('oversized'), await keptCallbacks()];
  const answer = await post({ data: 'A'.repeat(65_536), signature: forgedSignature() });
  assert.equal(answer.statusCode, 413);
  assert.deepEqual(answer.json(), { status: 'error', message: 'Request body is too large' });
  assert.equal(await countOf('oversized'), counted + 1);
  assert.equal(await keptCallbacks(), kept);
});

test('40,000 Cyrillic characters are refused with 413, counted, not kept; fewer are not base64 (400)', async () => {
  const [oversized, malformed, kept] = [
    await countOf('oversized'),
    await countOf('malformed'),
    await keptCallbacks(),
  ];
  const huge = await post({ data: 'Ж'.repeat(40_000), signature: forgedSignature() });
  assert.equal(huge.statusCode, 413);
  assert.deepEqual(huge.json(), { status: 'error', message: 'Request body is too large' });
  const small = await post({ data: 'Ж'.repeat(1_000), signature: forgedSignature() });
  assert.equal(small.statusCode, 400);
  assert.deepEqual(small.json(), { status: 'error', message: "Field 'data' has an invalid format" });
  assert.equal(await countOf('oversized'), oversized + 1);
  assert.equal(await countOf('malformed'), malformed + 1);
  assert.deepEqual(await lastOf('malformed'), {
    last_data_length: 1_000,
    last_data_sha256: sha256('Ж'.repeat(1_000)),
  });
  assert.equal(await keptCallbacks(), kept);
});

test('one character over a limit is 400 naming the field; its size and hash are counted', async () => {
  const data = 'A'.repeat(LIQPAY_CALLBACK_LIMITS.dataChars + 1);
  const longData = await post({ data, signature: forgedSignature() });
  assert.equal(longData.statusCode, 400);
  assert.deepEqual(longData.json(), {
    status: 'error',
    message: `Field 'data' must be at most ${LIQPAY_CALLBACK_LIMITS.dataChars} characters long`,
  });
  assert.deepEqual(await lastOf('oversized'), {
    last_data_length: data.length,
    last_data_sha256: sha256(data),
  });

  const { data: valid } = signedOfLength(256);
  const longSignature = await post({
    data: valid,
    signature: 'A'.repeat(LIQPAY_CALLBACK_LIMITS.signatureChars + 1),
  });
  assert.equal(longSignature.statusCode, 400);
  assert.match(longSignature.json().message, /^Field 'signature' must be at most 44 characters long$/);
});

test('a signed callback as large as the form allows is kept whole', async () => {
  const callback = signedOfLength(LIQPAY_CALLBACK_LIMITS.dataChars);
  const answer = await post(callback);
  assert.equal(answer.statusCode, 200, answer.body);
  assert.equal(answer.json().result, 'unknown_order');
  const [kept] = await kasa.query<{ length: number }>(
    'SELECT CHAR_LENGTH(data) AS length FROM liqpay_callbacks WHERE data = ?',
    [callback.data],
  );
  assert.equal(kept?.length, LIQPAY_CALLBACK_LIMITS.dataChars);
});

test('a bad signature sent 600 times is 400 each time and adds one row for the day, nothing kept', async () => {
  const [counted, kept] = [await countOf('bad_signature'), await keptCallbacks()];
  const { data } = signedOfLength(LIQPAY_CALLBACK_LIMITS.dataChars);
  for (let round = 0; round < 12; round += 1) {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => post({ data, signature: forgedSignature() })),
    );
    for (const answer of answers) {
      assert.equal(answer.statusCode, 400);
      assert.deepEqual(answer.json(), {
        status: 'error',
        message: 'The callback is not signed with the fund’s key',
      });
    }
  }
  assert.equal(await countOf('bad_signature'), counted + 600);
  assert.equal(await keptCallbacks(), kept, 'none of them kept');
  const rows = await kasa.query<{ day: string }>('SELECT day FROM liqpay_callback_rejections');
  // One row per day and reason, whatever was sent (two days if the test ran over midnight).
  assert.ok(rows.length <= 2 * LIQPAY_CALLBACK_REJECTIONS.length, `${rows.length} rows`);
});

test('staff read the counts per day and reason; a member token is refused', async () => {
  const answer = await kasa.service.app.inject({
    method: 'GET',
    url: '/staff/liqpay/callback-rejections',
    headers: { authorization: kasa.staffAuth(7) },
  });
  assert.equal(answer.statusCode, 200, answer.body);
  const days = answer.json() as { reason: string; count: number; last_data_sha256: string | null }[];
  for (const reason of LIQPAY_CALLBACK_REJECTIONS) {
    assert.equal(
      days.filter((day) => day.reason === reason).reduce((sum, day) => sum + day.count, 0),
      await countOf(reason),
      reason,
    );
  }
  const member = await kasa.service.app.inject({
    method: 'GET',
    url: '/staff/liqpay/callback-rejections',
    headers: { authorization: kasa.memberAuth(7) },
  });
  assert.equal(member.statusCode, 401);
});

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { hasValidSignature, paramsOf, signatureOf, signed } from '../src/liqpay/liqpay-protocol.ts';

const PRIVATE_KEY = 'test-private-key-not-a-real-one';

test('data is base64 of the JSON, signed with base64 of sha1(private key + data + private key)', () => {
  const params = {
    version: 3,
    action: 'pay',
    amount: 150.5,
    currency: 'UAH',
    order_id: 'k-1',
    description: 'Внесок',
  };
  const { data, signature } = signed(params, PRIVATE_KEY);
  assert.deepEqual(JSON.parse(Buffer.from(data, 'base64').toString('utf8')), params);
  const expected = createHash('sha1')
    .update(Buffer.from(PRIVATE_KEY + data + PRIVATE_KEY, 'utf8'))
    .digest()
    .toString('base64');
  assert.equal(signature, expected);
  assert.equal(signatureOf(data, PRIVATE_KEY), expected);
  assert.deepEqual(paramsOf(data), params);
});

test('a signature is accepted only for its data under the right key', () => {
  const message = signed({ order_id: 'k-2', status: 'success' }, PRIVATE_KEY);
  assert.equal(hasValidSignature(message, PRIVATE_KEY), true);
  assert.equal(hasValidSignature(message, `${PRIVATE_KEY}x`), false, 'another key');
  const other = signed({ order_id: 'k-2', status: 'failure' }, PRIVATE_KEY);
  assert.equal(hasValidSignature({ data: other.data, signature: message.signature }, PRIVATE_KEY), false);
  for (const signature of [
    '',
    'not base64 at all',
    message.signature.slice(0, 10),
    `${message.signature}AAAA`,
  ]) {
    assert.equal(hasValidSignature({ data: message.data, signature }, PRIVATE_KEY), false, signature);
  }
});

test('data that is no base64 of a JSON object has no parameters', () => {
  for (const data of [
    '',
    '%%%',
    Buffer.from('[1,2]').toString('base64'),
    Buffer.from('"text"').toString('base64'),
  ]) {
    assert.equal(paramsOf(data), null, data);
  }
});

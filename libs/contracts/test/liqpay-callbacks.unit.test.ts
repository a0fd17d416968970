import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formRejectionOf, LIQPAY_CALLBACK_FORM_MAX_BYTES, LIQPAY_CALLBACK_LIMITS } from '../src/index.ts';

const invalid = { validation: [{ keyword: 'any' }] };

test('a body too large to read is oversized; so is a field over its limit', () => {
  assert.equal(formRejectionOf({ code: 'FST_ERR_CTP_BODY_TOO_LARGE' }, undefined), 'oversized');
  const data = 'A'.repeat(LIQPAY_CALLBACK_LIMITS.dataChars + 1);
  assert.equal(formRejectionOf(invalid, { data, signature: 'x' }), 'oversized');
  const signature = 'A'.repeat(LIQPAY_CALLBACK_LIMITS.signatureChars + 1);
  assert.equal(formRejectionOf(invalid, { data: 'eyJ9', signature }), 'oversized');
});

test('anything else the form refuses is malformed; other errors are no refusal of the form', () => {
  assert.equal(formRejectionOf(invalid, { data: 'Жовтень', signature: 'x' }), 'malformed');
  assert.equal(formRejectionOf(invalid, { data: ['a', 'b'] }), 'malformed');
  assert.equal(formRejectionOf({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }, undefined), 'malformed');
  assert.equal(formRejectionOf({ code: 'invalid_signature' }, { data: 'eyJ9', signature: 'x' }), null);
  assert.equal(formRejectionOf({}, undefined), null);
});

test('the largest valid form, urlencoded, is within the body limit', () => {
  const worst = new URLSearchParams({
    data: '+'.repeat(LIQPAY_CALLBACK_LIMITS.dataChars),
    signature: '/'.repeat(LIQPAY_CALLBACK_LIMITS.signatureChars),
  }).toString();
  assert.ok(Buffer.byteLength(worst) <= LIQPAY_CALLBACK_FORM_MAX_BYTES, `${Buffer.byteLength(worst)}`);
});

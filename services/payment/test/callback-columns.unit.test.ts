import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LIQPAY_CALLBACK_LIMITS, LiqPayCallbackForm } from '@kasa/contracts';
import { textFits } from '@kasa/db';
import { liqpayCallbacks } from '../src/db/schema.ts';

/**
 * The callback form's limits (one declaration, in @kasa/contracts, read by the gateway and the
 * service) against the columns that keep what passes them: issue 18's 500 was a form that let
 * through more than `liqpay_callbacks.data` holds.
 */
const { data, signature } = LiqPayCallbackForm.properties;
/** A field's JSON schema keywords (TypeBox's types do not declare them). */
const keywords = (field: object) => field as { maxLength?: number; pattern?: string };

test('the form admits base64 only: ASCII, a byte a character', () => {
  for (const field of [data, signature]) {
    const base64 = new RegExp(keywords(field).pattern!, 'u');
    assert.ok(base64.test('eyJhIjoxfQ=='));
    assert.ok(!base64.test('Жовтень'), 'Cyrillic is not base64');
    assert.ok(!base64.test('eyJh IjoxfQ=='), 'nor are spaces');
  }
});

test('whatever the form lets through, liqpay_callbacks keeps whole', () => {
  assert.equal(keywords(data).maxLength, LIQPAY_CALLBACK_LIMITS.dataChars);
  assert.equal(keywords(signature).maxLength, LIQPAY_CALLBACK_LIMITS.signatureChars);
  assert.ok(textFits(data, liqpayCallbacks.data, { ascii: true }));
  assert.ok(textFits(signature, liqpayCallbacks.signature, { ascii: true }));
});

test('the limit it replaced did not fit: 65,536 characters in a 65,535-byte column', () => {
  assert.ok(!textFits({ maxLength: 65_536 }, liqpayCallbacks.data, { ascii: true }));
});

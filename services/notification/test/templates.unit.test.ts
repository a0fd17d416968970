import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SMS_TEXTS, smsText } from '../src/sms/templates.ts';

test('the sign-in text carries the code in Ukrainian', () => {
  assert.equal(
    smsText('sign_code', { code: '123456' }),
    'Код для входу в Kasa: 123456. Нікому його не повідомляйте.',
  );
});

test('the same code always gives the same text, so a retry can recognise what was sent', () => {
  assert.equal(smsText('sign_code', { code: '000042' }), smsText('sign_code', { code: '000042' }));
});

test('every text fits one Cyrillic (UCS-2) SMS segment of 70 characters', () => {
  for (const [kind, text] of Object.entries(SMS_TEXTS)) {
    const longest = text({ code: '999999' });
    assert.ok([...longest].length <= 70, `${kind} is ${[...longest].length} characters`);
  }
});

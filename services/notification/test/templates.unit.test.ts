import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SMS_TEXTS, type SmsKind, smsText } from '../src/sms/templates.ts';
import { hryvniaText } from '../src/texts/ukrainian.ts';

test('the sign-in text carries the code in Ukrainian', () => {
  assert.equal(
    smsText('sign_code', { code: '123456' }),
    'Код для входу в Kasa: 123456. Нікому його не повідомляйте.',
  );
});

test('a code for a new phone says it changes the number, not that it signs in', () => {
  assert.equal(
    smsText('phone_change_code', { code: '123456' }),
    'Код для зміни номера в Kasa: 123456. Нікому його не повідомляйте.',
  );
});

test('the same values always give the same text, so a retry can recognise what was sent', () => {
  assert.equal(smsText('sign_code', { code: '000042' }), smsText('sign_code', { code: '000042' }));
  assert.equal(
    smsText('payout_recorded', { requestId: 7, amount: 150050 }),
    smsText('payout_recorded', { requestId: 7, amount: 150050 }),
  );
});

test('news texts say what happened, with amounts and days as the app shows them', () => {
  assert.equal(
    smsText('payout_recorded', { requestId: 42, amount: 150050 }),
    'За зверненням №42 вам виплачено 1 500,50 грн.',
  );
  assert.equal(
    smsText('membership_extended', { paidUntil: '2026-12-24' }),
    'Внесок отримано. Членство в Kasa сплачено до 24.12.2026.',
  );
  assert.equal(
    smsText('membership_reminder', { paidUntil: '2027-01-05' }),
    'Членство в Kasa сплачено до 05.01.2027. Поповніть внесок.',
  );
});

test('amounts: grouped by a plain space, kopiyky only when there are some', () => {
  assert.equal(hryvniaText(0), '0');
  assert.equal(hryvniaText(5), '0,05');
  assert.equal(hryvniaText(30000), '300');
  assert.equal(hryvniaText(123456789), '1 234 567,89');
  assert.equal(hryvniaText(-50), '-0,50');
});

/** The longest values each text can carry. */
const LONGEST: { [K in SmsKind]: Parameters<(typeof SMS_TEXTS)[K]>[0] } = {
  sign_code: { code: '999999' },
  phone_change_code: { code: '999999' },
  request_answered: { requestId: 4_294_967_295 },
  request_closed: { requestId: 4_294_967_295 },
  payout_recorded: { requestId: 99_999_999, amount: 99_999_999_99 },
  membership_extended: { paidUntil: '2099-12-31' },
  membership_reminder: { paidUntil: '2099-12-31' },
};

test('every text fits one Cyrillic (UCS-2) SMS segment of 70 characters', () => {
  for (const kind of Object.keys(SMS_TEXTS) as SmsKind[]) {
    const longest = smsText(kind, LONGEST[kind] as never);
    assert.ok([...longest].length <= 70, `${kind} is ${[...longest].length} characters: ${longest}`);
  }
});

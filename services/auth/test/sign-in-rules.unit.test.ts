import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { checkPhone } from '../src/domain/phone.ts';
import { decideSend, type SendLimits } from '../src/domain/send-limits.ts';
import { generateSignCode, hashSignCode, signCodeMatches } from '../src/domain/sign-code.ts';
import { checkSignRequest, codeOpens } from '../src/domain/sign-in.ts';

const limits: SendLimits = {
  cooldownSeconds: 60,
  perPhonePerTenMinutes: 5,
  perPhonePerDay: 10,
  perAddressPerHour: 20,
};
const now = new Date('2026-11-23T12:00:00Z');
const minutesAgo = (...minutes: number[]) => minutes.map((m) => new Date(now.getTime() - m * 60_000));

test('a Ukrainian number is + and 12 digits; spaces and dashes are forgiven', () => {
  assert.deepEqual(checkPhone('+380 67 123-45-67', ['380']), { ok: true, phone: '+380671234567' });
  assert.equal(checkPhone('+38067123456', ['380']).ok, false);
  assert.equal(checkPhone('+48123456789', ['380']).ok, false);
  assert.equal(checkPhone('+48123456789', ['380', '48']).ok, true);
});

test('a Ukrainian number must be a mobile one: +380, an operator code and 7 digits', () => {
  for (const phone of ['+380391234567', '+380501234567', '+380631234567', '+380731234567', '+380991234567'])
    assert.deepEqual(checkPhone(phone, ['380']), { ok: true, phone });
  for (const phone of ['+380000000000', '+380441234567', '+380321234567', '+380801234567']) {
    const check = checkPhone(phone, ['380']);
    assert.equal(check.ok, false, phone);
    assert.match(check.ok ? '' : check.message, /mobile/);
  }
});

test('the first code is sent at once', () => {
  assert.deepEqual(decideSend({ phone: [], address: [] }, limits, now), { allowed: true });
});

test('the cooldown tells how many seconds are left', () => {
  const decision = decideSend({ phone: [new Date(now.getTime() - 15_000)], address: [] }, limits, now);
  assert.deepEqual(decision, {
    allowed: false,
    retryAfterSeconds: 45,
    reason: 'Please wait before asking for a new code',
  });
});

test('a code that was used ends its cooldown (a proven phone change, then a sign-in); the caps still count it', () => {
  const justNow = new Date(now.getTime() - 15_000);
  assert.deepEqual(decideSend({ phone: [justNow], address: [], newestUsed: true }, limits, now), {
    allowed: true,
  });
  const capped = decideSend(
    { phone: minutesAgo(1, 2, 3, 4, 5), address: [], newestUsed: true },
    { ...limits, perPhonePerTenMinutes: 5 },
    now,
  );
  assert.equal(capped.allowed, false);
});

test('the longest of several waits wins', () => {
  const decision = decideSend(
    { phone: minutesAgo(60, 70, 80, 90, 100, 110, 120, 130, 140, 150), address: [] },
    limits,
    now,
  );
  assert.equal(decision.allowed, false);
  assert.equal(!decision.allowed && decision.retryAfterSeconds, (24 * 60 - 150) * 60);
});

test('caps count a rolling window, not the calendar day', () => {
  assert.deepEqual(decideSend({ phone: minutesAgo(11, 12, 13, 14, 15), address: [] }, limits, now), {
    allowed: true,
  });
});

test('six digits from a cryptographic source, leading zeros kept', () => {
  const codes = Array.from({ length: 2000 }, generateSignCode);
  assert.ok(codes.every((code) => /^[0-9]{6}$/.test(code)));
  assert.ok(new Set(codes).size > 1900);
});

test("a code's hash depends on the key and the request's salt", () => {
  const key = randomBytes(32);
  const salt = randomBytes(16);
  const stored = hashSignCode(key, salt, '123456');
  assert.equal(signCodeMatches(key, salt, '123456', stored), true);
  assert.equal(signCodeMatches(key, randomBytes(16), '123456', stored), false);
  assert.equal(signCodeMatches(randomBytes(32), salt, '123456', stored), false);
});

test('a request refuses after its tries, its lifetime, its use or its replacement', () => {
  const fresh = { expiresAt: new Date(now.getTime() + 60_000), tries: 0, usedAt: null, replacedAt: null };
  assert.equal(checkSignRequest(fresh, true, 5, now), 'accepted');
  assert.equal(checkSignRequest(fresh, false, 5, now), 'wrong');
  assert.equal(checkSignRequest({ ...fresh, tries: 5 }, true, 5, now), 'exhausted');
  assert.equal(checkSignRequest({ ...fresh, expiresAt: now }, true, 5, now), 'expired');
  assert.equal(checkSignRequest({ ...fresh, usedAt: now }, true, 5, now), 'used');
  assert.equal(checkSignRequest({ ...fresh, replacedAt: now }, true, 5, now), 'used');
});

test('a code opens only what it was sent for: a phone change only for the member who asked', () => {
  const signIn = { purpose: 'sign_in', memberId: null } as const;
  const change = (memberId: number) => ({ purpose: 'phone_change', memberId }) as const;
  assert.equal(codeOpens(signIn, signIn), true);
  assert.equal(codeOpens(change(7), change(7)), true);
  assert.equal(codeOpens(change(7), change(8)), false);
  assert.equal(codeOpens(signIn, change(7)), false);
  assert.equal(codeOpens(change(7), signIn), false);
});

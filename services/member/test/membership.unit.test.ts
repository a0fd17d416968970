import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extendMembership, shortenMembership } from '../src/domain/membership.ts';

const MONTH = 30_000; // 300 UAH a month, in kopiyky

test('a running membership is extended from the day it is paid until', () => {
  assert.deepEqual(
    extendMembership({ paidUntil: '2026-12-10', today: '2026-11-24', amount: MONTH, monthPrice: MONTH }),
    {
      days: 30,
      previousPaidUntil: '2026-12-10',
      paidUntil: '2027-01-09',
    },
  );
  // Paid until today is still running: the new days follow it.
  assert.equal(
    extendMembership({ paidUntil: '2026-11-24', today: '2026-11-24', amount: MONTH, monthPrice: MONTH })
      .paidUntil,
    '2026-12-24',
  );
});

test('a lapsed or never started membership is extended from today', () => {
  assert.equal(
    extendMembership({ paidUntil: '2026-11-23', today: '2026-11-24', amount: MONTH, monthPrice: MONTH })
      .paidUntil,
    '2026-12-24',
  );
  assert.deepEqual(
    extendMembership({ paidUntil: null, today: '2026-02-27', amount: MONTH, monthPrice: MONTH }),
    {
      days: 30,
      previousPaidUntil: null,
      paidUntil: '2026-03-29',
    },
  );
});

test('days are floor(30 × amount / month price), exactly, in whole kopiyky', () => {
  const days = (amount: number, monthPrice = MONTH) =>
    extendMembership({ paidUntil: null, today: '2026-01-01', amount, monthPrice }).days;
  assert.equal(days(MONTH * 3), 90);
  assert.equal(days(999), 0); // 30 × 9.99 / 300 = 0.999
  assert.equal(days(1_000), 1);
  assert.equal(days(MONTH - 1), 29);
  assert.equal(days(20_050, 40_100), 15); // 200.50 on a 401 UAH program
  assert.equal(days(1, 1), 30);
});

test('a contribution too small for a whole day leaves the date as it was', () => {
  assert.deepEqual(
    extendMembership({ paidUntil: '2026-01-10', today: '2026-01-01', amount: 100, monthPrice: MONTH }),
    {
      days: 0,
      previousPaidUntil: '2026-01-10',
      paidUntil: '2026-01-10',
    },
  );
  assert.equal(
    extendMembership({ paidUntil: null, today: '2026-01-01', amount: 0, monthPrice: MONTH }).paidUntil,
    null,
  );
});

test('amounts and prices are whole kopiyky', () => {
  assert.throws(
    () => extendMembership({ paidUntil: null, today: '2026-01-01', amount: 1.5, monthPrice: MONTH }),
    RangeError,
  );
  assert.throws(
    () => extendMembership({ paidUntil: null, today: '2026-01-01', amount: 100, monthPrice: 0 }),
    RangeError,
  );
});

test('a refund moves the paid-until day back by the days its payment added', () => {
  assert.equal(shortenMembership('2027-01-10', 30), '2026-12-11');
  assert.equal(shortenMembership('2027-01-10', 0), '2027-01-10');
  assert.equal(shortenMembership(null, 30), null);
});

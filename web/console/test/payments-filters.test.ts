import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayOfTyped } from '../src/format/format.ts';
import {
  allPages,
  amountMistyped,
  filtersFromSearch,
  offsetOf,
  registerBody,
} from '../src/screens/payments/payment-filters.ts';

test('no filters ask for the first page of everything', () => {
  assert.deepEqual(registerBody({}, 0, 25), { offset: 0, limit: 25 });
});

test('every filter set goes into the body, to be combined with AND by the API', () => {
  assert.deepEqual(
    registerBody(
      {
        types: [2, 3],
        states: ['confirmed'],
        flagged: 'no',
        from: '2026-12-01',
        to: '2026-12-07',
        min: '1 000,5',
        max: '20000',
        certificate: ' 000123 ',
        page: 3,
      },
      50,
      25,
    ),
    {
      type: [2, 3],
      state: ['confirmed'],
      flagged: false,
      date_start: '2026-12-01',
      date_end: '2026-12-07',
      amount_start: '1000.50',
      amount_end: '20000.00',
      certificate: '000123',
      offset: 50,
      limit: 25,
    },
  );
  assert.equal(registerBody({ flagged: 'yes' }, 0, 1).flagged, true);
});

test('an amount that is not one is left out and reported, not sent', () => {
  assert.equal(amountMistyped('12,345'), true);
  assert.equal(amountMistyped('abc'), true);
  assert.equal(amountMistyped('12,34'), false);
  assert.equal(amountMistyped(''), false);
  assert.deepEqual(registerBody({ min: 'abc' }, 0, 25), { offset: 0, limit: 25 });
});

test('the address gives back only what is a filter', () => {
  assert.deepEqual(
    filtersFromSearch({
      types: [1, '3', 9],
      states: ['confirmed', 'lost'],
      flagged: 'maybe',
      from: '2026-12-01',
      to: '07.12.2026',
      min: 100,
      certificate: '',
      page: '2',
      other: 'x',
    }),
    { types: [1, 3], states: ['confirmed'], from: '2026-12-01', min: '100', page: 2 },
  );
  assert.deepEqual(filtersFromSearch({ types: 2, page: 1 }), { types: [2] });
});

test('pages count from 1', () => {
  assert.equal(offsetOf(undefined), 0);
  assert.equal(offsetOf(1), 0);
  assert.equal(offsetOf(3, 25), 50);
});

test('the export reads every page until the total is reached', async () => {
  const all = Array.from({ length: 450 }, (_, index) => index);
  const asked: [number, number][] = [];
  const rows = await allPages(async (offset, limit) => {
    asked.push([offset, limit]);
    return { data: all.slice(offset, offset + limit), total: all.length };
  });
  assert.deepEqual(rows, all);
  assert.deepEqual(asked, [
    [0, 200],
    [200, 200],
    [400, 200],
  ]);
});

test('the export stops at a short page even when the total said more (rows gone meanwhile)', async () => {
  let calls = 0;
  const rows = await allPages(async () => {
    calls += 1;
    return { data: calls === 1 ? [1, 2] : [], total: 5 };
  }, 2);
  assert.deepEqual(rows, [1, 2]);
  assert.equal(calls, 2);
});

test('an exact multiple of the page size ends on the total, without an empty extra call', async () => {
  let calls = 0;
  const rows = await allPages(async (offset) => {
    calls += 1;
    return { data: offset === 0 ? [1, 2] : [3, 4], total: 4 };
  }, 2);
  assert.deepEqual(rows, [1, 2, 3, 4]);
  assert.equal(calls, 2);
});

test('a day is typed day first, as Ukrainians write it', () => {
  assert.equal(dayOfTyped('08.12.2026'), '2026-12-08');
  assert.equal(dayOfTyped(' 8.1.2027 '), '2027-01-08');
  assert.equal(dayOfTyped('08/12/2026'), '2026-12-08');
  assert.equal(dayOfTyped('31.02.2026'), null);
  assert.equal(dayOfTyped('2026-12-08'), null);
  assert.equal(dayOfTyped('08.12'), null);
});

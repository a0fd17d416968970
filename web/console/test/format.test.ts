import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatDateTime,
  formatDay,
  formatMoney,
  kyivToday,
  parseHryvnias,
  readDate,
} from '../src/format/format.ts';

test('a moment is shown as its day and time in Kyiv, whatever the zone it came in', () => {
  // 22:30 UTC on 31 December is already the new year in Kyiv (UTC+2).
  assert.equal(formatDay('2026-12-31T22:30:00Z'), '01.01.2027');
  assert.equal(formatDateTime('2026-12-31T22:30:00Z'), '01.01.2027 00:30');
  // The seed's `yyyy-mm-dd hh:mm:ss` is UTC.
  assert.equal(formatDateTime('2026-07-01 09:05:00'), '01.07.2026 12:05');
});

test('a day alone stays that day: it is no moment to move between zones', () => {
  assert.equal(formatDay('2026-03-01'), '01.03.2026');
  assert.equal(formatDay('07.12.2026'), '07.12.2026');
  assert.equal(formatDateTime('2026-03-01'), '01.03.2026');
});

test('no date, or one that cannot be read, is a dash', () => {
  assert.equal(formatDay(null), '—');
  assert.equal(formatDay(''), '—');
  assert.equal(formatDay('soon'), '—');
  assert.equal(readDate('2026-13-45T00:00:00Z'), null);
});

test("today is Kyiv's today", () => {
  assert.equal(kyivToday(new Date('2026-12-31T22:30:00Z')), '2027-01-01');
  assert.equal(kyivToday(new Date('2026-06-15T12:00:00Z')), '2026-06-15');
});

test('money is hryvnias with kopiyky, grouped, from the seed text, hryvnias or kopiyky', () => {
  assert.equal(formatMoney('300.0'), '300,00 ₴');
  assert.equal(formatMoney(1234.5), '1 234,50 ₴');
  assert.equal(formatMoney(123_456, 'kopiyky'), '1 234,56 ₴');
  assert.equal(formatMoney(0.1 + 0.2), '0,30 ₴');
  assert.equal(formatMoney(null), '—');
  assert.equal(formatMoney('abc'), '—');
});

test('an amount typed by a person becomes the API decimal text, or is refused', () => {
  assert.equal(parseHryvnias('1 234,5'), '1234.50');
  assert.equal(parseHryvnias('300'), '300.00');
  assert.equal(parseHryvnias('300.05 ₴'), '300.05');
  assert.equal(parseHryvnias('0300'), '300.00');
  assert.equal(parseHryvnias('1,234'), null);
  assert.equal(parseHryvnias('-5'), null);
  assert.equal(parseHryvnias(''), null);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calendarDaysBetween, kyivDateTimeOf, seedDateOf } from '../src/index.ts';

const kyiv = new Intl.DateTimeFormat('uk-UA', {
  timeZone: 'Europe/Kyiv',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

test('an instant is the day it was in Kyiv, on both sides of midnight and of the clock changes', () => {
  const cases: [string, string][] = [
    ['2025-03-29T21:59:59.999Z', '29.03.2025'], // 23:59:59 EET
    ['2025-03-29T22:00:00.000Z', '30.03.2025'], // midnight, the night the clocks go forward
    ['2025-03-30T20:59:59.999Z', '30.03.2025'], // 23:59:59 EEST
    ['2025-03-30T21:00:00.000Z', '31.03.2025'],
    ['2025-10-25T20:59:59.999Z', '25.10.2025'],
    ['2025-10-25T21:00:00.000Z', '26.10.2025'], // the night the clocks go back
    ['2025-10-26T21:59:59.999Z', '26.10.2025'],
    ['2025-10-26T22:00:00.000Z', '27.10.2025'],
    ['1985-06-01T20:30:00.000Z', '02.06.1985'], // before 1990, straight from the time-zone data
  ];
  for (const [instant, day] of cases) {
    // Twice: the second answer comes from what the first one remembered.
    assert.equal(seedDateOf(new Date(instant)), day, instant);
    assert.equal(seedDateOf(new Date(instant)), day, `${instant} again`);
  }
});

test('agrees with the time-zone data for any instant of these years', () => {
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const from = Date.UTC(1990, 0, 1);
  const to = Date.UTC(2040, 0, 1);
  for (let index = 0; index < 20_000; index += 1) {
    const instant = new Date(from + Math.floor(next() * (to - from)));
    assert.equal(seedDateOf(instant), kyiv.format(instant), instant.toISOString());
  }
});

test("an instant reads as Kyiv's clock, summer and winter time alike", () => {
  assert.equal(kyivDateTimeOf(new Date('2026-08-24T06:30:05Z')), '24.08.2026 09:30:05');
  assert.equal(kyivDateTimeOf(new Date('2026-01-15T21:59:59Z')), '15.01.2026 23:59:59');
  assert.equal(kyivDateTimeOf(new Date('2026-01-15T22:00:00Z')), '16.01.2026 00:00:00');
  // The clocks go forward at 03:00 on 29 March 2026: 00:59:59 UTC is 02:59:59, 01:00 UTC is 04:00.
  assert.equal(kyivDateTimeOf(new Date('2026-03-29T00:59:59Z')), '29.03.2026 02:59:59');
  assert.equal(kyivDateTimeOf(new Date('2026-03-29T01:00:00Z')), '29.03.2026 04:00:00');
});

test('days between calendar days count across month ends, leap days and clock changes', () => {
  assert.equal(calendarDaysBetween('2026-02-27', '2026-03-02'), 3);
  assert.equal(calendarDaysBetween('2028-02-27', '2028-03-02'), 4);
  assert.equal(calendarDaysBetween('2026-03-28', '2026-03-30'), 2);
  assert.equal(calendarDaysBetween('2026-03-02', '2026-02-27'), -3);
});

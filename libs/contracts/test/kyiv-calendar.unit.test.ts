import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kyivDateOf, kyivDayStart, kyivWallTimeInstant } from '../src/index.ts';

/**
 * Kyiv's offset is remembered per UTC hour (the switch-over converts millions of the seed's
 * times): every answer must still be the time-zone data's, first asked or remembered.
 */
const kyiv = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Kyiv',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const kyivClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Kyiv',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function randomInstants(count: number, from: number, to: number): Date[] {
  let seed = 11;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: count }, () => new Date(from + Math.floor(next() * (to - from))));
}

test('the day of an instant agrees with the time-zone data, asked once and again', () => {
  const instants = randomInstants(20_000, Date.UTC(1985, 0, 1), Date.UTC(2040, 0, 1));
  for (const pass of ['first', 'remembered'])
    for (const instant of instants)
      assert.equal(kyivDateOf(instant), kyiv.format(instant), `${instant.toISOString()} (${pass})`);
  for (const [instant, day] of [
    ['2025-03-29T21:59:59.999Z', '2025-03-29'],
    ['2025-03-29T22:00:00.000Z', '2025-03-30'],
    ['2025-03-30T20:59:59.999Z', '2025-03-30'],
    ['2025-03-30T21:00:00.000Z', '2025-03-31'],
    ['2025-10-25T20:59:59.999Z', '2025-10-25'],
    ['2025-10-25T21:00:00.000Z', '2025-10-26'],
    ['2025-10-26T21:59:59.999Z', '2025-10-26'],
    ['2025-10-26T22:00:00.000Z', '2025-10-27'],
  ] as const)
    assert.equal(kyivDateOf(new Date(instant)), day, instant);
});

test('a wall time read back is the instant it was, but in the hour autumn repeats (its first pass)', () => {
  const instants = randomInstants(20_000, Date.UTC(1991, 0, 1), Date.UTC(2040, 0, 1));
  for (const pass of ['first', 'remembered'])
    for (const instant of instants) {
      const whole = new Date(Math.floor(instant.getTime() / 1000) * 1000);
      const read = kyivWallTimeInstant(kyivClock.format(whole))!;
      const repeated = read.getTime() !== whole.getTime();
      // Read as its first pass, an hour earlier: the same wall time.
      if (repeated)
        assert.equal(whole.getTime() - read.getTime(), 3_600_000, `${whole.toISOString()} (${pass})`);
      assert.equal(kyivClock.format(read), kyivClock.format(whole), `${whole.toISOString()} (${pass})`);
    }
  assert.equal(kyivDayStart('2025-03-30').toISOString(), '2025-03-29T22:00:00.000Z');
  assert.equal(kyivDayStart('2025-10-26', 1).toISOString(), '2025-10-26T22:00:00.000Z');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dayOfSeedDateTime,
  decimalOfSeedFloat,
  flagOfSeed,
  instantOfSeedDateTime,
  kopiykyOfSeedAmount,
  phoneOfSeed,
} from '../src/conversions.ts';

test('a FLOAT amount is whole kopiyky: its 32-bit noise is the kopiyka it stood for, anything more is reported', () => {
  const float32 = (value: number) => Math.fround(value);
  assert.deepEqual(kopiykyOfSeedAmount(float32(299.99)), { kopiyky: 29_999, exact: true });
  assert.deepEqual(kopiykyOfSeedAmount(float32(1250.5)), { kopiyky: 125_050, exact: true });
  assert.deepEqual(kopiykyOfSeedAmount(300), { kopiyky: 30_000, exact: true });
  assert.deepEqual(kopiykyOfSeedAmount(float32(100_000.01)), { kopiyky: 10_000_001, exact: true });
  assert.deepEqual(kopiykyOfSeedAmount(-float32(49.99)), { kopiyky: -4_999, exact: true });
  // No whole number of kopiyky: rounded to the nearest, halves away from zero, and reported.
  assert.deepEqual(kopiykyOfSeedAmount(float32(150.005)), { kopiyky: 15_001, exact: false });
  assert.deepEqual(kopiykyOfSeedAmount(float32(0.001)), { kopiyky: 0, exact: false });
  assert.deepEqual(kopiykyOfSeedAmount(299.999999), { kopiyky: 30_000, exact: false });
  // 299.999999 is 300 once stored as a FLOAT: the column itself no longer knows.
  assert.deepEqual(kopiykyOfSeedAmount(float32(299.999999)), { kopiyky: 30_000, exact: true });
  assert.deepEqual(kopiykyOfSeedAmount(null), { kopiyky: null, exact: true });
  assert.deepEqual(kopiykyOfSeedAmount(Number.NaN), { kopiyky: null, exact: false });
});

test('a seed DATETIME is Kyiv wall time, in winter and in summer, across both clock changes', () => {
  assert.equal(
    (instantOfSeedDateTime('2024-01-15 18:45:00') as Date).toISOString(),
    '2024-01-15T16:45:00.000Z',
  );
  assert.equal(
    (instantOfSeedDateTime('2024-07-01 12:00:00') as Date).toISOString(),
    '2024-07-01T09:00:00.000Z',
  );
  // 27 October 2024: 04:00 summer time became 03:00 winter time; 03:30 came twice, the first is taken.
  assert.equal(
    (instantOfSeedDateTime('2024-10-27 03:30:00') as Date).toISOString(),
    '2024-10-27T00:30:00.000Z',
  );
  // 31 March 2024: 03:00 became 04:00; 03:30 never was, and is read as 04:30.
  assert.equal(
    (instantOfSeedDateTime('2024-03-31 03:30:00') as Date).toISOString(),
    '2024-03-31T01:30:00.000Z',
  );
  assert.equal(instantOfSeedDateTime(null), null);
  assert.equal(instantOfSeedDateTime('0000-00-00 00:00:00'), null);
  assert.equal(instantOfSeedDateTime('2024-02-30 10:00:00'), 'invalid');
  assert.equal(instantOfSeedDateTime('вчора'), 'invalid');
});

test('a paid-until DATETIME is the Kyiv day it names', () => {
  assert.equal(dayOfSeedDateTime('2024-12-31 00:00:00'), '2024-12-31');
  assert.equal(dayOfSeedDateTime('2024-12-31 23:59:59'), '2024-12-31');
  assert.equal(dayOfSeedDateTime(null), null);
});

test('phones as members typed them become +380…; what is no number is null', () => {
  for (const typed of ['380671234510', '0671234510', '+380 67 123 45 10', '+38(067)123-45-10'])
    assert.equal(phoneOfSeed(typed), '+380671234510', typed);
  assert.equal(phoneOfSeed('+48123456789'), '+48123456789');
  for (const typed of ['не знаю', '12', '+3806712345', null])
    assert.equal(phoneOfSeed(typed), null, String(typed));
});

test('flags: any number but 0 is set; NULL is the fallback', () => {
  assert.equal(flagOfSeed(1), true);
  assert.equal(flagOfSeed('2'), true);
  assert.equal(flagOfSeed(0), false);
  assert.equal(flagOfSeed(null), false);
  assert.equal(flagOfSeed(null, true), true);
});

test('a FLOAT read as DOUBLE is the shortest decimal the column stores as it', () => {
  assert.equal(decimalOfSeedFloat(Math.fround(12345.67)), 12345.67);
  assert.equal(decimalOfSeedFloat(Math.fround(150.005)), 150.005);
  assert.equal(decimalOfSeedFloat(Math.fround(299.999999)), 300);
  assert.equal(decimalOfSeedFloat(Math.fround(0.001)), 0.001);
  assert.equal(decimalOfSeedFloat(1 / 3), 1 / 3, 'no single-precision value: as it is');
});

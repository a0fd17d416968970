import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@kasa/testing';
import { contributionTotals } from '../src/db/contribution-totals.repository.ts';
import { insertPayment } from '../src/db/payments.repository.ts';

/** The dashboard's figures: today, this month and the chart's 30 days, reversing entries netted. */
let database: TestDatabase;
before(async () => {
  database = await createTestDatabase(new URL('../migrations', import.meta.url).pathname);
});
after(() => database?.drop());

const contribution = (paidOn: string, amount: number, state: 'confirmed' | 'pending' = 'confirmed') =>
  insertPayment(
    database.db,
    { memberId: 1, kind: 'contribution', source: 'manual', state, amount, paidOn },
    new Date(),
  );

test('today, the month and each of the last 30 days, with reversals netted and the rest not counted', async () => {
  await contribution('2027-01-10', 30_000);
  await contribution('2027-01-10', -30_000); // a reversing entry: nets the sum, no count
  await contribution('2027-01-10', 15_000);
  await contribution('2027-01-01', 10_000); // the month's first day
  await contribution('2026-12-12', 5_000); // 29 days before: the chart's first bar, last month
  await contribution('2026-12-11', 7_000); // 30 days before: in neither
  await contribution('2027-01-09', 99_000, 'pending'); // no money yet
  const totals = await contributionTotals(database.db, '2027-01-10', '2027-01-01');
  assert.deepEqual(
    { ...totals, days: undefined },
    {
      today: '2027-01-10',
      month_start: '2027-01-01',
      today_count: 2,
      today_sum: 15_000,
      month_count: 3,
      month_sum: 25_000,
      days: undefined,
    },
  );
  assert.equal(totals.days.length, 30);
  assert.deepEqual(totals.days[0], { day: '2026-12-12', count: 1, sum: 5_000 });
  assert.deepEqual(totals.days.at(-1), { day: '2027-01-10', count: 2, sum: 15_000 });
  assert.deepEqual(totals.days.at(-2), { day: '2027-01-09', count: 0, sum: 0 });
  assert.equal(
    totals.days.reduce((sum, day) => sum + day.sum, 0),
    30_000,
  );
});

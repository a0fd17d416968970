import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createSeedDatabase, type SeedDatabase } from '@kasa/testing';
import { kopiykyOfSeedAmount, openSeedSource, type SeedRow, type SeedSource } from '../src/index.ts';

/** Reading the old database: the values as the seed stored them, not as MySQL prints them. */
let seed: SeedDatabase;
let source: SeedSource;

before(async () => {
  seed = await createSeedDatabase();
  await seed.connection.query(
    `INSERT INTO payments (id, payment_type, member_id, amount) VALUES
     (1, 1, 10, 12345.67), (2, 1, 10, 100000.33), (3, 1, 10, 299.99), (4, 1, 10, NULL)`,
  );
  source = await openSeedSource(seed.url);
});
after(async () => {
  await source?.close();
  await seed?.drop();
});

test('a FLOAT amount is read as the value stored, not the six digits MySQL prints (12345.67, not 12345.7)', async () => {
  const rows: SeedRow[] = [];
  for await (const batch of source.rows('payments')) rows.push(...batch);
  assert.deepEqual(
    rows.map((row) => row.amount),
    [12345.67, 100000.33, 299.99, null],
    'the decimals written into the column',
  );
  assert.deepEqual(
    rows.map((row) => kopiykyOfSeedAmount(row.amount!)),
    [
      { kopiyky: 1_234_567, exact: true },
      { kopiyky: 10_000_033, exact: true },
      { kopiyky: 29_999, exact: true },
      { kopiyky: null, exact: true },
    ],
  );
});

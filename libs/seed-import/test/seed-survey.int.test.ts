import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createSeedDatabase, fillSeedFixture, type SeedDatabase } from '@kasa/testing';
import { openSeedSource, type SeedSource, surveySeed } from '../src/index.ts';

/** The dry run over a seed database with real data's quirks: everything counted, every problem named. */
let seed: SeedDatabase;
let source: SeedSource;

before(async () => {
  seed = await createSeedDatabase();
  await fillSeedFixture(seed);
  // A real database has columns the thesis does not list, and may spell a table in capitals.
  await seed.connection.query('ALTER TABLE members ADD COLUMN legacy_notes TEXT');
  await seed.connection.query('RENAME TABLE member_program TO Member_program');
  source = await openSeedSource(seed.url);
});
after(async () => {
  await source?.close();
  await seed?.drop();
});

test('every table is counted, extra columns and other spellings tolerated', async () => {
  const survey = await surveySeed(source, seed.filesDir);
  assert.equal(survey.readable, true);
  assert.deepEqual(survey.counts, {
    users: 3,
    programs: 3,
    identity_types: 6,
    request_status: 4,
    payment_types: 3,
    members: 5,
    member_program: 3,
    files: 5,
    member_identity: 3,
    requests: 3,
    request_messages: 3,
    payments: 5,
    sign_request: 1,
  });
});

test('the problems real data has are each named by their row, never by a phone', async () => {
  const { problems, tally } = await surveySeed(source, seed.filesDir);
  const matches = (found: object, wanted: object) =>
    Object.entries(wanted).every(
      ([key, value]) => JSON.stringify((found as Record<string, unknown>)[key]) === JSON.stringify(value),
    );
  const has = (wanted: object) =>
    assert.ok(
      problems.some((found) => matches(found, wanted)),
      `${JSON.stringify(wanted)} in ${JSON.stringify(problems)}`,
    );
  has({ kind: 'orphan', table: 'requests', id: 202, column: 'member_id', value: 99 });
  has({ kind: 'orphan', table: 'payments', id: 403, column: 'member_id', value: 77 });
  has({ kind: 'bad_phone', table: 'members', id: 14 });
  has({ kind: 'bad_phone', table: 'users', id: 3 });
  has({ kind: 'duplicate_phone', table: 'members', ids: [10, 13] });
  has({ kind: 'duplicate_certificate', certificate: '000010', ids: [10, 13] });
  has({ kind: 'inexact_amount', table: 'payments', id: 404, column: 'amount', kopiyky: 15_001 });
  has({ kind: 'inexact_amount', table: 'requests', id: 202, column: 'suma', kopiyky: 0 });
  has({ kind: 'file_missing', table: 'files', id: 104, file: '1709640600_receipt_lost.jpg' });
  // 299.99 and 1250.5 and 499.99 are whole kopiyky; the terms file named by its URL is there.
  assert.equal(tally.inexact_amount, 2);
  assert.equal(tally.file_missing, 1);
  assert.ok(!JSON.stringify(problems).includes('380671234510'), 'no phone in the report');
});

test('a database without a table the import needs, or a column it reads, is not readable', async () => {
  await seed.connection.query('ALTER TABLE payments DROP COLUMN amount');
  await seed.connection.query('DROP TABLE request_messages');
  const lacking = await openSeedSource(seed.url);
  try {
    const survey = await surveySeed(lacking, seed.filesDir);
    assert.equal(survey.readable, false);
    assert.deepEqual(
      survey.problems.filter(({ kind }) => kind === 'table_missing' || kind === 'columns_missing'),
      [
        { kind: 'table_missing', table: 'request_messages' },
        { kind: 'columns_missing', table: 'payments', columns: ['amount'] },
      ],
    );
  } finally {
    await lacking.close();
  }
});

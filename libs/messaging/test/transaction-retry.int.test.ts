import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Tx } from '@kasa/db';
import { createTestDatabase, type TestDatabase } from '@kasa/testing';
import { sql } from 'drizzle-orm';

/**
 * Two transactions that lock the same two rows in opposite orders: the server kills one of them
 * to break the deadlock. Every transaction begun on a Database runs again when that happens, so
 * both callers see success and each change is made once.
 */
let database: TestDatabase;

before(async () => {
  database = await createTestDatabase();
  await database.pool.query('CREATE TABLE counters (id INT PRIMARY KEY, value INT NOT NULL) ENGINE=InnoDB');
  await database.pool.query('INSERT INTO counters VALUES (1, 0), (2, 0)');
});

after(() => database?.drop());

/** Resolves once both transactions hold their first lock, so the second locks cross. */
function rendezvous(parties: number) {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => {
    release = resolve;
  });
  return async () => {
    arrived += 1;
    if (arrived === parties) release();
    // Only the first round meets: a retried transaction goes straight through.
    await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  };
}

async function bump(tx: Tx, id: number): Promise<void> {
  await tx.execute(sql`UPDATE counters SET value = value + 1 WHERE id = ${id}`);
}

test('a transaction that loses a deadlock runs again, whole, and both succeed', async () => {
  const met = rendezvous(2);
  let attempts = 0;
  const crossing = (first: number, second: number) =>
    database.db.transaction(async (tx) => {
      attempts += 1;
      await bump(tx, first);
      await met();
      await bump(tx, second);
    });

  await Promise.all([crossing(1, 2), crossing(2, 1)]);

  assert.equal(attempts, 3, 'one of the two ran twice');
  const [rows] = await database.pool.query('SELECT id, value FROM counters ORDER BY id');
  assert.deepEqual(rows, [
    { id: 1, value: 2 },
    { id: 2, value: 2 },
  ]);
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runSeedImport, type ServiceImport } from '@kasa/seed-import';
import { type SeedImportUnderTest, seedImportUnderTest } from '@kasa/seed-import/testing';
import { openSeedImport } from '../src/import/seed-import.ts';

/** The switch-over's contacts: every seed member's number, blocking and paid-until, no text sent. */
let under: SeedImportUnderTest;
let notification: ServiceImport;

before(async () => {
  under = await seedImportUnderTest(openSeedImport);
  notification = under.service;
});
after(() => under?.close());

const contacts = async () => {
  const [rows] = await notification.database.pool.query(
    "SELECT member_id, phone, blocked, DATE_FORMAT(paid_until, '%Y-%m-%d') AS paid_until FROM member_contacts ORDER BY member_id",
  );
  return rows as Array<{
    member_id: number;
    phone: string | null;
    blocked: number;
    paid_until: string | null;
  }>;
};

test('each member is a contact, dated by its row, and nothing is queued to send', async () => {
  const outcome = await runSeedImport({
    source: under.source,
    services: [notification],
    filesDir: under.seed.filesDir,
  });
  assert.deepEqual(outcome.written, [
    {
      service: 'notification',
      step: 'member contacts',
      read: 5,
      written: 5,
      seconds: outcome.written[0]!.seconds,
    },
  ]);
  assert.deepEqual(await contacts(), [
    { member_id: 10, phone: '+380671234510', blocked: 0, paid_until: '2024-12-31' },
    { member_id: 11, phone: '+380671234511', blocked: 0, paid_until: null },
    { member_id: 12, phone: '+380671234512', blocked: 0, paid_until: null },
    { member_id: 13, phone: null, blocked: 0, paid_until: null },
    { member_id: 14, phone: null, blocked: 0, paid_until: null },
  ]);
  const [outbox] = await notification.database.pool.query('SELECT COUNT(*) AS n FROM outbox');
  assert.equal(Number((outbox as Array<{ n: number }>)[0]!.n), 0, 'no event, so no SMS, for the past');
  assert.ok(outcome.verification.every((line) => line.agrees));
});

test('a second run writes nothing', async () => {
  const again = await runSeedImport({
    source: under.source,
    services: [notification],
    filesDir: under.seed.filesDir,
  });
  assert.equal(again.written[0]!.written, 0);
  assert.equal((await contacts()).length, 5);
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runSeedImport, type ServiceImport } from '@kasa/seed-import';
import { type SeedImportUnderTest, seedImportUnderTest } from '@kasa/seed-import/testing';
import { verifyChain } from '../src/application/verify-chain.ts';
import { openSeedImport } from '../src/import/seed-import.ts';

/** The switch-over is one entry in the trail, by the system, and only when it brought something over. */
let under: SeedImportUnderTest;
let audit: ServiceImport;

before(async () => {
  under = await seedImportUnderTest(openSeedImport);
  audit = under.service;
});
after(() => under?.close());

/** A service's import that brought `rows` over, standing in for the others. */
const bringing = (rows: number): ServiceImport => ({
  service: 'member',
  database: audit.database,
  steps: [{ name: 'members', table: 'members', write: async () => rows }],
  verify: async () => [],
  close: async () => {},
});

const entries = async () => {
  const [rows] = await audit.database.pool.query(
    'SELECT event_type, object_kind, actor_kind FROM audit_events ORDER BY sequence',
  );
  return rows as Array<{ event_type: string; object_kind: string; actor_kind: string }>;
};

test('a run that brought rows over is one entry, by the system, about the import', async () => {
  await runSeedImport({ source: under.source, services: [bringing(1), audit], filesDir: null });
  const trail = await entries();
  assert.equal(trail.length, 1);
  assert.deepEqual(
    { type: trail[0]!.event_type, object: trail[0]!.object_kind, actor: trail[0]!.actor_kind },
    { type: 'system.seed_imported', object: 'import', actor: 'system' },
  );
  assert.equal((await verifyChain(audit.database.db)).intact, true);
});

test('a run that brought nothing anew adds nothing', async () => {
  await runSeedImport({ source: under.source, services: [bringing(0), audit], filesDir: null });
  assert.equal((await entries()).length, 1);
});

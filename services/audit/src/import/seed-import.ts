import { SeedImported, SYSTEM } from '@kasa/contracts';
import { newEvent } from '@kasa/messaging';
import { openServiceDatabase } from '@kasa/runtime';
import type { OpenServiceImport } from '@kasa/seed-import';
import { recordEvent } from '../application/record-event.ts';
import { auditService } from '../service.ts';

/**
 * The trail's side of the switch-over: the run is one entry (`system.seed_imported`, the
 * system as its actor), not a million; the rows themselves are history, not events. A run that
 * brought nothing over anew (a second run) adds nothing.
 */
export const openSeedImport: OpenServiceImport = async (env) => {
  const database = await openServiceDatabase(auditService, env);
  return {
    service: 'audit',
    database,
    steps: [],
    async finish({ runId, written, problems }) {
      if (Object.values(written).every((rows) => rows === 0)) return;
      const event = newEvent(
        SeedImported,
        { runId, written, problems },
        { aggregateId: runId, actor: SYSTEM },
      );
      await database.db.transaction((tx) => recordEvent(tx, event));
    },
    verify: async () => [],
    close: () => database.close(),
  };
};

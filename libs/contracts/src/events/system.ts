import { Type } from 'typebox';
import { defineEvent } from '../define-event.ts';

/** A heartbeat through the whole bus: used by operators, the bus benchmark and its tests. */
export const ProbeRecorded = defineEvent(
  'system.probe_recorded',
  1,
  Type.Object({ seq: Type.Integer({ minimum: 0 }), value: Type.Integer(), sentAt: Type.String() }),
);

/**
 * The switch-over brought the seed system's data over (`./kasa import-seed`): one entry in the
 * audit trail for the whole run, whatever it wrote, instead of one per imported row. Recorded by
 * the audit service's own import, never published on the bus (the past is not news).
 */
export const SeedImported = defineEvent(
  'system.seed_imported',
  1,
  Type.Object({
    runId: Type.String({ format: 'uuid' }),
    /** Rows brought over anew, by service and step (`member.members`). */
    written: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
    problems: Type.Integer({ minimum: 0 }),
  }),
);

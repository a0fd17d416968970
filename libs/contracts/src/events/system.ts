import { Type } from 'typebox';
import { defineEvent } from '../define-event.ts';

/** A heartbeat through the whole bus: used by operators, the bus benchmark and its tests. */
export const ProbeRecorded = defineEvent(
  'system.probe_recorded',
  1,
  Type.Object({ seq: Type.Integer({ minimum: 0 }), value: Type.Integer(), sentAt: Type.String() }),
);

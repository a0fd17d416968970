import type { ActorKind } from '@kasa/contracts';
import { changedFieldNames } from './changed-fields.ts';
import { objectOf } from './object-of-event.ts';

/** What the trail reads of an event: its envelope (the bus's `AnyEvent` fits). */
export interface RecordableEvent {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  aggregateId: string;
  actor: { kind: ActorKind; id?: string };
  data: unknown;
}

/**
 * One event as the trail keeps it: who did what to which object and when, and the names of
 * what changed. Nothing here is a personal value; the event's data itself is not kept.
 */
export interface AuditEntry {
  eventId: string;
  eventType: string;
  eventVersion: number;
  objectKind: string;
  /** Null when the event named its object by something that is not an id. */
  objectId: string | null;
  memberId: number | null;
  actorKind: ActorKind;
  actorId: string | null;
  /** Milliseconds, UTC: what the database keeps, so a hash recomputed from a row agrees. */
  occurredAt: Date;
  recordedAt: Date;
  fields: string[];
}

/** The entry an event becomes when the trail records it at `recordedAt`. */
export function auditEntryOf(event: RecordableEvent, recordedAt: Date): AuditEntry {
  const object = objectOf(event);
  return {
    eventId: event.id,
    eventType: event.type,
    eventVersion: event.version,
    objectKind: object.kind,
    objectId: object.id,
    memberId: object.memberId,
    actorKind: event.actor.kind,
    actorId: event.actor.id ?? null,
    occurredAt: new Date(Date.parse(event.occurredAt)),
    recordedAt: new Date(recordedAt.getTime()),
    fields: changedFieldNames(event.data),
  };
}

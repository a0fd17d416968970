import type { AuditRecord } from '@kasa/contracts';
import type { ChainedEntry } from '../domain/chain-hash.ts';

/** An entry as the service answers it (AuditRecord of the contracts). */
export function auditRecord(entry: ChainedEntry): AuditRecord {
  return {
    sequence: entry.sequence,
    event_id: entry.eventId,
    type: entry.eventType,
    version: entry.eventVersion,
    object: { kind: entry.objectKind, id: entry.objectId },
    member_id: entry.memberId,
    actor: { kind: entry.actorKind, id: entry.actorId },
    fields: entry.fields,
    occurred_at: entry.occurredAt.toISOString(),
    recorded_at: entry.recordedAt.toISOString(),
    previous_hash: entry.previousHash,
    hash: entry.hash,
  };
}

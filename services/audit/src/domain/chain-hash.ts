import { createHash } from 'node:crypto';
import type { AuditEntry } from './audit-entry.ts';

/** The "previous hash" of the first event: the chain starts from nothing. */
export const GENESIS_HASH = '0'.repeat(64);

/** Where the chain ends: the last position taken and its hash. */
export interface ChainHead {
  sequence: number;
  hash: string;
}

export const EMPTY_CHAIN: ChainHead = { sequence: 0, hash: GENESIS_HASH };

/** An entry at its position in the chain, linked to the one before. */
export interface ChainedEntry extends AuditEntry {
  sequence: number;
  previousHash: string;
  hash: string;
}

/**
 * The text an entry's hash is taken over: every column the row keeps, in a fixed order, as a
 * JSON array, so that a change of any of them (or of the order of the fields' names) changes
 * the hash. The leading tag names this layout; a future layout gets a new tag.
 */
export function canonicalForm(sequence: number, entry: AuditEntry): string {
  return JSON.stringify([
    'kasa-audit/1',
    sequence,
    entry.eventId,
    entry.eventType,
    entry.eventVersion,
    entry.objectKind,
    entry.objectId,
    entry.memberId,
    entry.actorKind,
    entry.actorId,
    entry.occurredAt.toISOString(),
    entry.recordedAt.toISOString(),
    entry.fields,
  ]);
}

/** SHA-256 over the previous hash and the entry's canonical form: each hash seals all before it. */
export function chainHash(previousHash: string, sequence: number, entry: AuditEntry): string {
  return createHash('sha256')
    .update(previousHash)
    .update('\n')
    .update(canonicalForm(sequence, entry))
    .digest('hex');
}

/** The entry appended after `head`. */
export function appendTo(head: ChainHead, entry: AuditEntry): ChainedEntry {
  const sequence = head.sequence + 1;
  return { ...entry, sequence, previousHash: head.hash, hash: chainHash(head.hash, sequence, entry) };
}

/** Whether an entry's stored hash is the hash of what it says, after the previous hash it names. */
export function hashMatches(entry: ChainedEntry): boolean {
  return chainHash(entry.previousHash, entry.sequence, entry) === entry.hash;
}

import type { Tx } from '@kasa/db';
import { appendEntry, chainHead } from '../db/chain.repository.ts';
import { auditEntryOf, type RecordableEvent } from '../domain/audit-entry.ts';
import { appendTo, type ChainedEntry } from '../domain/chain-hash.ts';

/**
 * Appends an event to the trail in the caller's transaction (the one that records it in the
 * inbox): the chain head is locked, so the entry takes the next position and links to the
 * hash of the last one committed, whichever instance or batch wrote it.
 */
export async function recordEvent(
  tx: Tx,
  event: RecordableEvent,
  recordedAt = new Date(),
): Promise<ChainedEntry> {
  const entry = auditEntryOf(event, recordedAt);
  const head = await chainHead(tx, true);
  const chained = appendTo(head, entry);
  await appendEntry(tx, chained);
  return chained;
}

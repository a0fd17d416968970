import type { Tx } from '@kasa/db';
import { appendEntries, chainHead } from '../db/chain.repository.ts';
import { auditEntryOf, type RecordableEvent } from '../domain/audit-entry.ts';
import { appendTo, type ChainedEntry } from '../domain/chain-hash.ts';

/**
 * Appends events to the trail, in the order given, in the caller's transaction (the one that
 * records them in the inbox): the chain head is locked once, so the entries take the next
 * positions and link to the hash of the last one committed, whichever instance or batch wrote
 * it; then one insert of them all and one move of the head.
 */
export async function recordEvents(
  tx: Tx,
  events: readonly RecordableEvent[],
  recordedAt = new Date(),
): Promise<ChainedEntry[]> {
  if (events.length === 0) return [];
  let head = await chainHead(tx, true);
  const chained = events.map((event) => {
    const entry = appendTo(head, auditEntryOf(event, recordedAt));
    head = entry;
    return entry;
  });
  await appendEntries(tx, chained);
  return chained;
}

/** One event appended to the trail (recordEvents of one). */
export async function recordEvent(
  tx: Tx,
  event: RecordableEvent,
  recordedAt = new Date(),
): Promise<ChainedEntry> {
  const [entry] = await recordEvents(tx, [event], recordedAt);
  return entry!;
}

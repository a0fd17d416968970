import type { Executor } from '@kasa/db';
import { entryAt } from '../db/chain.repository.ts';
import { type ChainedEntry, GENESIS_HASH, hashMatches } from '../domain/chain-hash.ts';

export interface CheckedEntry {
  entry: ChainedEntry;
  /** The stored hash is the hash of what the row says. */
  hashMatches: boolean;
  /** Its previous hash is the stored hash of the event before it (or the chain's start). */
  followsPrevious: boolean;
}

/** One event and what its own hash and its link say: a quick look, not the whole chain's proof. */
export async function checkedEntry(db: Executor, sequence: number): Promise<CheckedEntry | undefined> {
  const [entry, previous] = await Promise.all([
    entryAt(db, sequence),
    sequence > 1 ? entryAt(db, sequence - 1) : undefined,
  ]);
  if (!entry) return undefined;
  const expectedPrevious = sequence === 1 ? GENESIS_HASH : previous?.hash;
  return { entry, hashMatches: hashMatches(entry), followsPrevious: entry.previousHash === expectedPrevious };
}

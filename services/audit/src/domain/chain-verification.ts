import { type ChainedEntry, type ChainHead, EMPTY_CHAIN, hashMatches } from './chain-hash.ts';

/** Where and why the chain stops holding. */
export interface ChainBreak {
  /** The first position whose entry cannot be trusted. */
  position: number;
  reason: 'missing' | 'unlinked' | 'altered' | 'head';
  detail: string;
}

export type ChainReport =
  | { intact: true; count: number; head: ChainHead }
  | { intact: false; count: number; break: ChainBreak };

/**
 * Walks the chain in order, entry by entry: each must take the next position, name the hash of
 * the one before, and hash to what it stores. Fed a page at a time, so a long chain is never
 * held in memory; `count` is how many entries held before the first break.
 */
export class ChainWalk {
  #last: ChainHead = EMPTY_CHAIN;
  #break: ChainBreak | null = null;

  /** The next entry in sequence order; false once the chain is broken (further entries prove nothing). */
  check(entry: ChainedEntry): boolean {
    if (this.#break) return false;
    const expected = this.#last.sequence + 1;
    if (entry.sequence !== expected) {
      return this.#broken(
        expected,
        'missing',
        `position ${expected} is missing (next found: ${entry.sequence})`,
      );
    }
    if (entry.previousHash !== this.#last.hash) {
      return this.#broken(expected, 'unlinked', 'its previous hash is not the hash of the event before it');
    }
    if (!hashMatches(entry)) {
      return this.#broken(expected, 'altered', 'its content no longer matches its hash');
    }
    this.#last = { sequence: entry.sequence, hash: entry.hash };
    return true;
  }

  /**
   * The outcome, given the chain head the walk was meant to reach: entries missing at the end
   * (or a head moved by hand) show as a head the walk did not arrive at.
   */
  finish(head: ChainHead): ChainReport {
    const count = this.#last.sequence;
    if (this.#break) return { intact: false, count, break: this.#break };
    if (head.sequence !== count || head.hash !== this.#last.hash) {
      // Events missing after the last one found, or the last one's hash not the head's.
      const position = head.sequence > count ? count + 1 : head.sequence;
      return {
        intact: false,
        count,
        break: {
          position,
          reason: 'head',
          detail: `the chain head is at ${head.sequence} but the events end at ${count}${head.sequence === count ? ' with another hash' : ''}`,
        },
      };
    }
    return { intact: true, count, head };
  }

  #broken(position: number, reason: ChainBreak['reason'], detail: string): false {
    this.#break = { position, reason, detail };
    return false;
  }
}

import type { Executor } from '@kasa/db';
import { chainHead, entriesAfter } from '../db/chain.repository.ts';
import { type ChainReport, ChainWalk } from '../domain/chain-verification.ts';

/**
 * Walks the whole chain in order and recomputes every hash, a page at a time. The head is
 * read first and the walk goes up to it: events appended meanwhile are left for the next run,
 * and everything up to the head is committed, so the walk must arrive exactly at it.
 */
export async function verifyChain(db: Executor, { pageSize = 2_000 } = {}): Promise<ChainReport> {
  const head = await chainHead(db);
  const walk = new ChainWalk();
  let after = 0;
  while (after < head.sequence) {
    const page = await entriesAfter(db, after, head.sequence, pageSize);
    if (page.length === 0) break;
    for (const entry of page) if (!walk.check(entry)) return walk.finish(head);
    after = page.at(-1)!.sequence;
  }
  return walk.finish(head);
}

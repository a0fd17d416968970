import type { Executor, Tx } from '@kasa/db';
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { ChainedEntry, ChainHead } from '../domain/chain-hash.ts';
import { auditChainHead, auditEvents } from './schema.ts';

const HEAD_ID = 1;

/**
 * The chain's end as last committed. `forUpdate` locks it until the caller's transaction ends:
 * appends from every instance and batch wait there in turn, so each takes the next position
 * after the last committed one. The verifier reads it without a lock.
 */
export async function chainHead(db: Executor, forUpdate = false): Promise<ChainHead> {
  const query = db
    .select({ sequence: auditChainHead.lastSequence, hash: auditChainHead.lastHash })
    .from(auditChainHead)
    .where(eq(auditChainHead.id, HEAD_ID));
  const [head] = forUpdate ? await query.for('update') : await query;
  if (!head) throw new Error('audit_chain_head has no row: the audit migrations did not run');
  return head;
}

/** Writes the entry and moves the head onto it; the head must be locked by this transaction. */
export async function appendEntry(tx: Tx, entry: ChainedEntry): Promise<void> {
  await tx.insert(auditEvents).values(entry);
  await tx
    .update(auditChainHead)
    .set({ lastSequence: entry.sequence, lastHash: entry.hash })
    .where(eq(auditChainHead.id, HEAD_ID));
}

/** The entry at one position. */
export async function entryAt(db: Executor, sequence: number): Promise<ChainedEntry | undefined> {
  const [row] = await db.select().from(auditEvents).where(eq(auditEvents.sequence, sequence));
  return row;
}

/** Up to `limit` entries after `after` and at most at `upTo`, in chain order: a walk's next page. */
export function entriesAfter(
  db: Executor,
  after: number,
  upTo: number,
  limit: number,
): Promise<ChainedEntry[]> {
  return db
    .select()
    .from(auditEvents)
    .where(and(gt(auditEvents.sequence, after), lte(auditEvents.sequence, upTo)))
    .orderBy(asc(auditEvents.sequence))
    .limit(limit);
}

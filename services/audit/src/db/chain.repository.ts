import { type Db, type Executor, placeholders, prepared, type Tx } from '@kasa/db';
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
  const [head] = await (forUpdate ? lockedHead : currentHead)(db, {});
  if (!head) throw new Error('audit_chain_head has no row: the audit migrations did not run');
  return head;
}

const headQuery = (db: Db) =>
  db
    .select({ sequence: auditChainHead.lastSequence, hash: auditChainHead.lastHash })
    .from(auditChainHead)
    .where(eq(auditChainHead.id, HEAD_ID));
const currentHead = prepared<Record<string, never>, ChainHead[]>((db) => headQuery(db));
const lockedHead = prepared<Record<string, never>, ChainHead[]>((db) => headQuery(db).for('update'));

/** Writes the entries (in chain order) and moves the head onto the last; the head must be locked by this transaction. */
export async function appendEntries(tx: Tx, entries: readonly ChainedEntry[]): Promise<void> {
  const last = entries.at(-1);
  if (!last) return;
  await tx.insert(auditEvents).values([...entries]);
  await moveHead(tx, { lastSequence: last.sequence, lastHash: last.hash });
}

const moveHead = prepared<{ lastSequence: number; lastHash: string }, unknown>((db) =>
  db
    .update(auditChainHead)
    .set(placeholders(['lastSequence', 'lastHash']))
    .where(eq(auditChainHead.id, HEAD_ID)),
);

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

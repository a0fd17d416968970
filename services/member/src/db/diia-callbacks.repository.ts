import type { Executor } from '@kasa/db';
import { and, asc, eq } from 'drizzle-orm';
import { type MemberRow, memberColumns } from './members.repository.ts';
import { diiaCallbacks, members } from './schema.ts';

export type DiiaCallbackRow = typeof diiaCallbacks.$inferSelect;

export interface NewDiiaCallback {
  requestId: string;
  memberId: number;
  bodyFile: string;
  contentType: string;
}

/** The member a Diia request was made for, while that request is the member's latest and unanswered. */
export async function findMemberByDiiaRequest(
  tx: Executor,
  requestId: string,
  forUpdate = false,
): Promise<MemberRow | undefined> {
  const query = tx.select(memberColumns).from(members).where(eq(members.diiaRequestId, requestId)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertDiiaCallback(tx: Executor, callback: NewDiiaCallback): Promise<number> {
  const [inserted] = await tx.insert(diiaCallbacks).values(callback).$returningId();
  return inserted!.id;
}

/** One kept callback; `forUpdate` makes a second processor of the same callback wait, then see it done. */
export async function findDiiaCallback(
  tx: Executor,
  id: number,
  forUpdate = false,
): Promise<DiiaCallbackRow | undefined> {
  const query = tx.select().from(diiaCallbacks).where(eq(diiaCallbacks.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** Whether a callback for this request has already filled the member's profile. */
export async function isDiiaRequestProcessed(tx: Executor, requestId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: diiaCallbacks.id })
    .from(diiaCallbacks)
    .where(and(eq(diiaCallbacks.requestId, requestId), eq(diiaCallbacks.status, 'processed')))
    .limit(1);
  return row !== undefined;
}

/** The callbacks still waiting for a decryptor, oldest first. */
export async function listReceivedDiiaCallbacks(tx: Executor): Promise<number[]> {
  const rows = await tx
    .select({ id: diiaCallbacks.id })
    .from(diiaCallbacks)
    .where(eq(diiaCallbacks.status, 'received'))
    .orderBy(asc(diiaCallbacks.receivedAt), asc(diiaCallbacks.id));
  return rows.map(({ id }) => id);
}

/**
 * Settles a callback that is still waiting: processed, or failed for good with the reason.
 * A callback settled already stays as it is.
 */
export async function settleDiiaCallback(
  tx: Executor,
  id: number,
  outcome: { status: 'processed' } | { status: 'failed'; error: string },
  now: Date,
): Promise<void> {
  await tx
    .update(diiaCallbacks)
    .set({
      status: outcome.status,
      error: outcome.status === 'failed' ? outcome.error : null,
      processedAt: now,
    })
    .where(and(eq(diiaCallbacks.id, id), eq(diiaCallbacks.status, 'received')));
}

/** Why the last attempt at a waiting callback did not finish; it stays waiting for the next one. */
export async function noteDiiaCallbackAttempt(tx: Executor, id: number, error: string): Promise<void> {
  await tx
    .update(diiaCallbacks)
    .set({ error })
    .where(and(eq(diiaCallbacks.id, id), eq(diiaCallbacks.status, 'received')));
}

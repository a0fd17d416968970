import type { Executor } from '@kasa/db';
import { and, gt, lt } from 'drizzle-orm';
import type { Audience } from '../application/token-issuer.ts';
import { sessionRevocations } from './schema.ts';

export interface EndedSession {
  sessionId: string;
  subjectKind: Audience;
  subjectId: number;
  /** When its last access token expires: the revocation matters until then. */
  expiresAt: Date;
}

/** Records sessions as ended at `at`; one already recorded keeps its first record. */
export async function recordRevocations(tx: Executor, sessions: readonly EndedSession[], at: Date) {
  if (sessions.length === 0) return;
  await tx
    .insert(sessionRevocations)
    .ignore()
    .values(sessions.map((session) => ({ ...session, revokedAt: at })));
  // Kept small by the writers themselves: what has expired can no longer open anything.
  await tx.delete(sessionRevocations).where(lt(sessionRevocations.expiresAt, at)).limit(1000);
}

/** Sessions revoked after `since` whose tokens have not yet expired at `now`. */
export function revocationsSince(tx: Executor, since: Date, now: Date) {
  return tx
    .select({ sessionId: sessionRevocations.sessionId, expiresAt: sessionRevocations.expiresAt })
    .from(sessionRevocations)
    .where(and(gt(sessionRevocations.revokedAt, since), gt(sessionRevocations.expiresAt, now)));
}

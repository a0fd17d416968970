import type { Database } from '@kasa/db';
import { revocationsSince } from '../db/session-revocations.repository.ts';

/**
 * How far back each look reaches beyond the caller's last one: a revocation is stamped before
 * its transaction commits, so one committed just after a look may carry an earlier time. No
 * transaction of ours stays open this long; the overlap only repeats a few ids.
 */
const COMMIT_OVERLAP_MS = 10_000;

export interface RevokedSessions {
  /** Pass as `since` next time. */
  as_of: string;
  sessions: { id: string; until: string }[];
}

/**
 * The revoked sessions the gateways must refuse: every one still unexpired on the first look
 * (no `since`), then those revoked since the last look.
 */
export async function revokedSessions(
  deps: { database: Pick<Database, 'db'> },
  since: Date | undefined,
): Promise<RevokedSessions> {
  const now = new Date();
  const from = since ? new Date(since.getTime() - COMMIT_OVERLAP_MS) : new Date(0);
  const rows = await revocationsSince(deps.database.db, from, now);
  return {
    as_of: now.toISOString(),
    sessions: rows.map((row) => ({ id: row.sessionId, until: row.expiresAt.toISOString() })),
  };
}

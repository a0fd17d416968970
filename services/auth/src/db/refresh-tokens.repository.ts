import { randomBytes } from 'node:crypto';
import type { Executor } from '@kasa/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Audience } from '../application/token-issuer.ts';
import { refreshTokens } from './schema.ts';
import { type EndedSession, recordRevocations } from './session-revocations.repository.ts';

export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

export async function insertRefreshToken(
  tx: Executor,
  row: {
    hash: Buffer;
    kind: Audience;
    subjectId: number;
    familyId: string;
    expiresAt: Date;
    accessExpiresAt: Date;
  },
): Promise<void> {
  await tx.insert(refreshTokens).values({
    tokenHash: row.hash,
    familyId: row.familyId,
    subjectKind: row.kind,
    subjectId: row.subjectId,
    expiresAt: row.expiresAt,
    accessExpiresAt: row.accessExpiresAt,
  });
}

/** Locks the token's row: two refreshes with one token run one after the other. */
export async function findRefreshTokenForUpdate(
  tx: Executor,
  hash: Buffer,
): Promise<RefreshTokenRow | undefined> {
  const [row] = await tx.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hash)).for('update');
  return row;
}

export async function markRotated(tx: Executor, id: number, at: Date): Promise<void> {
  await tx.update(refreshTokens).set({ rotatedAt: at }).where(eq(refreshTokens.id, id));
}

/**
 * The sessions among `rows` whose access tokens still work at `at`, each with the moment its
 * last one expires (a session's refreshes each issued one).
 */
function liveSessions(rows: readonly RefreshTokenRow[], at: Date): EndedSession[] {
  const sessions = new Map<string, EndedSession>();
  for (const row of rows) {
    if (!row.accessExpiresAt || row.accessExpiresAt.getTime() <= at.getTime()) continue;
    const known = sessions.get(row.familyId);
    if (known && known.expiresAt >= row.accessExpiresAt) continue;
    sessions.set(row.familyId, {
      sessionId: row.familyId,
      subjectKind: row.subjectKind,
      subjectId: row.subjectId,
      expiresAt: row.accessExpiresAt,
    });
  }
  return [...sessions.values()];
}

/**
 * Ends one session: its refresh tokens stop working at once, and its access tokens as soon as
 * the gateways learn of the revocation.
 */
export async function revokeFamily(tx: Executor, familyId: string, at: Date): Promise<void> {
  const rows = await tx
    .select()
    .from(refreshTokens)
    .where(and(eq(refreshTokens.familyId, familyId), gt(refreshTokens.accessExpiresAt, at)));
  await tx
    .update(refreshTokens)
    .set({ revokedAt: at })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
  await recordRevocations(tx, liveSessions(rows, at), at);
}

/** Ends every session of a member or staff user (blocked, deleted, new phone or password). */
export async function revokeSubject(
  tx: Executor,
  kind: Audience,
  subjectId: number,
  at: Date,
): Promise<void> {
  const ofSubject = and(eq(refreshTokens.subjectKind, kind), eq(refreshTokens.subjectId, subjectId));
  const rows = await tx
    .select()
    .from(refreshTokens)
    .where(and(ofSubject, gt(refreshTokens.accessExpiresAt, at)));
  await tx
    .update(refreshTokens)
    .set({ revokedAt: at })
    .where(and(ofSubject, isNull(refreshTokens.revokedAt)));
  await recordRevocations(tx, liveSessions(rows, at), at);
}

/** The session's owner, for a sign-out to check that the token ends its own session. */
export async function sessionOwner(
  tx: Executor,
  familyId: string,
): Promise<{ kind: Audience; subjectId: number } | undefined> {
  const [row] = await tx
    .select({ kind: refreshTokens.subjectKind, subjectId: refreshTokens.subjectId })
    .from(refreshTokens)
    .where(eq(refreshTokens.familyId, familyId))
    .limit(1);
  return row;
}

/**
 * A session the old system began (a seed token's), named by the caller: a family like any other,
 * so that sign-out, a block and a new phone end it by the code above. It has no refresh token:
 * where a token's hash would be, its row holds random bytes, which no token given out hashes to.
 */
export async function insertSessionWithoutRefresh(
  tx: Executor,
  session: { familyId: string; kind: Audience; subjectId: number; expiresAt: Date },
): Promise<void> {
  await insertRefreshToken(tx, {
    hash: randomBytes(32),
    kind: session.kind,
    subjectId: session.subjectId,
    familyId: session.familyId,
    expiresAt: session.expiresAt,
    accessExpiresAt: session.expiresAt,
  });
}

/** Whose a session is and whether it was ended, by its id; undefined when it never began. */
export async function findSession(
  tx: Executor,
  familyId: string,
): Promise<Pick<RefreshTokenRow, 'subjectKind' | 'subjectId' | 'revokedAt'> | undefined> {
  const [row] = await tx
    .select({
      subjectKind: refreshTokens.subjectKind,
      subjectId: refreshTokens.subjectId,
      revokedAt: refreshTokens.revokedAt,
    })
    .from(refreshTokens)
    .where(eq(refreshTokens.familyId, familyId))
    .limit(1);
  return row;
}

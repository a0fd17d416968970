import { randomUUID } from 'node:crypto';
import type { Executor } from '@kasa/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { Audience } from '../application/token-issuer.ts';
import { refreshTokens } from './schema.ts';

export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

export async function insertRefreshToken(
  tx: Executor,
  row: { hash: Buffer; kind: Audience; subjectId: number; familyId?: string; expiresAt: Date },
): Promise<void> {
  await tx.insert(refreshTokens).values({
    tokenHash: row.hash,
    familyId: row.familyId ?? randomUUID(),
    subjectKind: row.kind,
    subjectId: row.subjectId,
    expiresAt: row.expiresAt,
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

export async function revokeFamily(tx: Executor, familyId: string, at: Date): Promise<void> {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: at })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

export async function revokeSubject(
  tx: Executor,
  kind: Audience,
  subjectId: number,
  at: Date,
): Promise<void> {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: at })
    .where(
      and(
        eq(refreshTokens.subjectKind, kind),
        eq(refreshTokens.subjectId, subjectId),
        isNull(refreshTokens.revokedAt),
      ),
    );
}

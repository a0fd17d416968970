import type { Executor, Tx } from '@kasa/db';
import {
  findRefreshTokenForUpdate,
  insertRefreshToken,
  markRotated,
  revokeFamily,
} from '../db/refresh-tokens.repository.ts';
import {
  hashRefreshToken,
  newRefreshToken,
  type Subject,
  type TokenIssuer,
  type TokenPair,
} from './token-issuer.ts';

export interface SessionPolicy {
  issuer: TokenIssuer;
  refreshTtlDays: number;
}

/** Starts a session: an access token and the first refresh token of a new family. */
export async function openSession(
  tx: Executor,
  policy: SessionPolicy,
  subject: Subject,
  claims: Record<string, unknown> = {},
  familyId?: string,
): Promise<TokenPair> {
  const { token, hash } = newRefreshToken();
  const expiresAt = new Date(Date.now() + policy.refreshTtlDays * 86_400_000);
  await insertRefreshToken(tx, {
    hash,
    kind: subject.kind,
    subjectId: subject.id,
    expiresAt,
    ...(familyId ? { familyId } : {}),
  });
  return {
    access_token: policy.issuer.accessToken(subject, claims),
    refresh_token: token,
    expires_in: policy.issuer.accessTtlSeconds,
  };
}

export type RefreshOutcome =
  | { ok: true; tokens: TokenPair }
  | {
      ok: false;
      reason: 'unknown' | 'expired' | 'revoked' | 'reused' | 'wrong audience' | 'subject refused';
    };

/**
 * Trades a refresh token for a new pair, once. A second use of the same token revokes its
 * whole family: whoever holds a copy, thief or owner, must sign in again.
 * `currentSubject` reloads the user (null when blocked or gone) and the claims to put in.
 */
export async function refreshSession(
  tx: Tx,
  policy: SessionPolicy,
  token: string,
  audience: Subject['kind'],
  currentSubject: (
    kind: Subject['kind'],
    id: number,
  ) => Promise<{ subject: Subject; claims?: Record<string, unknown> } | null>,
): Promise<RefreshOutcome> {
  const now = new Date();
  const row = await findRefreshTokenForUpdate(tx, hashRefreshToken(token));
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revokedAt) return { ok: false, reason: 'revoked' };
  if (row.rotatedAt) {
    await revokeFamily(tx, row.familyId, now);
    return { ok: false, reason: 'reused' };
  }
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  if (row.subjectKind !== audience) return { ok: false, reason: 'wrong audience' };
  const current = await currentSubject(row.subjectKind, row.subjectId);
  if (!current) {
    await revokeFamily(tx, row.familyId, now);
    return { ok: false, reason: 'subject refused' };
  }
  await markRotated(tx, row.id, now);
  return { ok: true, tokens: await openSession(tx, policy, current.subject, current.claims, row.familyId) };
}

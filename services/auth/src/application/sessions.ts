import { randomUUID } from 'node:crypto';
import type { Executor, Tx } from '@kasa/db';
import {
  findRefreshTokenForUpdate,
  insertRefreshToken,
  markRotated,
  revokeFamily,
  sessionOwner,
} from '../db/refresh-tokens.repository.ts';
import {
  hashRefreshToken,
  newRefreshToken,
  type SeedClaims,
  type Subject,
  type TokenIssuer,
  type TokenPair,
} from './token-issuer.ts';

export interface SessionPolicy {
  issuer: TokenIssuer;
  refreshTtlDays: number;
}

/** Who a session is for and what its tokens say of them. */
export interface SessionSubject {
  subject: Subject;
  seed: SeedClaims;
  claims?: Record<string, unknown>;
}

/**
 * Starts a session (a refresh-token family, whose id the access tokens carry as `sid`), or
 * continues one on refresh: an access token and a refresh token.
 */
export async function openSession(
  tx: Executor,
  policy: SessionPolicy,
  { subject, seed, claims }: SessionSubject,
  familyId: string = randomUUID(),
): Promise<TokenPair> {
  const { token, hash } = newRefreshToken();
  const now = Date.now();
  const ttlSeconds = policy.issuer.accessTtlSeconds[subject.kind];
  await insertRefreshToken(tx, {
    hash,
    kind: subject.kind,
    subjectId: subject.id,
    familyId,
    expiresAt: new Date(now + policy.refreshTtlDays * 86_400_000),
    // The signer counts from its own clock a moment later: a second's margin covers it.
    accessExpiresAt: new Date(now + (ttlSeconds + 1) * 1000),
  });
  return {
    access_token: policy.issuer.accessToken(subject, familyId, seed, claims),
    refresh_token: token,
    expires_in: ttlSeconds,
  };
}

/**
 * Signs a session out: its refresh tokens stop at once, its access tokens as soon as the
 * gateways learn of it. Only the session's own subject may end it; ending it twice is no error.
 */
export async function endSession(
  tx: Executor,
  sessionId: string,
  owner: Pick<Subject, 'kind' | 'id'>,
): Promise<boolean> {
  const found = await sessionOwner(tx, sessionId);
  if (!found || found.kind !== owner.kind || found.subjectId !== owner.id) return false;
  await revokeFamily(tx, sessionId, new Date());
  return true;
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
  currentSubject: (kind: Subject['kind'], id: number) => Promise<SessionSubject | null>,
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
  return { ok: true, tokens: await openSession(tx, policy, current, row.familyId) };
}

import { createHash } from 'node:crypto';
import type { Database } from '@kasa/db';
import { type SeedTokenClaims, unauthorized } from '@kasa/http';
import type { Logger } from '@kasa/log';
import { findSession, insertSessionWithoutRefresh } from '../db/refresh-tokens.repository.ts';
import { findAccount } from '../db/sign-in.repository.ts';
import { seedSessionRefusal } from '../domain/seed-sessions.ts';
import { memberSession } from './refresh-tokens.ts';
import type { SessionPolicy } from './sessions.ts';

/** Checks a token of the old system: its claims when it is one of its member tokens, unexpired. */
export type SeedTokenCheck = (token: string, nowSeconds: number) => SeedTokenClaims | null;

export interface SeedSessionDeps {
  database: Pick<Database, 'db'>;
  logger: Logger;
  sessions: SessionPolicy;
  /** Null when the old system's secret is not configured: no token of it is taken. */
  seedTokens: SeedTokenCheck | null;
}

export interface SeedSessionTokens {
  /** A Kasa member token of the seed token's session, working until the seed token expires. */
  access_token: string;
  expires_in: number;
}

/**
 * A seed token has no session id: it is named after a hash of the token itself, so each token
 * the old system gave is a session of its own, the same one on every trade. 31 base64url
 * characters (186 bits) after the prefix fill the 36 a session id may take.
 */
export function seedSessionId(token: string): string {
  return `seed-${createHash('sha256').update(token).digest('base64url').slice(0, 31)}`;
}

/**
 * Trades a member's token from the old system (HS256, its secret) for a Kasa access token of
 * the session the token stands for: begun here on its first trade, refused once ended (signed
 * out, the member blocked or their phone changed) and never beyond the seed token's `exp`.
 * Checked again here, whoever asks: auth never signs on another process's word.
 */
export async function continueSeedSession(deps: SeedSessionDeps, token: string): Promise<SeedSessionTokens> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const claims = deps.seedTokens?.(token, nowSeconds) ?? null;
  if (!claims) throw unauthorized();
  const sessionId = seedSessionId(token);
  const outcome = await deps.database.db.transaction(async (tx) => {
    // Locked as a block or a new phone locks it: that ending runs wholly before this or after.
    const account = await findAccount(tx, claims.memberId, true);
    if (!account) return { ok: false, reason: 'unknown member' } as const;
    const session = await findSession(tx, sessionId);
    const refusal = seedSessionRefusal(account, session);
    if (refusal) return { ok: false, reason: refusal } as const;
    if (!session) {
      await insertSessionWithoutRefresh(tx, {
        familyId: sessionId,
        kind: 'member',
        subjectId: account.id,
        expiresAt: new Date(claims.exp * 1000),
      });
    }
    const { subject, seed } = memberSession(account);
    const accessToken = deps.sessions.issuer.memberAccessTokenUntil(subject, sessionId, seed, claims.exp);
    return { ok: true, tokens: { access_token: accessToken, expires_in: claims.exp - nowSeconds } } as const;
  });
  if (outcome.ok) return outcome.tokens;
  deps.logger.info({ memberId: claims.memberId, reason: outcome.reason }, 'seed token refused');
  throw unauthorized('Your session has ended; please sign in again', 'session_revoked');
}

import { retryOnDeadlock, type Tx } from '@kasa/db';
import { unauthorized } from '@kasa/http';
import { eq } from 'drizzle-orm';
import { staffUsers } from '../db/schema.ts';
import { findAccount } from '../db/sign-in.repository.ts';
import type { AuthDeps } from './auth-deps.ts';
import { refreshSession } from './sessions.ts';
import type { Audience, Subject, TokenPair } from './token-issuer.ts';

/** The user behind a session as they are now; null when blocked, deactivated or gone. */
async function currentSubject(tx: Tx, kind: Audience, id: number) {
  if (kind === 'member') {
    const account = await findAccount(tx, id);
    return account && !account.blocked ? { subject: { kind, id, role: 'member' } satisfies Subject } : null;
  }
  const [user] = await tx.select().from(staffUsers).where(eq(staffUsers.id, id));
  if (!user?.isActive) return null;
  return { subject: { kind, id, role: user.role } satisfies Subject, claims: staffClaims(user) };
}

/** What the admin site reads from a staff token besides who and which role. */
export function staffClaims(user: typeof staffUsers.$inferSelect): Record<string, unknown> {
  return { name: user.name, login: user.login, must_change_password: user.mustChangePassword };
}

export async function refreshTokens(deps: AuthDeps, token: string, audience: Audience): Promise<TokenPair> {
  const outcome = await retryOnDeadlock(() =>
    deps.context.database.db.transaction((tx) =>
      refreshSession(tx, deps.sessions, token, audience, (kind, id) => currentSubject(tx, kind, id)),
    ),
  );
  if (outcome.ok) return outcome.tokens;
  deps.context.logger.info({ reason: outcome.reason, audience }, 'refresh refused');
  throw unauthorized(
    'Your session has ended; please sign in again',
    `refresh_${outcome.reason.replace(' ', '_')}`,
  );
}

import type { Database, Tx } from '@kasa/db';
import { unauthorized } from '@kasa/http';
import type { Logger } from '@kasa/log';
import { eq } from 'drizzle-orm';
import { staffUsers } from '../db/schema.ts';
import { findAccount, type MemberAccount } from '../db/sign-in.repository.ts';
import { memberTokenName } from '../domain/seed-claims.ts';
import { refreshSession, type SessionPolicy, type SessionSubject } from './sessions.ts';
import type { Audience, TokenPair } from './token-issuer.ts';

/** The user behind a session as they are now; null when blocked, deactivated or gone. */
async function currentSubject(tx: Tx, kind: Audience, id: number): Promise<SessionSubject | null> {
  if (kind === 'member') {
    const account = await findAccount(tx, id);
    return account && !account.blocked ? memberSession(account) : null;
  }
  const [user] = await tx.select().from(staffUsers).where(eq(staffUsers.id, id));
  return user?.isActive ? staffSession(user) : null;
}

/** A member's session: the seed's `name` and `email` claims from the names the member gave. */
export function memberSession(account: MemberAccount): SessionSubject {
  return {
    subject: { kind: 'member', id: account.id, role: 'member' },
    seed: { name: memberTokenName(account.firstName, account.lastName), email: account.email },
  };
}

/** A staff user's session: the seed's claims, and what the admin site reads besides who and which role. */
export function staffSession(user: typeof staffUsers.$inferSelect): SessionSubject {
  return {
    subject: { kind: 'staff', id: user.id, role: user.role },
    seed: { name: user.name, email: user.email },
    claims: { login: user.login, must_change_password: user.mustChangePassword },
  };
}

export interface RefreshTokensDeps {
  database: Pick<Database, 'db'>;
  logger: Logger;
  sessions: SessionPolicy;
}

export async function refreshTokens(
  deps: RefreshTokensDeps,
  token: string,
  audience: Audience,
): Promise<TokenPair> {
  const outcome = await deps.database.db.transaction((tx) =>
    refreshSession(tx, deps.sessions, token, audience, (kind, id) => currentSubject(tx, kind, id)),
  );
  if (outcome.ok) return outcome.tokens;
  deps.logger.info({ reason: outcome.reason, audience }, 'refresh refused');
  throw unauthorized(
    'Your session has ended; please sign in again',
    `refresh_${outcome.reason.replace(' ', '_')}`,
  );
}

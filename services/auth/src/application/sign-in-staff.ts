import { tooManyRequests, unauthorized } from '@kasa/http';
import type { Logger } from '@kasa/log';
import type { UnitOfWork } from '@kasa/messaging';
import {
  findStaffUserByLogin,
  type StaffUserRow,
  saveLockout,
  saveRehash,
} from '../db/staff-users.repository.ts';
import {
  forgetUnknownLoginsBefore,
  lockUnknownLogin,
  saveUnknownLoginLockout,
} from '../db/unknown-logins.repository.ts';
import { AFTER_RIGHT_PASSWORD, afterWrongPassword, lockedForSeconds } from '../domain/lockout.ts';
import { hashPassword, isSeedPasswordHash, needsRehash, verifyNobody, verifyPassword } from './passwords.ts';
import { staffSession } from './refresh-tokens.ts';
import { openSession, type SessionPolicy } from './sessions.ts';
import { countWrongPassword } from './staff-lockout.ts';
import type { TokenPair } from './token-issuer.ts';

export interface SignInStaffDeps {
  unitOfWork: UnitOfWork;
  logger: Logger;
  sessions: SessionPolicy;
}

export interface StaffSession extends TokenPair {
  user: StaffUserRow;
}

/** One answer for an unknown login, a wrong password and a blocked account: none is told apart. */
const WRONG = 'Wrong login or password';

/** Counts of guesses at logins that do not exist are kept this long after the last one. */
const UNKNOWN_LOGIN_MEMORY_MS = 24 * 3_600_000;

/**
 * Trades a login and password for tokens. The account's row stays locked while the password
 * is checked, so parallel guesses are counted one by one and the sixth meets the lock; a wrong
 * password is counted (and committed) before the 401. A login without an account is counted
 * and locked the same way, and costs the same time, so no answer tells which logins exist.
 */
export async function signInStaff(
  deps: SignInStaffDeps,
  login: string,
  password: string,
): Promise<StaffSession> {
  const { unitOfWork, logger } = deps;
  const outcome = await unitOfWork.run(async ({ tx, emit }) => {
    const user = await findStaffUserByLogin(tx, login, true);
    const now = new Date();
    if (!user) {
      const failures = await lockUnknownLogin(tx, login);
      const retryAfterSeconds = lockedForSeconds(failures, now);
      if (retryAfterSeconds > 0) return { kind: 'locked', retryAfterSeconds } as const;
      await verifyNobody(password);
      await saveUnknownLoginLockout(tx, login, afterWrongPassword(failures, now), now);
      await forgetUnknownLoginsBefore(tx, new Date(now.getTime() - UNKNOWN_LOGIN_MEMORY_MS));
      return { kind: 'unknown login' } as const;
    }
    const retryAfterSeconds = lockedForSeconds(user, now);
    if (retryAfterSeconds > 0) return { kind: 'locked', userId: user.id, retryAfterSeconds } as const;
    if (!(await verifyPassword(password, user.passwordHash))) {
      await countWrongPassword({ tx, emit }, user, new Date());
      return { kind: 'wrong password', userId: user.id } as const;
    }
    if (!user.isActive) return { kind: 'blocked', userId: user.id } as const;

    if (user.failedAttempts > 0 || user.lockedUntil) await saveLockout(tx, user.id, AFTER_RIGHT_PASSWORD);
    // A password brought from the old system opens Kasa with its old hash this once: the hash is
    // replaced now, and the password must be changed too, since the old database and its copies
    // keep that unsalted hash crackable (README, "Staff passwords from the old system").
    const fromSeed = isSeedPasswordHash(user.passwordHash);
    if (needsRehash(user.passwordHash)) {
      await saveRehash(tx, user.id, await hashPassword(password), { mustChange: fromSeed });
    }
    const signedIn = {
      ...user,
      ...AFTER_RIGHT_PASSWORD,
      mustChangePassword: user.mustChangePassword || fromSeed,
    };
    const tokens = await openSession(tx, deps.sessions, staffSession(signedIn));
    return { kind: 'signed in', tokens, user: signedIn } as const;
  });

  if (outcome.kind === 'signed in') return { ...outcome.tokens, user: outcome.user };
  logger.info(
    { userId: 'userId' in outcome ? outcome.userId : undefined, reason: outcome.kind },
    'staff sign-in refused',
  );
  if (outcome.kind === 'locked') {
    throw tooManyRequests(
      outcome.retryAfterSeconds,
      'Too many wrong passwords; please try again later',
      'staff_sign_in_locked',
    );
  }
  throw unauthorized(WRONG, 'wrong_login_or_password');
}

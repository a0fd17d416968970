import type { Executor } from '@kasa/db';
import { eq, lt } from 'drizzle-orm';
import type { LockoutState } from '../domain/lockout.ts';
import { unknownLoginFailures } from './schema.ts';

/**
 * The failures counted against a login that has no account, its row locked for this
 * transaction (created at zero), so that parallel guesses are counted one by one.
 *
 * The row is created by an upsert, not INSERT IGNORE: IGNORE leaves a share lock on a row
 * another transaction created, and parallel guesses that each hold one and then ask for the
 * row FOR UPDATE deadlock one another, again on every retry. The upsert takes the row
 * exclusively at once, so they simply queue.
 */
export async function lockUnknownLogin(tx: Executor, login: string): Promise<LockoutState> {
  await tx.insert(unknownLoginFailures).values({ login }).onDuplicateKeyUpdate({ set: { login } });
  const [row] = await tx
    .select({
      failedAttempts: unknownLoginFailures.failedAttempts,
      lockedUntil: unknownLoginFailures.lockedUntil,
    })
    .from(unknownLoginFailures)
    .where(eq(unknownLoginFailures.login, login))
    .for('update');
  return row ?? { failedAttempts: 0, lockedUntil: null };
}

export async function saveUnknownLoginLockout(
  tx: Executor,
  login: string,
  state: LockoutState,
  now: Date,
): Promise<void> {
  await tx
    .update(unknownLoginFailures)
    .set({ failedAttempts: state.failedAttempts, lockedUntil: state.lockedUntil, updatedAt: now })
    .where(eq(unknownLoginFailures.login, login));
}

/** Removes a batch of counts untouched since `before`: guesses at random logins leave no trail. */
export async function forgetUnknownLoginsBefore(tx: Executor, before: Date): Promise<void> {
  await tx.delete(unknownLoginFailures).where(lt(unknownLoginFailures.updatedAt, before)).limit(100);
}

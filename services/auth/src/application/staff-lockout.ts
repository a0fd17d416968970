import { StaffSigninLocked, SYSTEM } from '@kasa/contracts';
import type { Tx } from '@kasa/db';
import { newEvent, type TransactionContext } from '@kasa/messaging';
import { type StaffUserRow, saveLockout } from '../db/staff-users.repository.ts';
import { afterWrongPassword } from '../domain/lockout.ts';

/**
 * Counts a wrong password against the account (the caller holds its row locked, so parallel
 * guesses are counted one by one); a lock is published for the audit.
 */
export async function countWrongPassword(
  { tx, emit }: { tx: Tx; emit: TransactionContext['emit'] },
  user: StaffUserRow,
  now: Date,
): Promise<void> {
  const next = afterWrongPassword(user, now);
  await saveLockout(tx, user.id, next);
  if (next.locked && next.lockedUntil) {
    await emit(
      newEvent(
        StaffSigninLocked,
        {
          userId: user.id,
          failedAttempts: next.failedAttempts,
          lockedUntil: next.lockedUntil.toISOString(),
        },
        { aggregateId: user.id, actor: SYSTEM },
      ),
    );
  }
}

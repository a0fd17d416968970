/** Wrong passwords in a row that lock a staff account. */
export const LOCKOUT_THRESHOLD = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 3_600_000;
/** Where counting stops (the column is a small integer); the lock is an hour long well before. */
const MOST_COUNTED = 10_000;

export interface LockoutState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

/** Seconds until the account may try again; 0 when it is not locked. */
export function lockedForSeconds(state: LockoutState, now: Date): number {
  if (!state.lockedUntil) return 0;
  const ms = state.lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/**
 * One more wrong password. From the fifth in a row on, each locks the account: a minute
 * first, twice as long with every further failure, an hour at most. Guessing slows to a
 * crawl while the owner, who gets it right, loses at worst a few minutes.
 */
export function afterWrongPassword(state: LockoutState, now: Date): LockoutState & { locked: boolean } {
  const failedAttempts = Math.min(state.failedAttempts + 1, MOST_COUNTED);
  if (failedAttempts < LOCKOUT_THRESHOLD) return { failedAttempts, lockedUntil: null, locked: false };
  const doublings = Math.min(failedAttempts - LOCKOUT_THRESHOLD, 12);
  const ms = Math.min(FIRST_LOCK_MS * 2 ** doublings, LONGEST_LOCK_MS);
  return { failedAttempts, lockedUntil: new Date(now.getTime() + ms), locked: true };
}

/** A right password forgets the failures. */
export const AFTER_RIGHT_PASSWORD: LockoutState = { failedAttempts: 0, lockedUntil: null };

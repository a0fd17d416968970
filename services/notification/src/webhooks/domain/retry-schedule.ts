/**
 * SPEC §4's backoff: after the first attempt fails, retries 5 s, 5 min, 30 min, 2 h, 5 h, 10 h
 * and 10 h later; when the last of them fails too, the delivery is dead.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [
  5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
];

/** The longest wait a receiver's Retry-After can ask for: beyond it, we come back anyway. */
export const RETRY_AFTER_CAP_MS = 24 * 3_600_000;

export interface RetryPolicy {
  /** Pause before retry n is delaysMs[n - 1]; there are as many retries as pauses. */
  delaysMs: readonly number[];
  /** Each pause is stretched or shrunk by up to this fraction, so that receivers recovering from an outage are not hit by every retry at once. */
  jitter: number;
}

export type RetryDecision = { kind: 'retry'; delayMs: number } | { kind: 'dead' };

/** "5000,300000,…": the pauses in milliseconds, as the variable gives them. */
export function parseRetryDelays(text: string): number[] {
  const delays = text.split(',').map((part) => Number(part.trim()));
  if (delays.some((delay) => !Number.isSafeInteger(delay) || delay < 1)) {
    throw new Error(`Not a list of positive milliseconds: ${text}`);
  }
  return delays;
}

/**
 * What follows the `failures`-th failed attempt in a row (the one that just failed included):
 * the pause before the next, or the end. A receiver's Retry-After is honoured: the pause is never
 * shorter than it asks (up to RETRY_AFTER_CAP_MS), and never shorter than the schedule's.
 */
export function nextRetry(
  policy: RetryPolicy,
  failures: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): RetryDecision {
  const base = policy.delaysMs[failures - 1];
  if (base === undefined) return { kind: 'dead' };
  const jittered = Math.round(base * (1 + policy.jitter * (2 * random() - 1)));
  const asked = retryAfterMs === null ? 0 : Math.min(retryAfterMs, RETRY_AFTER_CAP_MS);
  return { kind: 'retry', delayMs: Math.max(1, jittered, asked) };
}

/** Retry-After as delay-seconds or an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export function retryAfterMsOf(header: string | undefined, now: number): number | null {
  if (header === undefined) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, Number.MAX_SAFE_INTEGER);
  // HTTP dates end in GMT; anything else Date.parse might read ("1.5") is not one.
  const at = text.endsWith('GMT') ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

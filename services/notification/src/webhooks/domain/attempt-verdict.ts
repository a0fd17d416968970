import { nextRetry, type RetryPolicy, retryAfterMsOf } from './retry-schedule.ts';

/** What one POST came to, as far as the receiver is concerned. */
export type AttemptResult =
  | { kind: 'answered'; status: number; retryAfter: string | undefined }
  | { kind: 'unanswered'; error: string };

/** What becomes of the delivery after an attempt. */
export type Verdict =
  | { kind: 'delivered' }
  /** 410 Gone: the receiver is no more; its subscriber is disabled. */
  | { kind: 'gone' }
  | { kind: 'retry'; delayMs: number }
  | { kind: 'dead' };

/**
 * Any 2xx is accepted; 410 Gone disables the subscriber; anything else (other statuses, a
 * redirect, which is never followed, no answer in time) is a failure, retried on the schedule.
 * `failures` counts the failed attempts before this one.
 */
export function verdictOf(
  result: AttemptResult,
  failures: number,
  policy: RetryPolicy,
  now: number,
): Verdict {
  if (result.kind === 'answered') {
    if (result.status >= 200 && result.status < 300) return { kind: 'delivered' };
    if (result.status === 410) return { kind: 'gone' };
  }
  const retryAfterMs = result.kind === 'answered' ? retryAfterMsOf(result.retryAfter, now) : null;
  return nextRetry(policy, failures + 1, retryAfterMs);
}

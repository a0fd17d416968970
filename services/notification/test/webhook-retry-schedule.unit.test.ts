import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verdictOf } from '../src/webhooks/domain/attempt-verdict.ts';
import {
  DEFAULT_RETRY_DELAYS_MS,
  nextRetry,
  parseRetryDelays,
  RETRY_AFTER_CAP_MS,
  retryAfterMsOf,
} from '../src/webhooks/domain/retry-schedule.ts';

const policy = { delaysMs: DEFAULT_RETRY_DELAYS_MS, jitter: 0.2 };
const exact = { delaysMs: DEFAULT_RETRY_DELAYS_MS, jitter: 0 };
const middle = () => 0.5;
const NOW = Date.parse('2026-03-01T10:00:00Z');

test('the schedule is 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then dead', () => {
  const pauses = [1, 2, 3, 4, 5, 6, 7].map((failures) => nextRetry(exact, failures, null));
  assert.deepEqual(
    pauses.map((decision) => (decision.kind === 'retry' ? decision.delayMs / 1000 : decision.kind)),
    [5, 300, 1_800, 7_200, 18_000, 36_000, 36_000],
  );
  assert.deepEqual(nextRetry(exact, 8, null), { kind: 'dead' });
});

test('each pause is jittered by at most a fifth either way', () => {
  const low = nextRetry(policy, 2, null, () => 0);
  const high = nextRetry(policy, 2, null, () => 0.999_999);
  assert.deepEqual(low, { kind: 'retry', delayMs: 240_000 });
  assert.ok(high.kind === 'retry' && high.delayMs > 359_000 && high.delayMs <= 360_000);
  assert.deepEqual(nextRetry(policy, 2, null, middle), { kind: 'retry', delayMs: 300_000 });
});

test('Retry-After lengthens a pause but never shortens it, and is capped at a day', () => {
  assert.deepEqual(nextRetry(policy, 1, 60_000, middle), { kind: 'retry', delayMs: 60_000 });
  assert.deepEqual(nextRetry(policy, 2, 60_000, middle), { kind: 'retry', delayMs: 300_000 });
  assert.deepEqual(nextRetry(policy, 1, 30 * 86_400_000, middle), {
    kind: 'retry',
    delayMs: RETRY_AFTER_CAP_MS,
  });
  assert.deepEqual(
    nextRetry(policy, 8, 1_000, middle),
    { kind: 'dead' },
    'it never brings back a dead delivery',
  );
});

test('Retry-After is read as seconds or as an HTTP date; anything else is ignored', () => {
  assert.equal(retryAfterMsOf('120', NOW), 120_000);
  assert.equal(retryAfterMsOf(' 0 ', NOW), 0);
  assert.equal(retryAfterMsOf('Sun, 01 Mar 2026 10:02:30 GMT', NOW), 150_000);
  assert.equal(retryAfterMsOf('Sun, 01 Mar 2026 09:00:00 GMT', NOW), 0, 'a date in the past means now');
  assert.equal(retryAfterMsOf('1.5', NOW), null);
  assert.equal(retryAfterMsOf('soon', NOW), null);
  assert.equal(retryAfterMsOf(undefined, NOW), null);
});

test('the variable lists pauses in milliseconds, so tests can use short ones', () => {
  assert.deepEqual(parseRetryDelays('50, 100,200'), [50, 100, 200]);
  assert.throws(() => parseRetryDelays('5s,10s'), /positive milliseconds/);
  assert.throws(() => parseRetryDelays('0'), /positive milliseconds/);
});

test('a 2xx is delivered, 410 is gone, any other answer or none is retried', () => {
  const answered = (status: number, retryAfter?: string) =>
    verdictOf({ kind: 'answered', status, retryAfter }, 0, exact, NOW);
  assert.deepEqual(answered(200), { kind: 'delivered' });
  assert.deepEqual(answered(204), { kind: 'delivered' });
  assert.deepEqual(answered(410), { kind: 'gone' });
  assert.deepEqual(answered(301), { kind: 'retry', delayMs: 5_000 }, 'a redirect is not followed');
  assert.deepEqual(answered(503, '30'), { kind: 'retry', delayMs: 30_000 });
  assert.deepEqual(verdictOf({ kind: 'unanswered', error: 'ECONNREFUSED' }, 6, exact, NOW), {
    kind: 'retry',
    delayMs: 36_000_000,
  });
  assert.deepEqual(verdictOf({ kind: 'unanswered', error: 'timeout' }, 7, exact, NOW), { kind: 'dead' });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgePayout } from '../src/domain/payout-rule.ts';

const reason = (verdict: ReturnType<typeof judgePayout>) => (verdict.allowed ? 'allowed' : verdict.reason);

test('a payout needs a grant, never exceeds what is left, and is named for what it leaves', () => {
  assert.equal(reason(judgePayout('partial_payout', 100, null, 0)), 'not_granted');
  assert.equal(reason(judgePayout('payout', 100, 0, 0)), 'not_granted');
  assert.equal(reason(judgePayout('partial_payout', 40_000, 100_000, 0)), 'allowed');
  assert.equal(reason(judgePayout('partial_payout', 60_000, 100_000, 40_000)), 'not_the_rest');
  assert.equal(reason(judgePayout('payout', 60_000, 100_000, 40_000)), 'allowed');
  assert.equal(reason(judgePayout('payout', 50_000, 100_000, 40_000)), 'not_the_rest');
  assert.equal(reason(judgePayout('partial_payout', 60_001, 100_000, 40_000)), 'over_granted');
  assert.equal(reason(judgePayout('partial_payout', 1, 100_000, 100_000)), 'nothing_left');
  // Lowered below what was paid (before the request service refused that): nothing more.
  assert.equal(reason(judgePayout('payout', 1, 50_000, 60_000)), 'nothing_left');
});

test('the refusal says what is left, in hryvnias', () => {
  const verdict = judgePayout('partial_payout', 70_000, 100_000, 40_050);
  assert.equal(verdict.allowed, false);
  assert.match(verdict.allowed ? '' : verdict.message, /Only 599\.50 UAH of the granted 1000\.00 UAH/);
});

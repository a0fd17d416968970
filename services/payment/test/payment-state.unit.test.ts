import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextState, outcomeOf, PAYMENT_STATES } from '../src/domain/payment-state.ts';

test('LiqPay statuses: success is money, sandbox only in sandbox mode, the rest on its way', () => {
  assert.equal(outcomeOf('success', false), 'confirmed');
  assert.equal(outcomeOf('sandbox', true), 'confirmed');
  assert.equal(outcomeOf('sandbox', false), 'failed');
  assert.equal(outcomeOf('failure', true), 'failed');
  assert.equal(outcomeOf('error', true), 'failed');
  assert.equal(outcomeOf('reversed', true), 'reversed');
  for (const status of [
    'processing',
    'wait_secure',
    '3ds_verify',
    'hold_wait',
    'prepared',
    'something new',
  ]) {
    assert.equal(outcomeOf(status, true), 'pending', status);
  }
});

test('states only move forward, whatever order the outcomes come in', () => {
  assert.equal(nextState('pending', 'confirmed'), 'confirmed');
  assert.equal(nextState('confirmed', 'failed'), 'confirmed');
  assert.equal(nextState('failed', 'confirmed'), 'confirmed');
  assert.equal(nextState('confirmed', 'reversed'), 'reversed');
  assert.equal(nextState('reversed', 'confirmed'), 'reversed');
  for (const state of PAYMENT_STATES) {
    assert.equal(nextState(state, 'pending'), state);
    assert.equal(nextState('flagged', state === 'flagged' ? 'confirmed' : 'failed'), 'flagged');
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { refundRefusalOf } from '../src/domain/refund-rules.ts';
import { chargeOutcomeOf, nextSubscriptionState } from '../src/domain/subscription-state.ts';

test('the first charge is reported as subscribed, the monthly ones as success: both are money received', () => {
  // LiqPay's statuses are read into these at the edge: liqpay-callback.unit.test.ts.
  assert.equal(chargeOutcomeOf({ kind: 'subscribed' }), 'confirmed');
  assert.equal(chargeOutcomeOf({ kind: 'payment', outcome: 'confirmed' }), 'confirmed');
  assert.equal(chargeOutcomeOf({ kind: 'payment', outcome: 'failed' }), 'failed');
  assert.equal(chargeOutcomeOf({ kind: 'payment', outcome: 'pending' }), 'pending');
  assert.equal(chargeOutcomeOf({ kind: 'refund' }), 'reversed');
});

test('money received starts a subscription; a failed monthly charge does not end it; unsubscribed does', () => {
  const credited = { ended: false, outcome: 'confirmed', credited: true } as const;
  const failed = { ended: false, outcome: 'failed', credited: false } as const;
  const ended = { ended: true, outcome: 'pending', credited: false } as const;
  assert.equal(nextSubscriptionState('pending', credited), 'active');
  assert.equal(nextSubscriptionState('failed', credited), 'active');
  assert.equal(nextSubscriptionState('pending', failed), 'failed');
  assert.equal(nextSubscriptionState('active', failed), 'active');
  assert.equal(nextSubscriptionState('active', ended), 'cancelled');
  assert.equal(nextSubscriptionState('pending', ended), 'cancelled');
  assert.equal(nextSubscriptionState('cancelled', credited), 'cancelled', 'a late charge starts nothing');
  assert.equal(
    nextSubscriptionState('active', { ended: false, outcome: 'confirmed', credited: false }),
    'active',
    'a charge credited before',
  );
});

test('only a confirmed LiqPay contribution can be refunded', () => {
  const paid = {
    kind: 'contribution',
    source: 'liqpay',
    state: 'confirmed',
    orderId: 'kasa-1',
    subscriptionId: null,
  } as const;
  assert.equal(refundRefusalOf(paid), null);
  assert.equal(
    refundRefusalOf({ ...paid, orderId: null, subscriptionId: 3 }),
    null,
    "a subscription's charge",
  );
  assert.equal(refundRefusalOf({ ...paid, source: 'manual', orderId: null })?.code, 'manual_not_refundable');
  assert.equal(refundRefusalOf({ ...paid, kind: 'payout' })?.code, 'payout_not_refundable');
  assert.equal(refundRefusalOf({ ...paid, state: 'reversed' })?.code, 'already_refunded');
  for (const state of ['pending', 'failed', 'flagged'] as const) {
    assert.notEqual(refundRefusalOf({ ...paid, state }), null, state);
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type PendingDelivery, planInOrder } from '../src/webhooks/domain/delivery-order.ts';
import { objectKeyOf, subscribesTo } from '../src/webhooks/domain/event-selection.ts';

const pending = (
  id: number,
  objectKey: string,
  occurredAt: number,
  extra: Partial<PendingDelivery> = {},
) => ({
  id,
  objectKey,
  occurredAt,
  inFlight: false,
  nextAttemptAt: 1_000,
  ...extra,
});

test('an object is the event type’s domain and the aggregate', () => {
  assert.equal(objectKeyOf('payment.confirmed', '42'), 'payment:42');
  assert.equal(objectKeyOf('membership.extended', '42'), 'membership:42');
});

test('a subscriber gets the types it named, or every type with *', () => {
  assert.ok(subscribesTo(['payment.confirmed'], 'payment.confirmed'));
  assert.ok(!subscribesTo(['payment.confirmed'], 'payment.refunded'));
  assert.ok(subscribesTo(['*'], 'payment.refunded'));
});

test('an object’s due deliveries go as one chain, in the order their events happened', () => {
  const plan = planInOrder(
    new Set([1, 2, 3]),
    [pending(3, 'payment:1', 300), pending(1, 'payment:1', 100), pending(2, 'payment:1', 200)],
    20,
  );
  assert.deepEqual(plan, { chains: [[1, 2, 3]], deferred: [] });
});

test('events of the same moment keep the order they were recorded in', () => {
  const plan = planInOrder(new Set([8, 7]), [pending(8, 'payment:1', 100), pending(7, 'payment:1', 100)], 20);
  assert.deepEqual(plan.chains, [[7, 8]]);
});

test('other objects’ deliveries go beside each other', () => {
  const plan = planInOrder(new Set([1, 2]), [pending(1, 'payment:1', 100), pending(2, 'payment:2', 50)], 20);
  assert.deepEqual(plan.chains, [[1], [2]]);
});

test('a chain stops at the first delivery that is not due, and at its longest', () => {
  const rows = [pending(1, 'm:1', 1), pending(2, 'm:1', 2), pending(3, 'm:1', 3), pending(4, 'm:1', 4)];
  assert.deepEqual(planInOrder(new Set([1, 2, 4]), rows, 20).chains, [[1, 2]]);
  assert.deepEqual(planInOrder(new Set([1, 2, 3, 4]), rows, 3).chains, [[1, 2, 3]]);
});

test('nothing goes while an earlier delivery of the object is in flight', () => {
  const plan = planInOrder(
    new Set([2]),
    [pending(1, 'm:1', 1, { inFlight: true, nextAttemptAt: 9_999 }), pending(2, 'm:1', 2)],
    20,
  );
  assert.deepEqual(plan, { chains: [], deferred: [] });
});

test('behind an earlier delivery waiting for its retry, the later ones wait until just after it', () => {
  const plan = planInOrder(
    new Set([2, 3]),
    [pending(1, 'm:1', 1, { nextAttemptAt: 5_000 }), pending(2, 'm:1', 2), pending(3, 'm:1', 3)],
    20,
  );
  assert.deepEqual(plan, {
    chains: [],
    deferred: [
      { id: 2, until: 5_001 },
      { id: 3, until: 5_001 },
    ],
  });
});

test('an earlier event that arrived late goes first: the later one waits for it', () => {
  // 2 was recorded first; 1, of an earlier moment, came a little later and is still in its grace.
  const plan = planInOrder(
    new Set([2]),
    [pending(2, 'm:1', 200), pending(1, 'm:1', 100, { nextAttemptAt: 1_500 })],
    20,
  );
  assert.deepEqual(plan.deferred, [{ id: 2, until: 1_501 }]);
});

test('behind an earlier delivery that is due but was not looked at, the later one moves behind it', () => {
  // 2 came due first (it was recorded first); 1 came due later and was past the claim's limit.
  // Moved behind 1, 2 no longer takes the place 1 needs in the next claim.
  const plan = planInOrder(
    new Set([2]),
    [pending(1, 'm:1', 1, { nextAttemptAt: 900 }), pending(2, 'm:1', 2, { nextAttemptAt: 800 })],
    20,
  );
  assert.deepEqual(plan, { chains: [], deferred: [{ id: 2, until: 901 }] });
});

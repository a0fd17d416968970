import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { EVENTS, PaymentConfirmed } from '../src/index.ts';

const confirmed = {
  id: randomUUID(),
  type: 'payment.confirmed',
  version: 1,
  occurredAt: new Date().toISOString(),
  aggregateId: '42',
  actor: { kind: 'provider', id: 'liqpay' },
  data: {
    paymentId: 42,
    memberId: 7,
    kind: 'contribution',
    amount: 50000,
    currency: 'UAH',
    source: 'liqpay',
  },
};

test('accepts a well-formed event', () => {
  assert.equal(PaymentConfirmed.check(confirmed), true);
});

test('rejects money that is not integer minor units, naming the field', () => {
  const event = { ...confirmed, data: { ...confirmed.data, amount: 500.5 } };
  assert.equal(PaymentConfirmed.check(event), false);
  assert.match(PaymentConfirmed.errors(event).join(), /\/data\/amount/);
});

test('rejects an envelope of another type', () => {
  assert.equal(PaymentConfirmed.check({ ...confirmed, type: 'payment.failed' }), false);
});

test('registers every event once under its own type', () => {
  for (const [type, definition] of Object.entries(EVENTS)) assert.equal(definition.type, type);
  assert.ok(Object.keys(EVENTS).length >= 25);
  assert.equal(EVENTS['payment.confirmed'], PaymentConfirmed);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  fateOf,
  type KasaPayment,
  seedPaymentDateOf,
  seedPaymentRowOf,
} from '../src/import/seed-payment-back.ts';
import { SeedPaymentKinds } from '../src/import/seed-payment-kinds.ts';

/** How a Kasa payment goes back into the seed's `payments` (seed-payment-back.ts), row by row. */
const kindsOf = (...types: Array<[number, string]>) => {
  const kinds = new SeedPaymentKinds();
  for (const [id, name] of types) kinds.learn({ id, name });
  return kinds;
};

test("a kind goes back as the thesis's type, else the table's type of that kind, else the thesis's free id", () => {
  const thesis = kindsOf(
    [1, 'Поповнення'],
    [2, 'Відшкодування'],
    [3, 'Часткове відшкодування'],
    [5, 'Виплата'],
  );
  assert.deepEqual(
    (['contribution', 'payout', 'partial_payout'] as const).map((kind) => thesis.typeIdOf(kind)),
    [1, 2, 3],
  );
  // Numbered otherwise: by name; a kind it lacks takes the thesis's id when that id is free (the
  // import reads it back as that kind), and none when another type has it.
  const other = kindsOf([7, ' поповнення '], [8, 'Виплата'], [9, 'Часткова  виплата'], [10, 'Штраф']);
  assert.deepEqual(
    (['contribution', 'payout', 'partial_payout'] as const).map((kind) => other.typeIdOf(kind)),
    [7, 8, 9],
  );
  const lacking = kindsOf([1, 'Поповнення'], [3, 'Штраф']);
  assert.equal(lacking.typeIdOf('payout'), 2);
  assert.equal(lacking.typeIdOf('partial_payout'), null);
  for (const kinds of [thesis, other, lacking])
    for (const kind of ['contribution', 'payout', 'partial_payout'] as const) {
      const id = kinds.typeIdOf(kind);
      if (id !== null) assert.deepEqual(kinds.kindOf(id), { kind }, 'read back as the same kind');
    }
});

test('only confirmed money goes back: a refund is money that went back, a reversal never paid is none', () => {
  const at = new Date('2024-05-01T09:00:00Z');
  assert.equal(fateOf({ state: 'confirmed', confirmedAt: at }), 'money');
  assert.equal(fateOf({ state: 'confirmed', confirmedAt: null }), 'money', 'an old manual entry never dated');
  assert.equal(fateOf({ state: 'pending', confirmedAt: null }), 'waiting');
  assert.equal(fateOf({ state: 'failed', confirmedAt: null }), 'unpaid');
  assert.equal(fateOf({ state: 'flagged', confirmedAt: null }), 'flagged');
  assert.equal(fateOf({ state: 'reversed', confirmedAt: at }), 'refunded');
  assert.equal(fateOf({ state: 'reversed', confirmedAt: null }), 'unpaid');
});

test('payment_date: the instant confirmed when it is the day paid, else that day at midnight', () => {
  // A callback at 00:30 in Kyiv's summer: the day before in UTC, the same day in Kyiv.
  const callback = new Date('2024-06-30T21:30:00.456Z');
  assert.equal(seedPaymentDateOf({ confirmedAt: callback, paidOn: '2024-07-01' }), '2024-07-01 00:30:00');
  assert.equal(seedPaymentDateOf({ confirmedAt: callback, paidOn: null }), '2024-07-01 00:30:00');
  // Entered by staff on 1 July for money that moved on 1 June.
  assert.equal(seedPaymentDateOf({ confirmedAt: callback, paidOn: '2024-06-01' }), '2024-06-01 00:00:00');
  assert.equal(seedPaymentDateOf({ confirmedAt: null, paidOn: null }), null);
});

test("a row goes back under its id, in hryvnias, a subscription's charge without the subscription's order", () => {
  const payment: KasaPayment = {
    id: 1_000_001,
    memberId: 10,
    kind: 'payout',
    state: 'confirmed',
    amount: -1_234_567,
    orderId: null,
    confirmedAt: new Date('2026-01-15T10:00:00Z'),
    paidOn: '2026-01-15',
    requestId: 200,
    iban: 'UA213223130000026007233566001',
    reversesPaymentId: 1_000_000,
    subscriptionId: null,
    recordedBy: 3,
    note: 'Помилка',
    createdAt: new Date('2026-01-15T10:00:00.123Z'),
    updatedAt: new Date('2026-01-15T10:00:00.123Z'),
  };
  assert.deepEqual(seedPaymentRowOf(payment, 2), {
    id: 1_000_001,
    created_at: '2026-01-15 12:00:00',
    updated_at: '2026-01-15 12:00:00',
    iban: 'UA213223130000026007233566001',
    payment_type: 2,
    payment_identifier: null,
    member_id: 10,
    request_id: 200,
    payment_date: '2026-01-15 12:00:00',
    amount: -12_345.67,
  });
  const charge = { ...payment, kind: 'contribution' as const, orderId: 'kasa-sub', subscriptionId: 4 };
  assert.equal(seedPaymentRowOf(charge, 1).payment_identifier, null);
  assert.equal(seedPaymentRowOf({ ...charge, subscriptionId: null }, 1).payment_identifier, 'kasa-sub');
  assert.equal(seedPaymentRowOf({ ...payment, iban: 'DE89370400440532013000123456789012' }, 2).iban, null);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SeedRow } from '@kasa/seed-import';
import { paymentOfSeed } from '../src/import/seed-payment.ts';
import { SeedPaymentKinds } from '../src/import/seed-payment-kinds.ts';

/** The rules a seed payment comes over by (seed-payment.ts), row by row. */
const RUN = new Date('2026-01-01T00:00:00Z');
const known = { memberKnown: () => true, requestKnown: () => true };
const kindsOf = (...types: Array<[number, string]>) => {
  const kinds = new SeedPaymentKinds();
  for (const [id, name] of types) kinds.learn({ id, name });
  return kinds;
};
const row = (values: SeedRow): SeedRow => ({
  id: 1,
  created_at: '2024-01-05 10:00:00',
  updated_at: null,
  iban: null,
  payment_type: 1,
  payment_identifier: null,
  member_id: 10,
  request_id: null,
  payment_date: '2024-01-05 10:00:00',
  amount: 300,
  ...values,
});

test('a type is known by its name, whatever its id; the thesis ids stand in for a type the table lacks', () => {
  const kinds = kindsOf([7, ' поповнення '], [8, 'Виплата'], [9, 'Часткова  виплата'], [10, 'Штраф']);
  assert.deepEqual(kinds.kindOf(7), { kind: 'contribution' });
  assert.deepEqual(kinds.kindOf(8), { kind: 'payout' });
  assert.deepEqual(kinds.kindOf(9), { kind: 'partial_payout' });
  assert.match((kinds.kindOf(10) as { reason: string }).reason, /Штраф/);
  assert.deepEqual(kinds.kindOf(3), { kind: 'partial_payout' }, 'not in the table: table 2.10’s id');
  assert.ok('reason' in kinds.kindOf(null));
});

test('the day is Kyiv’s, the instant UTC; an unknown day stays unknown; a bad one is reported', () => {
  const kinds = kindsOf([1, 'Поповнення']);
  const summer = paymentOfSeed(row({ payment_date: '2024-07-01 00:30:00' }), kinds, known, RUN).payment!;
  assert.equal(summer.paidOn, '2024-07-01');
  assert.equal(summer.confirmedAt?.toISOString(), '2024-06-30T21:30:00.000Z');
  const unknown = paymentOfSeed(row({ payment_date: null }), kinds, known, RUN);
  assert.equal(unknown.payment?.paidOn, null);
  assert.equal(unknown.payment?.confirmedAt, null);
  assert.deepEqual(unknown.problems, []);
  const bad = paymentOfSeed(
    row({ payment_date: '2024-02-30 10:00:00', created_at: null }),
    kinds,
    known,
    RUN,
  );
  assert.equal(bad.payment?.paidOn, null);
  assert.equal(bad.payment?.createdAt, RUN, 'no date at all: the run’s start');
  assert.deepEqual(
    bad.problems.map(({ kind }) => kind),
    ['bad_date', 'date_unknown'],
  );
});

test('an order id is kept to Kasa’s 64 characters, as callbacks are matched; an IBAN without its spaces', () => {
  const kinds = kindsOf([1, 'Поповнення']);
  const long = `  ${'7'.repeat(70)} `;
  const { payment, problems } = paymentOfSeed(
    row({ payment_identifier: long, iban: 'UA21 3223 1300 0002 6007 2335 6600 1' }),
    kinds,
    known,
    RUN,
  );
  assert.equal(payment?.orderId, '7'.repeat(64));
  assert.equal(payment?.source, 'liqpay');
  assert.equal(payment?.iban, 'UA213223130000026007233566001');
  assert.deepEqual(
    problems.map(({ kind }) => kind),
    ['value_replaced'],
  );
  assert.equal(paymentOfSeed(row({ payment_identifier: '  ' }), kinds, known, RUN).payment?.source, 'manual');
});

test('what the schema cannot hold is refused and reported: no member, an amount past its column', () => {
  const kinds = kindsOf([1, 'Поповнення']);
  const refused: SeedRow[] = [{ member_id: null }, { member_id: -3 }, { amount: 3e7 }, { amount: 'abc' }];
  for (const values of refused) {
    const { payment, problems } = paymentOfSeed(row(values), kinds, known, RUN);
    assert.equal(payment, null, JSON.stringify(values));
    assert.equal(problems.at(-1)?.kind, 'not_imported');
  }
  const negative = paymentOfSeed(row({ amount: -12.5 }), kinds, known, RUN).payment;
  assert.equal(negative?.amount, -1250, 'kept as the seed had it');
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isDuplicateKey } from '@kasa/db';
import { createTestDatabase, type TestDatabase } from '@kasa/testing';
import { insertPayment, type PaymentRow, updatePayments } from '../src/db/payments.repository.ts';
import { payments } from '../src/db/schema.ts';

/**
 * A batch of callbacks writes its payments in one statement, each payment its own change: the
 * columns one changes are left alone in the others, nulls and times written as one alone would.
 */
let database: TestDatabase;
before(async () => {
  database = await createTestDatabase(new URL('../migrations', import.meta.url).pathname);
});
after(() => database?.drop());

const created = new Date('2026-12-01T10:00:00.000Z');
const pending = (memberId: number) =>
  insertPayment(
    database.db,
    {
      memberId,
      kind: 'contribution',
      source: 'liqpay',
      state: 'pending',
      amount: 30_000,
      liqpayStatus: 'wait',
      liqpayPaymentId: 6000 + memberId,
    },
    created,
  );
const all = async () => new Map((await database.db.select().from(payments)).map((row) => [row.id, row]));

test('several payments change in one statement, each as it alone would', async () => {
  const [a, b, c, untouched] = await Promise.all([pending(1), pending(2), pending(3), pending(4)]);
  const now = new Date('2026-12-07T21:30:00.123Z');
  await updatePayments(
    database.db,
    [
      {
        id: a.id,
        patch: { state: 'confirmed', liqpayPaymentId: 7001, confirmedAt: now, paidOn: '2026-12-07' },
      },
      { id: b.id, patch: { state: 'flagged', flag: 'not as ordered', liqpayStatus: 'success' } },
      { id: c.id, patch: { liqpayStatus: 'processing', liqpayPaymentId: null } },
    ],
    now,
  );
  const rows = await all();
  const expected = (before: PaymentRow, change: Partial<PaymentRow>): PaymentRow => ({
    ...before,
    ...change,
    updatedAt: now,
  });
  assert.deepEqual(
    rows.get(a.id),
    expected(a, { state: 'confirmed', liqpayPaymentId: 7001, confirmedAt: now, paidOn: '2026-12-07' }),
  );
  assert.deepEqual(
    rows.get(b.id),
    expected(b, { state: 'flagged', flag: 'not as ordered', liqpayStatus: 'success' }),
  );
  assert.deepEqual(rows.get(c.id), expected(c, { liqpayStatus: 'processing', liqpayPaymentId: null }));
  assert.deepEqual(rows.get(untouched.id), untouched);
});

test('a change that breaks a unique key changes none of them', async () => {
  const [a, b] = await Promise.all([pending(11), pending(12)]);
  const now = new Date('2026-12-07T21:31:00.000Z');
  await assert.rejects(
    updatePayments(
      database.db,
      [
        { id: a.id, patch: { state: 'confirmed' } },
        { id: b.id, patch: { liqpayPaymentId: a.liqpayPaymentId } },
      ],
      now,
    ),
    (error: unknown) => isDuplicateKey(error, 'payments_liqpay_payment'),
  );
  const rows = await all();
  assert.deepEqual([rows.get(a.id), rows.get(b.id)], [a, b]);
});

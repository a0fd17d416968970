import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { kyivDateOf } from '@kasa/contracts';
import {
  runSeedImport,
  type SeedChange,
  type SeedChanges,
  type SeedRow,
  type ServiceImport,
  seedContextOf,
  seedDateTimeOfInstant,
  type VerifyContext,
} from '@kasa/seed-import';
import { type SeedImportUnderTest, seedImportUnderTest } from '@kasa/seed-import/testing';
import { generateEd25519Keys, testNamespace, testSchemaPrefix, testServiceEnv } from '@kasa/testing';
import { openSeedImport } from '../src/import/seed-import.ts';
import { type PaymentUnderTest, startPayment } from './support/payment-under-test.ts';

/**
 * A switch back (issue 19, item 9), the payment service's side: after a time on Kasa, what the
 * old `payments` table lacks. Only money that moved goes back (payments made in Kasa, confirmed;
 * an old order a late callback confirmed gets its date); the rest is left behind by row, with why.
 */
let under: SeedImportUnderTest;
let payment: ServiceImport;
let kasa: PaymentUnderTest;
let context: VerifyContext;

before(async () => {
  // Beside the fixture's 400–404: a payout paid in the hour autumn repeats, for more than a FLOAT's
  // six digits MariaDB sends; an order paid in the hour spring skips; a manual entry never dated;
  // an order id another payment has; an order never seen paid; and, last, a type Kasa has no kind
  // for, which the import leaves but whose id Kasa's sequence still moves past (keptIds).
  under = await seedImportUnderTest(openSeedImport, {
    extra: `
    INSERT INTO payment_types (id, name) VALUES (4, 'Штраф');
    INSERT INTO payments (id, created_at, updated_at, iban, payment_type, payment_identifier, member_id, request_id, payment_date, amount) VALUES
     (405, '2023-10-29 03:30:00', NULL, 'UA213223130000026007233566001', 2, NULL, 10, NULL, '2023-10-29 03:30:00', 12345.67),
     (406, '2024-03-31 03:20:00', '2024-03-31 03:30:00', NULL, 1, 'order-406', 11, NULL, '2024-03-31 03:30:00', 300),
     (407, NULL, NULL, NULL, 1, NULL, 12, NULL, NULL, 100),
     (408, '2024-01-06 10:00:00', NULL, NULL, 1, 'order-400', 12, NULL, '2024-01-06 10:00:00', 50),
     (409, '2024-04-01 10:00:00', NULL, NULL, 1, 'order-409', 11, NULL, NULL, 200),
     (410, '2024-04-02 10:00:00', NULL, NULL, 4, NULL, 10, NULL, '2024-04-02 10:00:00', 20);`,
  });
  payment = under.service;
  await runSeedImport({ source: under.source, services: [payment], filesDir: under.seed.filesDir });
  kasa = await startPayment({ MYSQL_SCHEMA_PREFIX: under.schemaPrefix });
  context = seedContextOf(under.source);
});
after(async () => {
  await kasa?.close();
  await under?.close();
});

const ADMIN = 7;
const STAFF = 3;
const allRows = (since: SeedChanges) => since.changes.flatMap(({ rows }) => rows);
const leftBehindIds = (since: SeedChanges) =>
  Object.fromEntries(since.leftBehind.map(({ what, ids }) => [what, ids]));
const nothingLeft = {
  'checkouts waiting for LiqPay': [],
  'checkouts never paid': [],
  'payments flagged for staff': [],
  'contributions made in Kasa and refunded through LiqPay': [],
  'old contributions refunded through LiqPay in Kasa': [],
  'payments of a kind the old payment types do not have': [],
  'correcting entries: the entry each corrects': [],
  'LiqPay subscription charges: their order and LiqPay payment id': [],
  'payout accounts too long for the old column': [],
  'who entered, corrected or refunded a payment, and their note': [],
  'automatic monthly dues, by subscription id': [],
};

const inject = (method: 'POST' | 'DELETE', url: string, authorization: string, payload: object = {}) =>
  kasa.service.app.inject({ method, url, headers: { authorization }, payload });
const callback = async (params: Record<string, unknown>) => {
  const answer = await kasa.service.app.inject({
    method: 'POST',
    url: '/liqpay/callbacks',
    payload: Object.fromEntries(
      new URLSearchParams(
        kasa.liqpay.callbackBody({
          version: 3,
          public_key: kasa.liqpay.publicKey,
          currency: 'UAH',
          ...params,
        }),
      ),
    ),
  });
  assert.equal(answer.statusCode, 200, answer.body);
  return answer.json().result as string;
};
const checkout = async (memberId: number, amount: number) => {
  const answer = await inject('POST', '/me/checkouts', kasa.memberAuth(memberId), { amount });
  assert.equal(answer.statusCode, 201, answer.body);
  return answer.json() as { payment_id: number; order_id: string; data: string; signature: string };
};
const manual = async (entry: Record<string, unknown>) => {
  const answer = await inject('POST', '/staff/payments', kasa.staffAuth(STAFF), entry);
  assert.equal(answer.statusCode, 201, answer.body);
  return answer.json() as { id: number };
};
const kasaRow = async (id: number) =>
  (
    await kasa.query<{
      confirmed_at: Date | null;
      paid_on: string | null;
      created_at: Date;
      updated_at: Date;
    }>(
      "SELECT confirmed_at, DATE_FORMAT(paid_on, '%Y-%m-%d') AS paid_on, created_at, updated_at FROM payments WHERE id = ?",
      [id],
    )
  )[0]!;
const wall = (instant: Date) => seedDateTimeOfInstant(instant);

/** Writes the changes into the old database as plain SQL, as the lead's switch back would. */
async function writeIntoSeed(changes: readonly SeedChange[]) {
  for (const { action, rows } of changes) {
    for (const { id, ...columns } of rows as SeedRow[]) {
      if (action === 'insert')
        await under.seed.connection.query(
          `INSERT INTO payments (id, ${Object.keys(columns).join(', ')}) VALUES (?)`,
          [[id, ...Object.values(columns)]],
        );
      else await under.seed.connection.query('UPDATE payments SET ? WHERE id = ?', [columns, id]);
    }
  }
}

test('right after the import, a switch back changes nothing and leaves nothing behind', async () => {
  const since = await payment.changesSince!(context);
  assert.deepEqual(allRows(since), [], 'an import followed by a switch back is a no-op');
  assert.deepEqual(leftBehindIds(since), nothingLeft);
});

let since: SeedChanges;
const ids: Record<string, number> = {};

test('money that moved in Kasa goes back; the rest is left behind by row', async () => {
  const today = kyivDateOf(new Date());
  // Kasa's first payment takes id 411: 410 stays the old `Штраф` the import left, never Kasa's.
  ids.first = (await manual({ member_id: 12, kind: 'contribution', paid_on: today, amount: 5_000 })).id;
  assert.equal(ids.first, 411);
  assert.deepEqual(await kasa.query('SELECT id FROM payments WHERE id = 410'), []);

  const paid = await checkout(10, 25_000);
  assert.equal(await kasa.liqpay.pay(paid), 200);
  ids.paid = paid.payment_id;
  ids.waiting = (await checkout(11, 10_000)).payment_id;
  const refused = await checkout(11, 10_000);
  assert.equal(await kasa.liqpay.pay(refused, 'failure'), 200);
  ids.refused = refused.payment_id;
  const mismatched = await checkout(12, 10_000);
  const notAsOrdered = { action: 'pay', status: 'success', amount: 50, payment_id: 9_100_001 };
  assert.equal(await callback({ ...notAsOrdered, order_id: mismatched.order_id }), 'flagged');
  ids.flagged = mismatched.payment_id;
  const refunded = await checkout(10, 30_000);
  assert.equal(await kasa.liqpay.pay(refunded), 200);
  const refund = await inject(
    'POST',
    `/staff/payments/${refunded.payment_id}/refund`,
    kasa.staffAuth(ADMIN, 'admin'),
    {
      reason: 'Повернути',
    },
  );
  assert.equal(refund.statusCode, 200, refund.body);
  ids.refunded = refunded.payment_id;

  ids.backdated = (
    await manual({
      member_id: 11,
      kind: 'contribution',
      paid_on: '2024-06-01',
      amount: 30_050,
      note: 'Готівкою',
    })
  ).id;
  const iban = 'UA213223130000026007233566001';
  ids.payout = (
    await manual({
      member_id: 10,
      kind: 'partial_payout',
      request_id: 200,
      paid_on: today,
      amount: 10_000,
      iban,
    })
  ).id;
  const reversal = await inject('POST', `/staff/payments/${ids.payout}/reversal`, kasa.staffAuth(STAFF), {
    note: 'Помилковий рахунок',
  });
  assert.equal(reversal.statusCode, 201, reversal.body);
  ids.reversal = reversal.json().id;

  const subscription = (
    await inject('POST', '/me/subscription', kasa.memberAuth(12), { amount: 20_000 })
  ).json();
  assert.equal(await kasa.liqpay.pay(subscription), 200);
  const [charge] = await kasa.query<{ id: number }>('SELECT id FROM payments WHERE subscription_id = ?', [
    subscription.subscription_id,
  ]);
  ids.charge = charge!.id;
  assert.deepEqual(
    [
      ids.paid,
      ids.waiting,
      ids.refused,
      ids.flagged,
      ids.refunded,
      ids.backdated,
      ids.payout,
      ids.reversal,
      ids.charge,
    ],
    [412, 413, 414, 415, 416, 417, 418, 419, 420],
  );

  // Old rows: an order the seed never saw paid, paid late; another refused as not ordered; a
  // contribution LiqPay reversed.
  assert.equal(
    await callback({
      action: 'pay',
      status: 'success',
      amount: 100,
      payment_id: 9_100_002,
      order_id: 'order-403',
    }),
    'applied',
  );
  assert.equal(
    await callback({
      action: 'pay',
      status: 'success',
      amount: 150,
      payment_id: 9_100_003,
      order_id: 'order-409',
    }),
    'flagged',
  );
  assert.equal(
    await callback({
      action: 'pay',
      status: 'reversed',
      amount: 300,
      payment_id: 9_100_004,
      order_id: 'order-400',
    }),
    'applied',
  );

  since = await payment.changesSince!(context);
  const [made, paidLate] = since.changes;
  const row = async (id: number) => {
    const { created_at, updated_at } = await kasaRow(id);
    return { id, created_at: wall(created_at), updated_at: wall(updated_at) };
  };
  const paidAt = async (id: number) => wall((await kasaRow(id)).confirmed_at!);
  /** Entered for today: when it was entered, or that day's midnight should Kyiv's day have turned since. */
  const enteredToday = async (id: number) => {
    const { confirmed_at, paid_on } = await kasaRow(id);
    return kyivDateOf(confirmed_at!) === paid_on ? wall(confirmed_at!) : `${paid_on} 00:00:00`;
  };
  assert.deepEqual(made, {
    what: 'payments made in Kasa',
    table: 'payments',
    action: 'insert',
    rows: [
      {
        ...(await row(411)),
        iban: null,
        payment_type: 1,
        payment_identifier: null,
        member_id: 12,
        request_id: null,
        payment_date: await enteredToday(411),
        amount: 50,
      },
      {
        ...(await row(412)),
        iban: null,
        payment_type: 1,
        payment_identifier: paid.order_id,
        member_id: 10,
        request_id: null,
        payment_date: await paidAt(412),
        amount: 250,
      },
      {
        ...(await row(417)),
        iban: null,
        payment_type: 1,
        payment_identifier: null,
        member_id: 11,
        request_id: null,
        payment_date: '2024-06-01 00:00:00',
        amount: 300.5,
      },
      {
        ...(await row(418)),
        iban,
        payment_type: 3,
        payment_identifier: null,
        member_id: 10,
        request_id: 200,
        payment_date: await enteredToday(418),
        amount: 100,
      },
      {
        // The correction: a negative payment of the same type, dated the day it was made.
        ...(await row(419)),
        iban,
        payment_type: 3,
        payment_identifier: null,
        member_id: 10,
        request_id: 200,
        payment_date: await paidAt(419),
        amount: -100,
      },
      {
        // A subscription's charge: no order of its own.
        ...(await row(420)),
        iban: null,
        payment_type: 1,
        payment_identifier: null,
        member_id: 12,
        request_id: null,
        payment_date: await paidAt(420),
        amount: 200,
      },
    ],
  });
  assert.deepEqual(paidLate, {
    what: 'old orders paid in Kasa (a late LiqPay callback)',
    table: 'payments',
    action: 'update',
    rows: [{ id: 403, payment_date: await paidAt(403), updated_at: (await row(403)).updated_at }],
  });
  assert.deepEqual(leftBehindIds(since), {
    ...nothingLeft,
    'checkouts waiting for LiqPay': [413],
    'checkouts never paid': [414],
    'payments flagged for staff': [409, 415],
    'contributions made in Kasa and refunded through LiqPay': [416],
    'old contributions refunded through LiqPay in Kasa': [400],
    'correcting entries: the entry each corrects': [419],
    'LiqPay subscription charges: their order and LiqPay payment id': [420],
    'who entered, corrected or refunded a payment, and their note': [411, 416, 417, 418, 419],
    'automatic monthly dues, by subscription id': [subscription.subscription_id],
  });
  for (const { what, why, table } of since.leftBehind) {
    assert.equal(table, 'payments');
    assert.ok(why.length > 0, `${what}: why`);
  }
});

test('once the old database holds them, a switch back finds nothing more; what it left stays named', async () => {
  await writeIntoSeed(since.changes);
  const [late] = await under.seed.connection.query('SELECT payment_date FROM payments WHERE id = 403');
  assert.ok((late as Array<{ payment_date: Date | null }>)[0]!.payment_date !== null);
  // The old `Штраф` keeps its id and row: Kasa's payments went back under ids past it.
  const [fine] = await under.seed.connection.query(
    'SELECT payment_type, member_id, amount FROM payments WHERE id = 410',
  );
  assert.deepEqual(
    (fine as Array<{ payment_type: number; member_id: number; amount: number }>).map((row) => ({
      ...row,
      amount: Number(row.amount),
    })),
    [{ payment_type: 4, member_id: 10, amount: 20 }],
  );
  const again = await payment.changesSince!(context);
  assert.deepEqual(allRows(again), [], 'nothing more to take back');
  assert.deepEqual(leftBehindIds(again), leftBehindIds(since));
});

test('what went back reads back through the import as the money Kasa has', async () => {
  // A fresh Kasa schema imports the old database as the switch back left it: the same money, kinds,
  // states and days (a payment entered for an earlier day keeps that day, not when it was entered).
  const schemas = testSchemaPrefix();
  let reimport: ServiceImport | undefined;
  try {
    reimport = await openSeedImport({
      ...process.env,
      ...testServiceEnv({
        schemaPrefix: schemas.prefix,
        namespace: testNamespace(),
        publicKeyPem: generateEd25519Keys().publicKeyPem,
      }),
    });
    await runSeedImport({ source: under.source, services: [reimport], filesDir: under.seed.filesDir });
    const money = `SELECT id, member_id, kind, state, amount, DATE_FORMAT(paid_on, '%Y-%m-%d') AS paid_on,
        request_id, iban
      FROM payments WHERE id IN (403, 411, 412, 417, 418, 419, 420) ORDER BY id`;
    const [again] = await reimport.database.pool.query(money);
    assert.deepEqual(again, await kasa.query(money));
    const [[{ total }]] = (await reimport.database.pool.query(
      "SELECT SUM(amount) AS total FROM payments WHERE id > 410 AND state = 'confirmed'",
    )) as unknown as [[{ total: string }]];
    assert.equal(Number(total), 5_000 + 25_000 + 30_050 + 10_000 - 10_000 + 20_000);
  } finally {
    await reimport?.close();
    await schemas.drop();
  }
});

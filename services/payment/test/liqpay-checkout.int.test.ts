import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { ContributionAwaitingProgram, MembershipExtended, SYSTEM } from '@kasa/contracts';
import { newEvent } from '@kasa/messaging';
import { eventually } from '@kasa/testing';
import { AWAITING_PROGRAM_FLAG, recordPaidUntil } from '../src/db/payments.repository.ts';
import { CALLBACK_PATH } from '../src/deps.ts';
import { hasValidSignature, paramsOf } from '../src/liqpay/liqpay-protocol.ts';
import { type PaymentUnderTest, startPayment } from './support/payment-under-test.ts';

let kasa: PaymentUnderTest;
before(async () => {
  kasa = await startPayment();
});
after(() => kasa?.close());

const checkout = (memberId: number, body: object, key?: string) =>
  kasa.service.app.inject({
    method: 'POST',
    url: '/me/checkouts',
    headers: { authorization: kasa.memberAuth(memberId), ...(key ? { 'idempotency-key': key } : {}) },
    payload: body,
  });

const paymentsOf = (memberId: number) =>
  kasa.query<{ id: number; state: string; amount: number; order_id: string; flag: string | null }>(
    'SELECT id, state, amount, order_id, flag FROM payments WHERE member_id = ? ORDER BY id',
    [memberId],
  );

const callback = (params: Record<string, unknown>) =>
  kasa.service.app.inject({
    method: 'POST',
    url: '/liqpay/callbacks',
    payload: Object.fromEntries(new URLSearchParams(kasa.liqpay.callbackBody(params))),
  });

/** A callback for an order, as LiqPay sends it for a payment of `amount` hryvnias. */
const reported = (orderId: string, status: string, amount: number, extra: Record<string, unknown> = {}) => ({
  version: 3,
  public_key: kasa.liqpay.publicKey,
  action: 'pay',
  payment_id: 4_000_000 + Math.floor(Math.random() * 1_000_000),
  status,
  amount,
  currency: 'UAH',
  order_id: orderId,
  ...extra,
});

test('a checkout is a pending contribution and LiqPay data signed with the fund’s key', async () => {
  const answer = await checkout(501, { amount: 15_050 });
  assert.equal(answer.statusCode, 201, answer.body);
  const { payment_id, order_id, data, signature } = answer.json();
  assert.ok(hasValidSignature({ data, signature }, kasa.liqpay.privateKey));
  const params = paramsOf(data)!;
  assert.deepEqual(
    { ...params, description: typeof params.description },
    {
      version: 3,
      public_key: kasa.liqpay.publicKey,
      action: 'pay',
      amount: 150.5,
      currency: 'UAH',
      description: 'string',
      order_id,
      server_url: `${kasa.publicUrl}${CALLBACK_PATH}`,
      language: 'uk',
      sandbox: 1,
    },
  );
  assert.deepEqual(await paymentsOf(501), [
    { id: payment_id, state: 'pending', amount: 15_050, order_id, flag: null },
  ]);
  assert.deepEqual(await kasa.outboxTypes(payment_id), ['payment.checkout_created']);
});

test('the same Idempotency-Key gives the same checkout; with another amount, 422', async () => {
  const first = (await checkout(502, { amount: 30_000 }, 'key-1')).json();
  const again = await Promise.all(
    Array.from({ length: 5 }, () => checkout(502, { amount: 30_000 }, 'key-1')),
  );
  for (const answer of again) assert.deepEqual(answer.json(), first);
  assert.equal((await paymentsOf(502)).length, 1);
  const other = await checkout(502, { amount: 40_000 }, 'key-1');
  assert.equal(other.statusCode, 422);
  assert.match(other.json().message, /Idempotency-Key/);
  // Another member's key of the same name is another checkout.
  assert.notEqual((await checkout(503, { amount: 30_000 }, 'key-1')).json().order_id, first.order_id);
  // Concurrent first uses of a new key: one order.
  const racing = await Promise.all(
    Array.from({ length: 6 }, () => checkout(504, { amount: 10_000 }, 'key-2')),
  );
  assert.equal(new Set(racing.map((answer) => answer.json().order_id)).size, 1);
  assert.equal((await paymentsOf(504)).length, 1);
});

test('a key is kept 24 hours: after that it names a new checkout', async () => {
  const first = (await checkout(513, { amount: 10_000 }, 'monthly')).json();
  await kasa.query(
    'UPDATE checkout_keys SET created_at = created_at - INTERVAL 25 HOUR WHERE member_id = ? AND idempotency_key = ?',
    [513, 'monthly'],
  );
  const later = (await checkout(513, { amount: 20_000 }, 'monthly')).json();
  assert.notEqual(later.order_id, first.order_id);
  assert.deepEqual((await checkout(513, { amount: 20_000 }, 'monthly')).json(), later);
});

test('amounts are whole kopiyky, positive and at most the configured maximum; a token is required', async () => {
  for (const amount of [0, -5, 1.5, 10_000_001, 'сто']) {
    const answer = await checkout(505, { amount });
    assert.equal(answer.statusCode, 400, `${amount}: ${answer.body}`);
  }
  const anonymous = await kasa.service.app.inject({
    method: 'POST',
    url: '/me/checkouts',
    payload: { amount: 100 },
  });
  assert.equal(anonymous.statusCode, 401);
  assert.deepEqual(await paymentsOf(505), []);
});

test('the member pays: LiqPay’s callback confirms the contribution once', async () => {
  const { payment_id, data, signature } = (await checkout(506, { amount: 20_000 })).json();
  assert.equal(await kasa.liqpay.pay({ data, signature }, 'sandbox'), 200);
  assert.equal((await paymentsOf(506))[0]!.state, 'confirmed');
  assert.deepEqual(await kasa.outboxTypes(payment_id), ['payment.checkout_created', 'payment.confirmed']);
  const [event] = await kasa.query<{ payload: string }>(
    "SELECT payload FROM outbox WHERE type = 'payment.confirmed' AND aggregate_id = ?",
    [String(payment_id)],
  );
  assert.deepEqual(JSON.parse(event!.payload).data, {
    paymentId: payment_id,
    memberId: 506,
    kind: 'contribution',
    amount: 20_000,
    currency: 'UAH',
    source: 'liqpay',
  });
});

test('50 copies of a success callback sent at once confirm the payment once', async () => {
  const { payment_id, order_id } = (await checkout(507, { amount: 30_000 })).json();
  const success = reported(order_id, 'success', 300);
  const answers = await Promise.all(Array.from({ length: 50 }, () => callback(success)));
  assert.deepEqual(new Set(answers.map((answer) => answer.statusCode)), new Set([200]));
  assert.deepEqual(await kasa.outboxTypes(payment_id), ['payment.checkout_created', 'payment.confirmed']);
  const [kept] = await kasa.query<{ n: number }>(
    'SELECT COUNT(*) AS n FROM liqpay_callbacks WHERE order_id = ?',
    [order_id],
  );
  assert.equal(Number(kept!.n), 50, 'every callback is kept');
});

test('a forged signature is refused with 400, counted, not kept, and changes nothing', async () => {
  const { payment_id, order_id } = (await checkout(508, { amount: 10_000 })).json();
  const { data } = Object.fromEntries(
    new URLSearchParams(kasa.liqpay.callbackBody(reported(order_id, 'success', 100))),
  );
  const forged = await kasa.service.app.inject({
    method: 'POST',
    url: '/liqpay/callbacks',
    payload: { data, signature: 'bm90IHRoZSBmdW5kJ3Mgc2lnbmF0dXJlIQ==' },
  });
  assert.equal(forged.statusCode, 400);
  assert.equal(forged.json().message, 'The callback is not signed with the fund’s key');
  assert.equal((await paymentsOf(508))[0]!.state, 'pending');
  assert.deepEqual(await kasa.outboxTypes(payment_id), ['payment.checkout_created']);
  const kept = await kasa.query('SELECT id FROM liqpay_callbacks WHERE data = ?', [data]);
  assert.deepEqual(kept, [], 'not kept: anyone can send them');
  const counted = await kasa.query<{ last_data_sha256: string }>(
    "SELECT last_data_sha256 FROM liqpay_callback_rejections WHERE reason = 'bad_signature'",
  );
  assert.deepEqual(
    counted.map((row) => row.last_data_sha256),
    [createHash('sha256').update(data!).digest('hex')],
  );
});

test('a signed callback with a field LiqPay never sends (true for an amount) is 400, kept, and changes nothing', async () => {
  const { payment_id, order_id } = (await checkout(516, { amount: 10_000 })).json();
  const odd = await callback(reported(order_id, 'success', true as unknown as number));
  assert.equal(odd.statusCode, 400);
  assert.deepEqual(odd.json(), {
    status: 'error',
    message: 'The callback’s amount is not what LiqPay sends',
  });
  assert.equal(
    (await paymentsOf(516))[0]!.state,
    'pending',
    'neither credited nor flagged: never read as money',
  );
  assert.deepEqual(await kasa.outboxTypes(payment_id), ['payment.checkout_created']);
  const kept = await kasa.query<{ signature_valid: number; status: string }>(
    'SELECT signature_valid, status FROM liqpay_callbacks WHERE order_id = ?',
    [order_id],
  );
  assert.deepEqual(
    kept.map((row) => ({ ...row, signature_valid: Number(row.signature_valid) })),
    [{ signature_valid: 1, status: 'success' }],
    'signed, so kept as it came',
  );
  // LiqPay's own report of the same payment is then credited as usual.
  assert.equal((await callback(reported(order_id, 'success', 100))).statusCode, 200);
  assert.equal((await paymentsOf(516))[0]!.state, 'confirmed');
});

test('a success for another amount or currency is flagged for staff, never credited', async () => {
  const { payment_id, order_id } = (await checkout(509, { amount: 10_000 })).json();
  assert.equal((await callback(reported(order_id, 'success', 1))).statusCode, 200);
  const [payment] = await paymentsOf(509);
  assert.equal(payment!.state, 'flagged');
  assert.match(payment!.flag!, /paid 1, ordered 100/);
  assert.deepEqual(await kasa.outboxTypes(payment_id), ['payment.checkout_created', 'payment.flagged']);
  // A later, correct success changes nothing: staff decide.
  await callback(reported(order_id, 'success', 100));
  assert.equal((await paymentsOf(509))[0]!.state, 'flagged');

  const euro = (await checkout(510, { amount: 10_000 })).json();
  await callback(reported(euro.order_id, 'success', 100, { currency: 'EUR' }));
  assert.equal((await paymentsOf(510))[0]!.state, 'flagged');
});

test('callbacks out of order: a late failure never undoes a success, a retry after a failure still confirms', async () => {
  const first = (await checkout(511, { amount: 10_000 })).json();
  await callback(reported(first.order_id, 'success', 100));
  await callback(reported(first.order_id, 'failure', 100));
  await callback(reported(first.order_id, 'processing', 100));
  assert.equal((await paymentsOf(511))[0]!.state, 'confirmed');

  const second = (await checkout(512, { amount: 10_000 })).json();
  await callback(reported(second.order_id, 'wait_secure', 100));
  assert.equal((await paymentsOf(512))[0]!.state, 'pending');
  await callback(reported(second.order_id, 'failure', 100));
  assert.equal((await paymentsOf(512))[0]!.state, 'failed');
  await callback(reported(second.order_id, 'success', 100));
  assert.equal((await paymentsOf(512))[0]!.state, 'confirmed');
  assert.deepEqual(await kasa.outboxTypes(second.payment_id), [
    'payment.checkout_created',
    'payment.failed',
    'payment.confirmed',
  ]);
});

test('a callback for an order the fund never made is kept and answered 200, nothing else', async () => {
  const answer = await callback(reported('kasa-unknown-order', 'success', 100));
  assert.equal(answer.statusCode, 200);
});

test("the member's contributions: confirmed ones only, with the day each carried the membership to", async () => {
  const paid = (await checkout(514, { amount: 30_000 })).json();
  await kasa.liqpay.pay(paid, 'sandbox');
  await checkout(514, { amount: 10_000 }); // asked for, never paid
  await kasa.publish(
    newEvent(
      MembershipExtended,
      {
        memberId: 514,
        paymentId: paid.payment_id,
        days: 30,
        previousPaidUntil: null,
        paidUntil: '2027-01-10',
      },
      { aggregateId: 514, actor: SYSTEM },
    ),
  );
  const list = () =>
    kasa.service.app.inject({
      method: 'GET',
      url: '/me/payments',
      headers: { authorization: kasa.memberAuth(514) },
    });
  const contributions = await eventually(async () => {
    const body = (await list()).json();
    return body[0]?.paid_until === '2027-01-10' ? body : null;
  });
  assert.deepEqual(
    contributions.map(({ payment_id, amount, paid_until }: Record<string, unknown>) => ({
      payment_id,
      amount,
      paid_until,
    })),
    [{ payment_id: paid.payment_id, amount: 30_000, paid_until: '2027-01-10' }],
  );
  const someoneElse = await kasa.service.app.inject({
    method: 'GET',
    url: '/me/payments',
    headers: { authorization: kasa.memberAuth(515) },
  });
  assert.deepEqual(someoneElse.json(), []);
});

test('a contribution no program prices stays flagged for staff until the member service applies it', async () => {
  const paid = (await checkout(515, { amount: 30_000 })).json();
  await kasa.liqpay.pay(paid, 'sandbox');
  await kasa.publish(
    newEvent(
      ContributionAwaitingProgram,
      { memberId: 515, paymentId: paid.payment_id, amount: 30_000 },
      { aggregateId: 515, actor: SYSTEM },
    ),
  );
  const flagged = () =>
    kasa.service.app.inject({
      method: 'POST',
      url: '/staff/payments/search',
      headers: { authorization: kasa.staffAuth(1) },
      payload: { flagged: true, member_ids: [515] },
    });
  const waiting = await eventually(async () => {
    const body = (await flagged()).json();
    return body.total === 1 ? body.data[0] : null;
  });
  assert.equal(waiting.state, 'confirmed', 'the money is the fund’s');
  assert.match(waiting.flag, /^awaiting program/);

  await kasa.publish(
    newEvent(
      MembershipExtended,
      {
        memberId: 515,
        paymentId: paid.payment_id,
        days: 30,
        previousPaidUntil: null,
        paidUntil: '2027-02-01',
      },
      { aggregateId: 515, actor: SYSTEM },
    ),
  );
  await eventually(async () => ((await flagged()).json().total === 0 ? true : null), {
    message: 'the flag cleared once applied',
  });
  assert.equal((await paymentsOf(515))[0]!.flag, null);
});

test('answers that arrive together are recorded as a set: each payment its own day, a waiting flag cleared', async () => {
  const paid = [];
  for (const amount of [10_000, 20_000, 30_000]) {
    const order = (await checkout(530, { amount })).json();
    await kasa.liqpay.pay(order, 'sandbox');
    paid.push(order.payment_id as number);
  }
  await kasa.query('UPDATE payments SET flag = ? WHERE id = ?', [AWAITING_PROGRAM_FLAG, paid[1]]);
  const days = ['2027-03-01', '2027-04-01', '2027-05-01'];
  await recordPaidUntil(
    kasa.service.context.database.db,
    paid.map((paymentId, index) => ({ paymentId, paidUntil: days[index]! })),
  );
  assert.deepEqual(
    await kasa.query(
      "SELECT id, DATE_FORMAT(paid_until, '%Y-%m-%d') AS paid_until, flag FROM payments WHERE member_id = 530 ORDER BY id",
    ),
    paid.map((id, index) => ({ id, paid_until: days[index], flag: null })),
  );
});

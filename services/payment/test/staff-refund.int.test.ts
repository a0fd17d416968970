import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type PaymentUnderTest, startPayment } from './support/payment-under-test.ts';

/** Administrators return LiqPay contributions through LiqPay's `refund`. */
let kasa: PaymentUnderTest;
before(async () => {
  kasa = await startPayment();
});
after(() => kasa?.close());

const ADMIN = 7;

const refund = (paymentId: number, body: object = {}, auth = kasa.staffAuth(ADMIN, 'admin')) =>
  kasa.service.app.inject({
    method: 'POST',
    url: `/staff/payments/${paymentId}/refund`,
    headers: { authorization: auth },
    payload: body,
  });

/** A contribution of `amount` kopiyky the member paid at LiqPay: its checkout, confirmed. */
async function paidContribution(memberId: number, amount: number) {
  const answer = await kasa.service.app.inject({
    method: 'POST',
    url: '/me/checkouts',
    headers: { authorization: kasa.memberAuth(memberId) },
    payload: { amount },
  });
  const checkout = answer.json();
  assert.equal(await kasa.liqpay.pay(checkout, 'sandbox'), 200);
  return checkout as { payment_id: number; order_id: string };
}

const paymentRow = async (id: number) =>
  (
    await kasa.query<{
      state: string;
      liqpay_status: string | null;
      recorded_by: number | null;
      note: string | null;
    }>('SELECT state, liqpay_status, recorded_by, note FROM payments WHERE id = ?', [id])
  )[0]!;

const refundsAsked = (orderId: string) =>
  kasa.liqpay.requests.filter(({ action, params }) => action === 'refund' && params?.order_id === orderId);

const callback = (params: Record<string, unknown>) =>
  kasa.service.app.inject({
    method: 'POST',
    url: '/liqpay/callbacks',
    payload: Object.fromEntries(new URLSearchParams(kasa.liqpay.callbackBody(params))),
  });

test('an administrator refunds a LiqPay contribution: LiqPay returns it once, the payment is reversed, payment.refunded once', async () => {
  const { payment_id, order_id } = await paidContribution(801, 30_000);
  const answer = await refund(payment_id, { reason: ' Член попросив повернути ' });
  assert.equal(answer.statusCode, 200, answer.body);
  assert.deepEqual(answer.json(), {
    status: 'success',
    message: 'The payment was refunded through LiqPay',
    payment_id,
    state: 'reversed',
  });
  const asked = refundsAsked(order_id);
  assert.equal(asked.length, 1);
  assert.equal(asked[0]!.params!.amount, 300, 'in hryvnias');
  assert.equal(asked[0]!.params!.payment_id, undefined, 'a one-off checkout is its order');
  assert.equal(kasa.liqpay.payments.get(order_id)!.status, 'reversed');
  assert.deepEqual(await paymentRow(payment_id), {
    state: 'reversed',
    liqpay_status: 'reversed',
    recorded_by: ADMIN,
    note: 'Член попросив повернути',
  });
  assert.deepEqual(await kasa.outboxTypes(payment_id), [
    'payment.checkout_created',
    'payment.confirmed',
    'payment.refunded',
  ]);
  const [event] = await kasa.query<{ payload: string }>(
    "SELECT payload FROM outbox WHERE type = 'payment.refunded' AND aggregate_id = ?",
    [String(payment_id)],
  );
  const refunded = JSON.parse(event!.payload);
  assert.deepEqual(refunded.data, { paymentId: payment_id, memberId: 801, amount: 30_000, currency: 'UAH' });
  assert.deepEqual(refunded.actor, { kind: 'staff', id: String(ADMIN) });

  // LiqPay's own callback about the reversal comes later: nothing moves again.
  const paid = kasa.liqpay.payments.get(order_id)!;
  const late = await callback({
    version: 3,
    public_key: kasa.liqpay.publicKey,
    action: 'pay',
    payment_id: paid.paymentId,
    status: 'reversed',
    amount: 300,
    currency: 'UAH',
    order_id,
  });
  assert.equal(late.statusCode, 200);
  assert.equal((await paymentRow(payment_id)).state, 'reversed');
  assert.equal((await kasa.outboxTypes(payment_id)).filter((type) => type === 'payment.refunded').length, 1);
  // And a second refund is refused: LiqPay is not asked again.
  const again = await refund(payment_id);
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().message, 'This payment has already been refunded');
  assert.equal(refundsAsked(order_id).length, 1);
});

test('two administrators refunding at once: LiqPay is asked once, one answer is 200, the others 409', async () => {
  const { payment_id, order_id } = await paidContribution(802, 10_000);
  const answers = await Promise.all(Array.from({ length: 5 }, () => refund(payment_id)));
  assert.deepEqual(answers.map(({ statusCode }) => statusCode).sort(), [200, 409, 409, 409, 409]);
  assert.equal(refundsAsked(order_id).length, 1);
  assert.equal((await kasa.outboxTypes(payment_id)).filter((type) => type === 'payment.refunded').length, 1);
});

test('only a confirmed LiqPay contribution is refunded: manual entries, payouts and unpaid ones are 409, unknown 404', async () => {
  const inserted = async (sql: string) =>
    ((await kasa.query(sql)) as unknown as { insertId: number }).insertId;
  const manual = await inserted(
    "INSERT INTO payments (member_id, kind, source, state, amount, paid_on) VALUES (803, 'contribution', 'manual', 'confirmed', 10000, '2026-01-10')",
  );
  const payout = await inserted(
    "INSERT INTO payments (member_id, kind, source, state, amount, request_id, paid_on) VALUES (803, 'payout', 'manual', 'confirmed', 50000, 1, '2026-01-10')",
  );
  const unpaid = (
    await kasa.service.app.inject({
      method: 'POST',
      url: '/me/checkouts',
      headers: { authorization: kasa.memberAuth(803) },
      payload: { amount: 10_000 },
    })
  ).json();
  const refusals = [
    [manual, 'Only a contribution paid through LiqPay can be refunded: reverse a manual entry instead'],
    [payout, 'A payout is not refunded through LiqPay: reverse the entry instead'],
    [unpaid.payment_id, 'This payment has not been paid: there is nothing to refund'],
  ] as const;
  for (const [id, message] of refusals) {
    const answer = await refund(id);
    assert.equal(answer.statusCode, 409, answer.body);
    assert.equal(answer.json().message, message);
  }
  assert.equal((await refund(999_999)).statusCode, 404);
  assert.equal((await paymentRow(manual)).state, 'confirmed');
});

test('only administrators refund: other staff 403, a member token 401', async () => {
  const { payment_id, order_id } = await paidContribution(804, 10_000);
  const staff = await refund(payment_id, {}, kasa.staffAuth(8, 'staff'));
  assert.equal(staff.statusCode, 403);
  const member = await refund(payment_id, {}, kasa.memberAuth(804));
  assert.equal(member.statusCode, 401);
  assert.equal(refundsAsked(order_id).length, 0);
  assert.equal((await paymentRow(payment_id)).state, 'confirmed');
});

test('LiqPay refusing is 422 with its reason in words; nothing changes', async () => {
  // Confirmed by a callback for a payment the (fake) LiqPay has no record of: it refuses to refund.
  const checkout = (
    await kasa.service.app.inject({
      method: 'POST',
      url: '/me/checkouts',
      headers: { authorization: kasa.memberAuth(805) },
      payload: { amount: 10_000 },
    })
  ).json();
  await callback({
    version: 3,
    public_key: kasa.liqpay.publicKey,
    action: 'pay',
    payment_id: 7_000_001,
    status: 'success',
    amount: 100,
    currency: 'UAH',
    order_id: checkout.order_id,
  });
  const answer = await refund(checkout.payment_id);
  assert.equal(answer.statusCode, 422);
  assert.equal(
    answer.json().message,
    'LiqPay refused the refund: LiqPay does not know this payment (payment_not_found)',
  );
  assert.equal((await paymentRow(checkout.payment_id)).state, 'confirmed');
  assert.deepEqual(await kasa.outboxTypes(checkout.payment_id), [
    'payment.checkout_created',
    'payment.confirmed',
  ]);
});

test('LiqPay out of reach is 503 and nothing changes; asked again later, the refund goes through', async () => {
  const { payment_id, order_id } = await paidContribution(806, 10_000);
  kasa.liqpay.failNext(1, 502);
  const down = await refund(payment_id, { reason: 'first try' });
  assert.equal(down.statusCode, 503);
  assert.match(down.json().message, /LiqPay cannot be reached: nothing was refunded/);
  assert.deepEqual(await paymentRow(payment_id), {
    state: 'confirmed',
    liqpay_status: 'sandbox',
    recorded_by: null,
    note: null,
  });
  assert.equal(kasa.liqpay.payments.get(order_id)!.status, 'sandbox');
  assert.deepEqual(await kasa.outboxTypes(payment_id), ['payment.checkout_created', 'payment.confirmed']);

  assert.equal((await refund(payment_id)).statusCode, 200);
  assert.equal((await paymentRow(payment_id)).state, 'reversed');
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { reconcileCheckouts } from '../src/application/reconcile-checkouts.ts';
import { CALLBACK_PATH } from '../src/deps.ts';
import { hasValidSignature, paramsOf } from '../src/liqpay/liqpay-protocol.ts';
import { type PaymentUnderTest, startPayment } from './support/payment-under-test.ts';

/** Automatic monthly dues: a LiqPay subscription, each charge its own contribution. */
let kasa: PaymentUnderTest;
before(async () => {
  kasa = await startPayment();
});
after(() => kasa?.close());

const asMember = (memberId: number) => ({ authorization: kasa.memberAuth(memberId) });
const start = (memberId: number, amount: number) =>
  kasa.service.app.inject({
    method: 'POST',
    url: '/me/subscription',
    headers: asMember(memberId),
    payload: { amount },
  });
const current = async (memberId: number) =>
  (
    await kasa.service.app.inject({ method: 'GET', url: '/me/subscription', headers: asMember(memberId) })
  ).json();
const cancel = (memberId: number) =>
  kasa.service.app.inject({ method: 'DELETE', url: '/me/subscription', headers: asMember(memberId) });

/** A started subscription the member paid at LiqPay (the first charge with it). */
async function paidSubscription(memberId: number, amount: number) {
  const checkout = (await start(memberId, amount)).json();
  assert.equal(await kasa.liqpay.pay(checkout), 200);
  return checkout as { subscription_id: number; order_id: string; data: string; signature: string };
}

const subscriptionRow = async (id: number) =>
  (
    await kasa.query<{ state: string; liqpay_status: string | null; cancelled_at: Date | null }>(
      'SELECT state, liqpay_status, cancelled_at FROM subscriptions WHERE id = ?',
      [id],
    )
  )[0]!;

interface ChargeRow {
  id: number;
  state: string;
  amount: number;
  liqpay_payment_id: number;
  order_id: string | null;
  paid_on: string | null;
  flag: string | null;
}
const chargesOf = (subscriptionId: number) =>
  kasa.query<ChargeRow>(
    `SELECT id, state, amount, liqpay_payment_id, order_id, DATE_FORMAT(paid_on, '%Y-%m-%d') AS paid_on, flag
     FROM payments WHERE subscription_id = ? ORDER BY id`,
    [subscriptionId],
  );

/** Events of one type about one object, in order. */
const events = async (type: string, aggregateId: number) =>
  (
    await kasa.query<{ payload: string }>(
      'SELECT payload FROM outbox WHERE type = ? AND aggregate_id = ? ORDER BY id',
      [type, String(aggregateId)],
    )
  ).map(({ payload }) => JSON.parse(payload).data);

const callback = (params: Record<string, unknown>) =>
  kasa.service.app.inject({
    method: 'POST',
    url: '/liqpay/callbacks',
    payload: Object.fromEntries(new URLSearchParams(kasa.liqpay.callbackBody(params))),
  });
const regular = (
  orderId: string,
  paymentId: number,
  amount: number,
  extra: Record<string, unknown> = {},
) => ({
  version: 3,
  public_key: kasa.liqpay.publicKey,
  action: 'regular',
  payment_id: paymentId,
  status: 'success',
  amount,
  currency: 'UAH',
  order_id: orderId,
  ...extra,
});

test('a start is a pending subscription and a signed LiqPay subscribe checkout: monthly, the program’s price', async () => {
  const before = Date.now();
  const answer = await start(901, 30_050);
  assert.equal(answer.statusCode, 201, answer.body);
  const { subscription_id, order_id, data, signature, state, amount } = answer.json();
  assert.deepEqual({ state, amount }, { state: 'pending', amount: 30_050 });
  assert.ok(hasValidSignature({ data, signature }, kasa.liqpay.privateKey));
  const params = paramsOf(data)!;
  assert.deepEqual(
    {
      ...params,
      description: typeof params.description,
      subscribe_date_start: typeof params.subscribe_date_start,
    },
    {
      version: 3,
      public_key: kasa.liqpay.publicKey,
      action: 'subscribe',
      amount: 300.5,
      currency: 'UAH',
      description: 'string',
      order_id,
      subscribe: 1,
      subscribe_date_start: 'string',
      subscribe_periodicity: 'month',
      server_url: `${kasa.publicUrl}${CALLBACK_PATH}`,
      language: 'uk',
      sandbox: 1,
    },
  );
  const startsAt = String(params.subscribe_date_start);
  assert.match(startsAt, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  const startsAtMs = Date.parse(`${startsAt.replace(' ', 'T')}Z`);
  assert.ok(startsAtMs >= Math.floor(before / 1000) * 1000 && startsAtMs <= Date.now(), 'now, in UTC');
  assert.deepEqual(await subscriptionRow(subscription_id), {
    state: 'pending',
    liqpay_status: null,
    cancelled_at: null,
  });
  const shown = await current(901);
  assert.deepEqual(
    { ...shown, since: typeof shown.since },
    {
      subscription_id,
      state: 'pending',
      amount: 30_050,
      since: 'string',
    },
  );

  // Asked again before paying: the same order and checkout. Another amount replaces it.
  assert.deepEqual((await start(901, 30_050)).json(), answer.json());
  const replaced = (await start(901, 40_000)).json();
  assert.notEqual(replaced.order_id, order_id);
  assert.deepEqual(await subscriptionRow(subscription_id), {
    state: 'failed',
    liqpay_status: 'replaced',
    cancelled_at: null,
  });
  assert.equal((await current(901)).subscription_id, replaced.subscription_id);
});

test('starts at once give one subscription; amounts are whole kopiyky up to the maximum; a token is required', async () => {
  const answers = await Promise.all(Array.from({ length: 6 }, () => start(902, 20_000)));
  assert.deepEqual(new Set(answers.map(({ statusCode }) => statusCode)), new Set([201]));
  assert.equal(new Set(answers.map((answer) => answer.json().order_id)).size, 1);
  const [{ n }] = (await kasa.query<{ n: number }>(
    'SELECT COUNT(*) AS n FROM subscriptions WHERE member_id = 902',
  )) as [{ n: number }];
  assert.equal(Number(n), 1);
  for (const amount of [0, -1, 1.5, 10_000_001, 'сто']) {
    assert.equal((await start(903, amount as number)).statusCode, 400, String(amount));
  }
  const anonymous = await kasa.service.app.inject({
    method: 'POST',
    url: '/me/subscription',
    payload: { amount: 1 },
  });
  assert.equal(anonymous.statusCode, 401);
  assert.equal(await current(903), null);
});

test('paid at LiqPay: the subscription is active and its first charge a confirmed contribution; another start is 409', async () => {
  const { subscription_id, order_id } = await paidSubscription(904, 25_000);
  const first = kasa.liqpay.payments.get(order_id)!;
  assert.equal(first.status, 'subscribed');
  assert.deepEqual(await subscriptionRow(subscription_id), {
    state: 'active',
    liqpay_status: 'subscribed',
    cancelled_at: null,
  });
  const [charge] = await chargesOf(subscription_id);
  assert.deepEqual(
    { ...charge, id: typeof charge!.id, paid_on: typeof charge!.paid_on },
    {
      id: 'number',
      state: 'confirmed',
      amount: 25_000,
      liqpay_payment_id: first.paymentId,
      order_id: null,
      paid_on: 'string',
      flag: null,
    },
  );
  assert.deepEqual(await events('payment.confirmed', charge!.id), [
    {
      paymentId: charge!.id,
      memberId: 904,
      kind: 'contribution',
      amount: 25_000,
      currency: 'UAH',
      source: 'liqpay',
    },
  ]);
  assert.deepEqual(await events('subscription.started', subscription_id), [
    { subscriptionId: subscription_id, memberId: 904, amount: 25_000, currency: 'UAH' },
  ]);
  const shown = await current(904);
  assert.equal(shown.state, 'active');

  const again = await start(904, 25_000);
  assert.equal(again.statusCode, 409);
  assert.match(again.json().message, /already/);
  // The member's contributions list has it.
  const list = (
    await kasa.service.app.inject({ method: 'GET', url: '/me/payments', headers: asMember(904) })
  ).json();
  assert.deepEqual(
    list.map(({ payment_id }: { payment_id: number }) => payment_id),
    [charge!.id],
  );
});

test('every monthly charge is a confirmed contribution of its own, credited by its payment_id', async () => {
  const { subscription_id, order_id } = await paidSubscription(905, 20_000);
  const march = await kasa.liqpay.charge(order_id);
  const april = await kasa.liqpay.charge(order_id);
  assert.deepEqual([march.answer, april.answer], [200, 200]);
  const charges = await chargesOf(subscription_id);
  assert.deepEqual(
    charges.map(({ state, amount }) => ({ state, amount })),
    Array.from({ length: 3 }, () => ({ state: 'confirmed', amount: 20_000 })),
  );
  assert.deepEqual(
    charges.slice(1).map(({ liqpay_payment_id }) => liqpay_payment_id),
    [march.paymentId, april.paymentId],
  );
  for (const { id } of charges) assert.equal((await events('payment.confirmed', id)).length, 1);
  assert.equal((await events('subscription.started', subscription_id)).length, 1, 'started once');
});

test('the same monthly callback 10 times at once is credited once', async () => {
  const { subscription_id, order_id } = await paidSubscription(906, 20_000);
  const same = regular(order_id, 8_000_001, 200);
  const answers = await Promise.all(Array.from({ length: 10 }, () => callback(same)));
  assert.deepEqual(new Set(answers.map(({ statusCode }) => statusCode)), new Set([200]));
  const credited = (await chargesOf(subscription_id)).filter(
    ({ liqpay_payment_id }) => liqpay_payment_id === 8_000_001,
  );
  assert.equal(credited.length, 1);
  assert.equal(credited[0]!.state, 'confirmed');
  assert.equal((await events('payment.confirmed', credited[0]!.id)).length, 1);
});

test('a charge of another amount, currency or account is flagged for staff, never credited', async () => {
  const { subscription_id, order_id } = await paidSubscription(907, 20_000);
  await callback(regular(order_id, 8_000_101, 1));
  await callback(regular(order_id, 8_000_102, 200, { currency: 'EUR' }));
  await callback(regular(order_id, 8_000_103, 200, { public_key: 'sandbox_someone_else' }));
  const flagged = (await chargesOf(subscription_id)).slice(1);
  assert.deepEqual(
    flagged.map(({ state, flag }) => ({ state, flag })),
    [
      { state: 'flagged', flag: 'paid 1, ordered 200' },
      { state: 'flagged', flag: 'paid in EUR, ordered in UAH' },
      { state: 'flagged', flag: 'the callback names another LiqPay account' },
    ],
  );
  for (const { id } of flagged) {
    assert.deepEqual(await events('payment.confirmed', id), []);
    assert.equal((await events('payment.flagged', id)).length, 1);
  }
  assert.equal((await subscriptionRow(subscription_id)).state, 'active');
});

test('a failed monthly charge is kept as failed, the subscription goes on; LiqPay’s retry that succeeds confirms it', async () => {
  const { subscription_id, order_id } = await paidSubscription(908, 20_000);
  const failed = await kasa.liqpay.charge(order_id, { status: 'failure' });
  assert.equal(failed.answer, 200);
  const [, charge] = await chargesOf(subscription_id);
  assert.equal(charge!.state, 'failed');
  assert.equal((await events('payment.failed', charge!.id)).length, 1);
  assert.deepEqual(await subscriptionRow(subscription_id), {
    state: 'active',
    liqpay_status: 'failure',
    cancelled_at: null,
  });
  await callback({ ...failed.callback, status: 'success' });
  assert.equal((await chargesOf(subscription_id))[1]!.state, 'confirmed');
  assert.equal((await events('payment.confirmed', charge!.id)).length, 1);
});

test('a first attempt that fails fails the subscription; the member may start again', async () => {
  const checkout = (await start(909, 20_000)).json();
  assert.equal(await kasa.liqpay.pay(checkout, 'failure'), 200);
  assert.equal((await subscriptionRow(checkout.subscription_id)).state, 'failed');
  assert.deepEqual(await events('subscription.started', checkout.subscription_id), []);
  assert.equal(await current(909), null);
  const next = (await start(909, 20_000)).json();
  assert.notEqual(next.order_id, checkout.order_id);
});

test('the member cancels: LiqPay is told to unsubscribe, the subscription is cancelled, subscription.ended once', async () => {
  const { subscription_id, order_id } = await paidSubscription(910, 20_000);
  const answer = await cancel(910);
  assert.equal(answer.statusCode, 200, answer.body);
  assert.deepEqual(answer.json(), { status: 'success', message: 'Automatic monthly dues are cancelled' });
  const asked = kasa.liqpay.requests.filter(
    ({ action, params }) => action === 'unsubscribe' && params?.order_id === order_id,
  );
  assert.equal(asked.length, 1);
  assert.equal(kasa.liqpay.payments.get(order_id)!.subscription!.status, 'unsubscribed');
  const row = await subscriptionRow(subscription_id);
  assert.equal(row.state, 'cancelled');
  assert.ok(row.cancelled_at instanceof Date);
  assert.deepEqual(await events('subscription.ended', subscription_id), [
    { subscriptionId: subscription_id, memberId: 910, reason: 'cancelled' },
  ]);
  assert.equal(await current(910), null);
  // LiqPay's own `unsubscribed` callback after it changes nothing; there is nothing left to cancel.
  assert.equal(await kasa.liqpay.endSubscription(order_id), 200);
  assert.equal((await events('subscription.ended', subscription_id)).length, 1);
  assert.equal((await cancel(910)).statusCode, 404);
  // A member with a cancelled subscription may start new dues.
  assert.equal((await start(910, 20_000)).statusCode, 201);
});

test('LiqPay out of reach: 503 and the dues are still on', async () => {
  const { subscription_id } = await paidSubscription(911, 20_000);
  kasa.liqpay.failNext(1, 503);
  const answer = await cancel(911);
  assert.equal(answer.statusCode, 503);
  assert.match(answer.json().message, /still on/);
  assert.equal((await subscriptionRow(subscription_id)).state, 'active');
  assert.deepEqual(await events('subscription.ended', subscription_id), []);
  assert.equal((await cancel(911)).statusCode, 200);
});

test('a pending subscription LiqPay never saw is cancelled; an active one ended at LiqPay is cancelled by its callback', async () => {
  const pending = (await start(912, 20_000)).json();
  assert.equal((await cancel(912)).statusCode, 200);
  assert.equal((await subscriptionRow(pending.subscription_id)).state, 'cancelled');
  assert.deepEqual(await events('subscription.ended', pending.subscription_id), [], 'it never started');

  const { subscription_id, order_id } = await paidSubscription(913, 20_000);
  assert.equal(await kasa.liqpay.endSubscription(order_id), 200);
  assert.equal((await subscriptionRow(subscription_id)).state, 'cancelled');
  assert.deepEqual(await events('subscription.ended', subscription_id), [
    { subscriptionId: subscription_id, memberId: 913, reason: 'cancelled' },
  ]);
  // A charge LiqPay still reports after that is money received: credited, nothing starts again.
  await callback(regular(order_id, 8_000_201, 200));
  assert.equal((await chargesOf(subscription_id)).at(-1)!.state, 'confirmed');
  assert.equal((await subscriptionRow(subscription_id)).state, 'cancelled');
  assert.equal((await events('subscription.started', subscription_id)).length, 1);
});

test('an administrator refunds one monthly charge: LiqPay is named the charge, only that one is reversed', async () => {
  const { subscription_id, order_id } = await paidSubscription(914, 20_000);
  const may = await kasa.liqpay.charge(order_id);
  const [first, second] = await chargesOf(subscription_id);
  const answer = await kasa.service.app.inject({
    method: 'POST',
    url: `/staff/payments/${second!.id}/refund`,
    headers: { authorization: kasa.staffAuth(1, 'admin') },
    payload: {},
  });
  assert.equal(answer.statusCode, 200, answer.body);
  const asked = kasa.liqpay.requests.filter(
    ({ action, params }) => action === 'refund' && params?.order_id === order_id,
  );
  assert.equal(asked.length, 1);
  assert.equal(asked[0]!.params!.payment_id, may.paymentId);
  assert.equal(asked[0]!.params!.amount, 200);
  assert.deepEqual(
    (await chargesOf(subscription_id)).map(({ state }) => state),
    ['confirmed', 'reversed'],
  );
  assert.equal((await events('payment.refunded', second!.id)).length, 1);
  assert.deepEqual(await events('payment.refunded', first!.id), []);
  // LiqPay's callback about that reversal changes nothing more.
  await callback(regular(order_id, may.paymentId, 200, { status: 'reversed' }));
  assert.equal((await events('payment.refunded', second!.id)).length, 1);
  assert.equal((await subscriptionRow(subscription_id)).state, 'active');
});

test('reconciliation asks LiqPay about checkouts only, never about subscriptions or their charges', async () => {
  await start(915, 20_000);
  await paidSubscription(916, 20_000);
  const statusAsked = () => kasa.liqpay.requests.filter(({ action }) => action === 'status').length;
  const before = statusAsked();
  const round = await reconcileCheckouts(kasa.service.deps, new Date(Date.now() + 48 * 3_600_000));
  assert.equal(round.asked, 0);
  assert.equal(statusAsked(), before);
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { reconcileCheckouts } from '../src/application/reconcile-checkouts.ts';
import { type PaymentUnderTest, startPayment } from './support/payment-under-test.ts';

/** Checkouts whose callback never came are settled with LiqPay's status API. */
let kasa: PaymentUnderTest;
before(async () => {
  // The job itself waits a long time here: the test runs rounds by hand.
  kasa = await startPayment({ RECONCILE_AFTER_SECONDS: '0', RECONCILE_EVERY_SECONDS: '86400' });
});
after(() => kasa?.close());

const deps = () => kasa.service.deps;
const checkout = async (memberId: number, amount: number) =>
  (
    await kasa.service.app.inject({
      method: 'POST',
      url: '/me/checkouts',
      headers: { authorization: kasa.memberAuth(memberId) },
      payload: { amount },
    })
  ).json();
const stateOf = async (paymentId: number) =>
  (
    await kasa.query<{ state: string; liqpay_status: string | null }>(
      'SELECT state, liqpay_status FROM payments WHERE id = ?',
      [paymentId],
    )
  )[0]!;

test('a payment whose callback was lost is confirmed from the status API, once', async () => {
  const paid = await checkout(701, 25_000);
  kasa.liqpay.payQuietly(paid, 'sandbox');
  const failed = await checkout(702, 25_000);
  kasa.liqpay.payQuietly(failed, 'failure');
  const unpaid = await checkout(703, 25_000); // LiqPay never saw it

  const round = await reconcileCheckouts(deps());
  assert.ok(round.asked >= 3, JSON.stringify(round));
  assert.deepEqual(await stateOf(paid.payment_id), { state: 'confirmed', liqpay_status: 'sandbox' });
  assert.deepEqual(await stateOf(failed.payment_id), { state: 'failed', liqpay_status: 'failure' });
  assert.deepEqual(
    await stateOf(unpaid.payment_id),
    { state: 'pending', liqpay_status: null },
    'not yet expired',
  );
  assert.deepEqual(await kasa.outboxTypes(paid.payment_id), [
    'payment.checkout_created',
    'payment.confirmed',
  ]);

  // Another round (or another instance) changes nothing that is settled.
  await reconcileCheckouts(deps());
  assert.deepEqual(await kasa.outboxTypes(paid.payment_id), [
    'payment.checkout_created',
    'payment.confirmed',
  ]);
});

test('a checkout LiqPay never saw fails as expired after its lifetime', async () => {
  const unpaid = await checkout(704, 10_000);
  await reconcileCheckouts(deps(), new Date(Date.now() + 25 * 3_600_000));
  assert.deepEqual(await stateOf(unpaid.payment_id), { state: 'failed', liqpay_status: 'expired' });
  assert.deepEqual(await kasa.outboxTypes(unpaid.payment_id), ['payment.checkout_created', 'payment.failed']);
});

test('LiqPay down: the round stops and nothing changes', async () => {
  const paid = await checkout(705, 10_000);
  kasa.liqpay.payQuietly(paid, 'success');
  kasa.liqpay.failNext(1, 503);
  const round = await reconcileCheckouts(deps());
  assert.equal(round.unavailable, true);
  assert.equal((await stateOf(paid.payment_id)).state, 'pending');
  await reconcileCheckouts(deps());
  assert.equal((await stateOf(paid.payment_id)).state, 'confirmed');
});

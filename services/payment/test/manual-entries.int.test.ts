import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { RequestAssessed, staffActor } from '@kasa/contracts';
import { newEvent } from '@kasa/messaging';
import { eventually } from '@kasa/testing';
import { type PaymentUnderTest, startPayment } from './support/payment-under-test.ts';

/**
 * Staff's manual entries (SPEC §7 row 16): contributions from other sources, payouts held to
 * what was granted (also when recorded at once), reversing entries instead of edits, and the
 * register's filters (row 17).
 */
let kasa: PaymentUnderTest;
before(async () => {
  kasa = await startPayment();
});
after(() => kasa?.close());

const STAFF = 41;
const TODAY = new Date().toISOString().slice(0, 10);

const record = (payload: Record<string, unknown>) =>
  kasa.service.app.inject({
    method: 'POST',
    url: '/staff/payments',
    headers: { authorization: kasa.staffAuth(STAFF) },
    payload: { paid_on: TODAY, ...payload },
  });
const reverse = (paymentId: number, note = 'entered twice') =>
  kasa.service.app.inject({
    method: 'POST',
    url: `/staff/payments/${paymentId}/reversal`,
    headers: { authorization: kasa.staffAuth(STAFF) },
    payload: { note },
  });
const search = async (filter: Record<string, unknown>) => {
  const answer = await kasa.service.app.inject({
    method: 'POST',
    url: '/staff/payments/search',
    headers: { authorization: kasa.staffAuth(STAFF) },
    payload: filter,
  });
  assert.equal(answer.statusCode, 200, answer.body);
  return answer.json() as { data: { id: number; amount: number; kind: string }[]; total: number };
};

/** Staff granted `amount` kopiyky for a request, as the request service tells it. */
async function granted(requestId: number, memberId: number, amount: number | null, at = new Date()) {
  const event = newEvent(
    RequestAssessed,
    { requestId, memberId, grantedAmount: amount, diagnosisSet: true },
    { aggregateId: requestId, actor: staffActor(STAFF) },
  );
  await kasa.publish({ ...event, occurredAt: at.toISOString() });
}
const grantOf = async (requestId: number) =>
  (
    await kasa.query<{ granted_amount: number | null }>(
      'SELECT granted_amount FROM request_grants WHERE request_id = ?',
      [requestId],
    )
  )[0]?.granted_amount;
const waitForGrant = (requestId: number, amount: number | null) =>
  eventually(async () => (await grantOf(requestId)) === amount, { message: `grant of ${requestId}` });

test('a contribution from another source is confirmed with payment.confirmed for the membership', async () => {
  const answer = await record({
    member_id: 801,
    kind: 'contribution',
    amount: 30_000,
    note: 'cash at the office',
  });
  assert.equal(answer.statusCode, 201, answer.body);
  const payment = answer.json();
  assert.equal(payment.state, 'confirmed');
  assert.equal(payment.source, 'manual');
  assert.equal(payment.paid_on, TODAY);
  assert.equal(payment.recorded_by, STAFF);
  assert.deepEqual(await kasa.outboxTypes(payment.id), ['payment.confirmed']);

  const withRequest = await record({ member_id: 801, kind: 'contribution', amount: 100, request_id: 5 });
  assert.equal(withRequest.statusCode, 422, 'a contribution is for no request');
  const future = await record({ member_id: 801, kind: 'contribution', amount: 100, paid_on: '2999-01-01' });
  assert.equal(future.statusCode, 422);
  const noAmount = await record({ member_id: 801, kind: 'contribution', amount: 0 });
  assert.equal(noAmount.statusCode, 400);
});

test('payouts never add up to more than the grant, full is the rest and partial leaves some', async () => {
  const member = 802;
  const ungranted = await record({
    member_id: member,
    kind: 'partial_payout',
    request_id: 9001,
    amount: 100,
  });
  assert.equal(ungranted.statusCode, 409, 'no grant yet');

  await granted(9001, member, 100_000);
  await waitForGrant(9001, 100_000);
  const noRequest = await record({ member_id: member, kind: 'payout', amount: 100_000 });
  assert.equal(noRequest.statusCode, 422);
  const otherMember = await record({ member_id: 803, kind: 'payout', request_id: 9001, amount: 100_000 });
  assert.equal(otherMember.statusCode, 422, 'the request is another member’s');

  const first = await record({ member_id: member, kind: 'partial_payout', request_id: 9001, amount: 40_000 });
  assert.equal(first.statusCode, 201, first.body);
  assert.deepEqual(await kasa.outboxTypes(first.json().id), ['payout.recorded']);
  const tooMuch = await record({
    member_id: member,
    kind: 'partial_payout',
    request_id: 9001,
    amount: 60_001,
  });
  assert.equal(tooMuch.statusCode, 409);
  assert.match(tooMuch.json().message, /600\.00 UAH/);
  const notTheRest = await record({ member_id: member, kind: 'payout', request_id: 9001, amount: 50_000 });
  assert.equal(notTheRest.statusCode, 409, 'a full payout is the whole rest');
  const partialOfAll = await record({
    member_id: member,
    kind: 'partial_payout',
    request_id: 9001,
    amount: 60_000,
  });
  assert.equal(partialOfAll.statusCode, 409, 'the whole rest is a full payout');
  const rest = await record({ member_id: member, kind: 'payout', request_id: 9001, amount: 60_000 });
  assert.equal(rest.statusCode, 201, rest.body);
  const more = await record({ member_id: member, kind: 'partial_payout', request_id: 9001, amount: 1 });
  assert.equal(more.statusCode, 409, 'paid in full');
});

test('payouts recorded at once for one request still stay within its grant', async () => {
  await granted(9002, 804, 100_000);
  await waitForGrant(9002, 100_000);
  // Ten staff pay 300 UAH at once against 1000 granted: three fit, and the rest is refused.
  const answers = await Promise.all(
    Array.from({ length: 10 }, () =>
      record({ member_id: 804, kind: 'partial_payout', request_id: 9002, amount: 30_000 }),
    ),
  );
  const statuses = answers.map(({ statusCode }) => statusCode).sort();
  assert.deepEqual(statuses, [201, 201, 201, 409, 409, 409, 409, 409, 409, 409]);
  const [paid] = await kasa.query<{ total: string }>(
    "SELECT SUM(amount) AS total FROM payments WHERE request_id = 9002 AND state = 'confirmed'",
  );
  assert.equal(Number(paid!.total), 90_000);
});

test('an assessment arriving late does not undo a newer one', async () => {
  const now = Date.now();
  await granted(9003, 805, 50_000, new Date(now));
  await waitForGrant(9003, 50_000);
  await granted(9003, 805, 20_000, new Date(now - 60_000));
  await granted(9004, 805, 1, new Date(now)); // a marker: once it is in, the late one was handled
  await waitForGrant(9004, 1);
  assert.equal(await grantOf(9003), 50_000);
});

test('a mistake is corrected by a reversing entry, once, and gives the payout back to the grant', async () => {
  await granted(9005, 806, 100_000);
  await waitForGrant(9005, 100_000);
  const payout = (
    await record({
      member_id: 806,
      kind: 'payout',
      request_id: 9005,
      amount: 100_000,
      iban: `UA${'1'.repeat(27)}`,
    })
  ).json();
  const reversals = await Promise.all(Array.from({ length: 5 }, () => reverse(payout.id)));
  const statuses = reversals.map(({ statusCode }) => statusCode).sort();
  assert.deepEqual(statuses, [201, 409, 409, 409, 409], 'reversed once, however many try at once');
  const reversal = reversals.find(({ statusCode }) => statusCode === 201)!.json();
  assert.equal(reversal.amount, -100_000);
  assert.equal(reversal.reverses, payout.id);
  assert.equal(reversal.request_id, 9005);
  assert.equal(reversal.iban, payout.iban);
  assert.deepEqual(await kasa.outboxTypes(payout.id), ['payout.recorded', 'payout.reversed']);
  // The original stays as it was entered.
  const [original] = await kasa.query<{ state: string; amount: number }>(
    'SELECT state, amount FROM payments WHERE id = ?',
    [payout.id],
  );
  assert.deepEqual(original, { state: 'confirmed', amount: 100_000 });
  // The grant is whole again.
  const again = await record({ member_id: 806, kind: 'payout', request_id: 9005, amount: 100_000 });
  assert.equal(again.statusCode, 201, again.body);

  assert.equal((await reverse(reversal.id)).statusCode, 409, 'a reversal is not reversed');
  assert.equal((await reverse(999_999)).statusCode, 404);

  const contribution = (await record({ member_id: 806, kind: 'contribution', amount: 5_000 })).json();
  assert.equal((await reverse(contribution.id)).statusCode, 201);
  assert.deepEqual(await kasa.outboxTypes(contribution.id), ['payment.confirmed', 'payment.refunded']);
});

test('LiqPay money is not reversed by hand', async () => {
  const checkout = (
    await kasa.service.app.inject({
      method: 'POST',
      url: '/me/checkouts',
      headers: { authorization: kasa.memberAuth(807) },
      payload: { amount: 10_000 },
    })
  ).json();
  assert.equal(await kasa.liqpay.pay(checkout, 'success'), 200);
  const answer = await reverse(checkout.payment_id);
  assert.equal(answer.statusCode, 409);
  assert.match(answer.json().message, /refund/);
});

test('the register combines its filters with AND, and pages', async () => {
  const member = 810;
  await granted(9010, member, 1_000_000);
  await waitForGrant(9010, 1_000_000);
  for (const amount of [1_000, 2_000, 3_000]) {
    assert.equal((await record({ member_id: member, kind: 'contribution', amount })).statusCode, 201);
  }
  assert.equal(
    (await record({ member_id: member, kind: 'partial_payout', request_id: 9010, amount: 2_500 })).statusCode,
    201,
  );
  assert.equal(
    (await record({ member_id: member, kind: 'contribution', amount: 2_000, paid_on: '2026-01-15' }))
      .statusCode,
    201,
  );

  const mine = await search({ member_ids: [member] });
  assert.equal(mine.total, 5);
  assert.deepEqual(
    mine.data.map(({ amount }) => amount),
    [2_000, 2_500, 3_000, 2_000, 1_000],
    'latest entered first',
  );
  const contributions = await search({ member_ids: [member], kinds: ['contribution'] });
  assert.equal(contributions.total, 4);
  const both = await search({
    member_ids: [member],
    kinds: ['contribution'],
    amount_min: 1_500,
    amount_max: 2_500,
  });
  assert.deepEqual(
    both.data.map(({ amount }) => amount),
    [2_000, 2_000],
  );
  const today = await search({
    member_ids: [member],
    kinds: ['contribution'],
    amount_min: 1_500,
    paid_from: TODAY,
    paid_to: TODAY,
  });
  assert.deepEqual(
    today.data.map(({ amount }) => amount),
    [3_000, 2_000],
  );
  const page = await search({ member_ids: [member], offset: 1, limit: 2 });
  assert.equal(page.total, 5);
  assert.deepEqual(
    page.data.map(({ amount }) => amount),
    [2_500, 3_000],
  );
  assert.deepEqual(await search({ member_ids: [member], request_ids: [9010] }), {
    ...(await search({ request_ids: [9010] })),
  });
  assert.equal((await search({ member_ids: [] })).total, 0);
});

test('staff only: a member token is refused', async () => {
  const answer = await kasa.service.app.inject({
    method: 'POST',
    url: '/staff/payments/search',
    headers: { authorization: kasa.memberAuth(801) },
    payload: {},
  });
  assert.equal(answer.statusCode, 401);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readLiqPayCallback, readLiqPayReport } from '../src/liqpay/liqpay-callback.ts';
import { signatureOf, signed } from '../src/liqpay/liqpay-protocol.ts';

/** LiqPay's callback read at the edge: a typed report, or a refusal with its reason. */
const PRIVATE_KEY = 'test-private-key-not-a-real-one';
const PUBLIC_KEY = 'sandbox_i00000000';
const fund = (sandbox = false) => ({
  account: { publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY, apiUrl: 'http://127.0.0.1:9/api/' },
  sandbox,
});

/** A one-off payment's report as LiqPay sends it, for 150.50 hryvnias. */
const reported = (extra: Record<string, unknown> = {}) => ({
  version: 3,
  public_key: PUBLIC_KEY,
  action: 'pay',
  payment_id: 4_000_001,
  status: 'success',
  amount: 150.5,
  currency: 'UAH',
  order_id: 'kasa-1',
  paytype: 'card',
  ...extra,
});
const callbackOf = (params: unknown) =>
  signed(params as Record<string, unknown>, PRIVATE_KEY) as { data: string; signature: string };
const read = (params: unknown, sandbox = false) => readLiqPayCallback(callbackOf(params), fund(sandbox));
/** The report of a callback LiqPay signed, or a failed assertion. */
const reportOf = (params: unknown, sandbox = false) => {
  const callback = read(params, sandbox);
  assert.ok(callback.ok, JSON.stringify(callback));
  return callback.report;
};
/** Why a signed callback is refused, or a failed assertion. */
const refusalOf = (params: unknown) => {
  const callback = read(params);
  assert.ok(!callback.ok, `${JSON.stringify(params)} was read`);
  return callback.refusal;
};

test("a one-off payment's success is money received: kopiyky, the order, LiqPay's payment id and status", () => {
  const params = reported();
  const callback = read(params);
  assert.ok(callback.ok);
  assert.deepEqual(callback.report, {
    kind: 'payment',
    outcome: 'confirmed',
    orderId: 'kasa-1',
    liqpayPaymentId: 4_000_001,
    status: 'success',
    paid: { amount: 15_050, currency: 'UAH', toFundAccount: true },
  });
  assert.deepEqual(callback.params, params, 'the parameters LiqPay signed, every one of them');
  assert.deepEqual(callback.form, callbackOf(params), 'the form, to keep as it came');
});

test('each status is read once into what it means for the fund', () => {
  const kindOf = (status: string, sandbox = false) => {
    const { kind, ...rest } = reportOf(reported({ status }), sandbox);
    return 'outcome' in rest ? `${kind}:${rest.outcome}` : kind;
  };
  assert.equal(kindOf('success'), 'payment:confirmed');
  assert.equal(kindOf('sandbox', true), 'payment:confirmed', 'a test payment is money in sandbox mode');
  assert.equal(kindOf('sandbox', false), 'payment:failed', 'and none in production');
  assert.equal(kindOf('failure'), 'payment:failed');
  assert.equal(kindOf('error'), 'payment:failed');
  for (const status of ['processing', 'wait_secure', '3ds_verify', 'hold_wait', 'something new']) {
    assert.equal(kindOf(status), 'payment:pending', status);
  }
  assert.equal(kindOf('subscribed'), 'subscribed', 'a subscription set up, with its first charge');
  assert.equal(kindOf('reversed'), 'refund');
  assert.equal(kindOf('unsubscribed'), 'subscription_ended');
});

test("a subscription's charge and its end are reports of their own; LiqPay's raw status is kept as it said it", () => {
  const charge = reportOf(reported({ action: 'regular', order_id: 'kasa-sub-1', payment_id: 8_000_001 }));
  assert.deepEqual(
    { kind: charge.kind, orderId: charge.orderId, liqpayPaymentId: charge.liqpayPaymentId },
    { kind: 'payment', orderId: 'kasa-sub-1', liqpayPaymentId: 8_000_001 },
  );
  const ended = reportOf({ version: 3, action: 'subscribe', status: 'unsubscribed', order_id: 'kasa-sub-1' });
  assert.deepEqual(ended, {
    kind: 'subscription_ended',
    orderId: 'kasa-sub-1',
    liqpayPaymentId: null,
    status: 'unsubscribed',
    paid: { amount: null, currency: null, toFundAccount: false },
  });
});

test('what the fund checks before crediting is read, not judged: another account, currency or amount', () => {
  assert.deepEqual(
    reportOf(reported({ public_key: 'sandbox_someone_else', currency: 'EUR', amount: 1 })).paid,
    {
      amount: 100,
      currency: 'EUR',
      toFundAccount: false,
    },
  );
  assert.equal(
    reportOf(reported({ amount: '150.50' })).paid.amount,
    15_050,
    'an amount may come as its text',
  );
  const bare = reportOf({ status: 'success', order_id: 'kasa-2', amount: null, payment_id: null });
  assert.deepEqual(
    { liqpayPaymentId: bare.liqpayPaymentId, paid: bare.paid },
    { liqpayPaymentId: null, paid: { amount: null, currency: null, toFundAccount: false } },
    'a field left out, or null, is absent',
  );
});

test('an order is matched by its first 64 characters, a status kept by its first 32', () => {
  const report = reportOf(reported({ order_id: 'k'.repeat(80), status: `processing${'_'.repeat(40)}` }));
  assert.equal(report.orderId, 'k'.repeat(64));
  assert.equal(report.status.length, 32);
});

test('a callback not signed with the fund’s key is refused before its data is read', () => {
  const { data } = callbackOf(reported());
  for (const signature of [
    '',
    'bm90IHRoZSBmdW5kJ3Mgc2lnbmF0dXJlIQ==',
    signed(reported(), 'another key').signature,
  ]) {
    const callback = readLiqPayCallback({ data, signature }, fund());
    assert.ok(!callback.ok);
    assert.deepEqual(callback.refusal, { reason: 'bad_signature', form: { data, signature } });
  }
  // Data that is no JSON at all, under a forged signature: still a bad signature, never read.
  const garbage = readLiqPayCallback({ data: '%%%', signature: 'forged' }, fund());
  assert.ok(!garbage.ok && garbage.refusal.reason === 'bad_signature');
});

test('signed data that is no JSON object is refused, to be kept: there is no order to read', () => {
  for (const text of ['not json', '[1,2]', '"text"', 'null', '{"order_id":']) {
    const data = Buffer.from(text).toString('base64');
    const callback = readLiqPayCallback({ data, signature: signatureOf(data, PRIVATE_KEY) }, fund());
    assert.ok(!callback.ok, text);
    assert.deepEqual(
      callback.refusal,
      {
        reason: 'unreadable',
        form: { data, signature: signatureOf(data, PRIVATE_KEY) },
        problem: 'The callback’s data is not LiqPay’s JSON',
        orderId: null,
        status: null,
      },
      text,
    );
  }
});

test('a report without its order or status is refused, its words saying so', () => {
  for (const params of [
    { status: 'success', amount: 150.5 },
    { order_id: 'kasa-3', amount: 150.5 },
    { order_id: '', status: 'success' },
    { order_id: 'kasa-3', status: '' },
    { order_id: 42, status: 'success' },
    { order_id: 'kasa-3', status: true },
  ]) {
    const refusal = refusalOf(params);
    assert.equal(refusal.reason, 'unreadable');
    assert.equal(
      refusal.reason === 'unreadable' && refusal.problem,
      'The callback carries no order and status',
    );
  }
});

test('a field that is not as LiqPay sends it is refused, never coerced: true is no amount', () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ amount: true }, 'amount'],
    [{ amount: false }, 'amount'],
    [{ amount: [150.5] }, 'amount'],
    [{ amount: { value: 150.5 } }, 'amount'],
    [{ amount: '1e3' }, 'amount'],
    [{ amount: '150.505' }, 'amount'],
    [{ amount: 150.505 }, 'amount'],
    [{ amount: 'сто' }, 'amount'],
    [{ payment_id: '4000001' }, 'payment_id'],
    [{ payment_id: 4_000_001.5 }, 'payment_id'],
    [{ payment_id: true }, 'payment_id'],
    [{ payment_id: -1 }, 'payment_id'],
    [{ payment_id: 2 ** 60 }, 'payment_id'],
    [{ currency: 980 }, 'currency'],
    [{ public_key: true }, 'public_key'],
  ];
  for (const [extra, field] of cases) {
    const refusal = refusalOf(reported(extra));
    assert.ok(refusal.reason === 'unreadable', JSON.stringify(extra));
    assert.match(refusal.problem, new RegExp(`’s ${field} is`), JSON.stringify(extra));
    // Still LiqPay's signed word: kept with the order and status it names.
    assert.deepEqual(
      { orderId: refusal.orderId, status: refusal.status },
      { orderId: 'kasa-1', status: 'success' },
    );
  }
});

test("the status API's answer is read as a callback is", () => {
  const answer = readLiqPayReport({ result: 'ok', ...reported({ status: 'sandbox' }) }, fund(true));
  assert.ok(answer.ok);
  assert.equal(answer.report.kind, 'payment');
  assert.equal(answer.report.kind === 'payment' && answer.report.outcome, 'confirmed');
  const odd = readLiqPayReport(reported({ amount: true }), fund(true));
  assert.ok(!odd.ok);
  assert.match(odd.problem, /amount/);
});

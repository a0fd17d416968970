import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addCalendarDays, kyivDateOf, PaymentConfirmed, PaymentRefunded, SYSTEM } from '@kasa/contracts';
import { newEvent } from '@kasa/messaging';
import { eventually } from '@kasa/testing';
import { extendMembershipsBy } from '../src/application/extend-membership.ts';
import { type MemberUnderTest, startMember } from './support/member-under-test.ts';

/** `payment.confirmed` extends the membership once per payment (SPEC §3), also when two come at once. */
let member: MemberUnderTest;
const PRICE = 30_000; // 300 UAH a month
before(async () => {
  member = await startMember();
  await member.query('INSERT INTO programs (id, name, month_price) VALUES (1, ?, ?)', ['Базова', PRICE]);
});
after(() => member?.close());

const confirmed = (
  paymentId: number,
  memberId: number,
  amount: number,
  kind: 'contribution' | 'payout' | 'partial_payout' = 'contribution',
) =>
  newEvent(
    PaymentConfirmed,
    { paymentId, memberId, kind, amount, currency: 'UAH', source: 'liqpay' },
    { aggregateId: paymentId, actor: SYSTEM },
  );

async function memberWithProgram(memberId: number, paidUntil: string | null) {
  await member.signUp(memberId, `+38067${String(memberId).padStart(7, '0')}`);
  await member.query('UPDATE members SET program_id = 1, paid_until = ? WHERE id = ?', [paidUntil, memberId]);
}

const paidUntilOf = async (memberId: number) =>
  (
    await member.query<{ paid_until: string | null }>(
      "SELECT DATE_FORMAT(paid_until, '%Y-%m-%d') AS paid_until FROM members WHERE id = ?",
      [memberId],
    )
  )[0]!.paid_until;

const extensionsOf = (memberId: number) =>
  member.query<{ payment_id: number; days: number }>(
    'SELECT payment_id, days FROM membership_extensions WHERE member_id = ? ORDER BY payment_id',
    [memberId],
  );

async function settled(memberId: number, count: number) {
  await eventually(async () => ((await extensionsOf(memberId)).length >= count ? true : null), {
    message: `${count} extensions of member ${memberId}`,
  });
}

test('a contribution extends a running membership from its date and says so in membership.extended', async () => {
  const today = kyivDateOf(new Date());
  const until = addCalendarDays(today, 10);
  await memberWithProgram(401, until);
  await member.publish(confirmed(7001, 401, PRICE * 2));
  await settled(401, 1);
  assert.equal(await paidUntilOf(401), addCalendarDays(until, 60));
  const [event] = await member.query<{ payload: string }>(
    "SELECT payload FROM outbox WHERE type = 'membership.extended' AND aggregate_id = '401'",
  );
  const payload = JSON.parse(event!.payload);
  assert.deepEqual(
    {
      days: payload.data.days,
      from: payload.data.previousPaidUntil,
      to: payload.data.paidUntil,
      paymentId: payload.data.paymentId,
    },
    { days: 60, from: until, to: addCalendarDays(until, 60), paymentId: 7001 },
  );
});

test('a lapsed membership starts again from today', async () => {
  const today = kyivDateOf(new Date());
  await memberWithProgram(402, addCalendarDays(today, -40));
  await member.publish(confirmed(7002, 402, PRICE));
  await settled(402, 1);
  assert.equal(await paidUntilOf(402), addCalendarDays(today, 30));
});

test('a payment extends once, however often its confirmation arrives', async () => {
  const today = kyivDateOf(new Date());
  await memberWithProgram(403, null);
  // The same event redelivered, and another event for the same payment.
  const event = confirmed(7003, 403, PRICE);
  await Promise.all([
    member.publish(event),
    member.publish(event),
    member.publish(confirmed(7003, 403, PRICE)),
  ]);
  await settled(403, 1);
  await member.publish(confirmed(7004, 403, 1)); // a later one, to know the others were all handled
  await settled(403, 2);
  assert.equal(await paidUntilOf(403), addCalendarDays(today, 30));
  assert.deepEqual(
    (await extensionsOf(403)).map(({ payment_id, days }) => [payment_id, days]),
    [
      [7003, 30],
      [7004, 0],
    ],
  );
});

test('two payments for one member at once add up: each starts where the other ended', async () => {
  const today = kyivDateOf(new Date());
  await memberWithProgram(404, null);
  await Promise.all([
    member.publish(confirmed(7005, 404, PRICE)),
    member.publish(confirmed(7006, 404, PRICE * 2)),
  ]);
  await settled(404, 2);
  assert.equal(await paidUntilOf(404), addCalendarDays(today, 90));
});

test('a payout is no contribution: the membership stays as it was', async () => {
  await memberWithProgram(405, null);
  await member.publish(confirmed(7007, 405, PRICE, 'payout'));
  await member.publish(confirmed(7008, 405, 0));
  await settled(405, 1);
  assert.deepEqual(
    (await extensionsOf(405)).map(({ payment_id }) => payment_id),
    [7008],
  );
  assert.equal(await paidUntilOf(405), null);
});

test('a refund takes back the days its contribution added, once', async () => {
  const today = kyivDateOf(new Date());
  await memberWithProgram(406, null);
  await member.publish(confirmed(7010, 406, PRICE));
  await member.publish(confirmed(7011, 406, PRICE * 2));
  await settled(406, 2);
  assert.equal(await paidUntilOf(406), addCalendarDays(today, 90));
  const refund = newEvent(
    PaymentRefunded,
    { paymentId: 7010, memberId: 406, amount: PRICE, currency: 'UAH' },
    { aggregateId: 7010, actor: SYSTEM },
  );
  await Promise.all([
    member.publish(refund),
    member.publish(refund),
    member.publish({ ...refund, id: crypto.randomUUID() }),
  ]);
  await eventually(async () => ((await paidUntilOf(406)) === addCalendarDays(today, 60) ? true : null), {
    message: 'the refunded 30 days taken back',
  });
  // A refund of a payment the member service never applied changes nothing.
  await member.publish(
    newEvent(
      PaymentRefunded,
      { paymentId: 7999, memberId: 406, amount: PRICE, currency: 'UAH' },
      { aggregateId: 7999, actor: SYSTEM },
    ),
  );
  await member.publish(confirmed(7012, 406, 1)); // a later event, to know the others were handled
  await settled(406, 3);
  assert.equal(await paidUntilOf(406), addCalendarDays(today, 60));
  const [shortened] = await member.query<{ n: number }>(
    "SELECT COUNT(*) AS n FROM outbox WHERE type = 'membership.shortened' AND aggregate_id = '406'",
  );
  assert.equal(Number(shortened!.n), 1);
});

const waitingOf = (memberId: number) =>
  member.query<{ payment_id: number; applied: number; refunded: number }>(
    `SELECT payment_id, applied_at IS NOT NULL AS applied, refunded_at IS NOT NULL AS refunded
       FROM waiting_contributions WHERE member_id = ? ORDER BY payment_id`,
    [memberId],
  );

const outboxCount = async (type: string, memberId: number) =>
  Number(
    (
      await member.query<{ n: number }>(
        'SELECT COUNT(*) AS n FROM outbox WHERE type = ? AND aggregate_id = ?',
        [type, String(memberId)],
      )
    )[0]!.n,
  );

test('money from a member with no program waits in sight, once, and counts from the day they choose one', async () => {
  const today = kyivDateOf(new Date());
  await member.signUp(407, '+380670000407');
  const event = confirmed(7020, 407, PRICE);
  // Before: "no program to price it", retried into the dead-letter queue and never accounted for.
  await Promise.all([
    member.publish(event),
    member.publish(event),
    member.publish(confirmed(7021, 407, PRICE)),
  ]);
  await eventually(async () => ((await waitingOf(407)).length === 2 ? true : null), {
    message: 'both contributions waiting',
  });
  assert.equal(await outboxCount('membership.contribution_awaiting_program', 407), 2);
  assert.equal(await paidUntilOf(407), null);
  assert.deepEqual(await extensionsOf(407), []);

  // The member asks for a program: what they paid is priced by it, oldest first, in the same transaction.
  const change = await member.service.app.inject({
    method: 'POST',
    url: '/me/program-change',
    headers: { authorization: member.memberAuth(407) },
    payload: { program_id: 1 },
  });
  assert.equal(change.statusCode, 200, change.body);
  assert.equal(await paidUntilOf(407), addCalendarDays(today, 60));
  assert.deepEqual(
    (await waitingOf(407)).map(({ payment_id, applied }) => [payment_id, Number(applied)]),
    [
      [7020, 1],
      [7021, 1],
    ],
  );
  assert.equal(await outboxCount('membership.extended', 407), 2);
});

test('a refund of a waiting contribution ends its wait and never extends the membership', async () => {
  await member.signUp(408, '+380670000408');
  await member.publish(confirmed(7030, 408, PRICE));
  await eventually(async () => ((await waitingOf(408)).length === 1 ? true : null), {
    message: 'the contribution waiting',
  });
  await member.publish(
    newEvent(
      PaymentRefunded,
      { paymentId: 7030, memberId: 408, amount: PRICE, currency: 'UAH' },
      { aggregateId: 7030, actor: SYSTEM },
    ),
  );
  await eventually(async () => ((await waitingOf(408))[0]?.refunded ? true : null), {
    message: 'the wait ended by the refund',
  });
  await member.query('UPDATE members SET program_id = 1 WHERE id = ?', [408]);
  const change = await member.service.app.inject({
    method: 'POST',
    url: '/me/program-change',
    headers: { authorization: member.memberAuth(408) },
    payload: { program_id: 1 },
  });
  assert.equal(change.statusCode, 409, 'already on the program: nothing to change');
  assert.equal(await paidUntilOf(408), null);
  assert.deepEqual(await extensionsOf(408), []);
});

test('confirmations that arrive together extend as a set: chained per member, each payment once, a waiting one apart', async () => {
  const today = kyivDateOf(new Date());
  await memberWithProgram(411, addCalendarDays(today, 5));
  await memberWithProgram(412, null);
  await member.signUp(413, '+380670000413'); // no program yet: the money waits
  const contributions = [
    { paymentId: 7101, memberId: 411, amount: PRICE },
    { paymentId: 7102, memberId: 412, amount: PRICE * 3 },
    { paymentId: 7103, memberId: 411, amount: PRICE },
    { paymentId: 7101, memberId: 411, amount: PRICE }, // the same payment again, in the same batch
    { paymentId: 7104, memberId: 413, amount: PRICE },
  ];
  await eventually(
    async () => ((await member.query('SELECT id FROM members WHERE id = 413')).length === 1 ? true : null),
    { message: 'member 413 opened' },
  );
  await member.service.deps.context.messaging.unitOfWork.run((context) =>
    extendMembershipsBy(context, contributions),
  );
  assert.equal(await paidUntilOf(411), addCalendarDays(today, 5 + 30 + 30), 'two payments chain');
  assert.equal(await paidUntilOf(412), addCalendarDays(today, 90), 'a lapsed one from today');
  assert.deepEqual(
    (await extensionsOf(411)).map(({ payment_id }) => payment_id),
    [7101, 7103],
    'each payment once',
  );
  const waiting = await member.query('SELECT payment_id FROM waiting_contributions WHERE member_id = 413');
  assert.deepEqual(waiting, [{ payment_id: 7104 }]);

  // Applied again as a set (the whole batch redelivered): nothing moves.
  await member.service.deps.context.messaging.unitOfWork.run((context) =>
    extendMembershipsBy(context, contributions),
  );
  assert.equal(await paidUntilOf(411), addCalendarDays(today, 5 + 30 + 30));
});

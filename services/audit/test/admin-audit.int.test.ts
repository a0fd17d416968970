import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  MemberSignedUp,
  MembershipExtended,
  MemberUpdated,
  memberActor,
  PaymentConfirmed,
  PayoutRecorded,
  PhoneChanged,
  SYSTEM,
  staffActor,
} from '@kasa/contracts';
import { RevokedSessions } from '@kasa/http';
import { type AnyEvent, newEvent } from '@kasa/messaging';
import { type RunningGateway, startGateway } from '@kasa/runtime';
import { freePort } from '@kasa/testing';
import { adminGateway } from '../../admin-gateway/src/gateway.ts';
import { type AuditUnderTest, startAudit, uniqueId } from './support/audit-under-test.ts';

let audit: AuditUnderTest;
let gateway: RunningGateway;
let admin: string;
let staff: string;

const memberId = uniqueId();
const otherMemberId = uniqueId();
const paymentId = uniqueId();
const payoutId = uniqueId();
const requestId = uniqueId();
const phone = '+380677654321';

/** Kyiv is UTC+2 in January: 21:30 UTC is 23:30 on the 10th there, 22:30 UTC already the 11th. */
const at = (event: AnyEvent, occurredAt: string): AnyEvent => ({ ...event, occurredAt });

/** A member's story, oldest first: signed up, phone changed by staff, paid, membership extended, paid out. */
const story = [
  at(
    newEvent(MemberSignedUp, { memberId, phone }, { aggregateId: memberId, actor: memberActor(memberId) }),
    '2026-01-10T21:30:00.000Z',
  ),
  at(
    newEvent(
      PhoneChanged,
      { memberId, phone: '+380671231234' },
      { aggregateId: memberId, actor: staffActor(5) },
    ),
    '2026-01-10T22:30:00.000Z',
  ),
  at(
    newEvent(
      PaymentConfirmed,
      { paymentId, memberId, kind: 'contribution', amount: 30_000, currency: 'UAH', source: 'liqpay' },
      { aggregateId: paymentId, actor: SYSTEM },
    ),
    '2026-01-12T08:00:00.000Z',
  ),
  at(
    newEvent(
      MembershipExtended,
      { memberId, paymentId, days: 30, previousPaidUntil: null, paidUntil: '2026-02-11' },
      { aggregateId: memberId, actor: SYSTEM },
    ),
    '2026-01-12T08:00:01.000Z',
  ),
  at(
    newEvent(
      PayoutRecorded,
      { paymentId: payoutId, memberId, requestId, kind: 'payout', amount: 150_000, currency: 'UAH' },
      { aggregateId: payoutId, actor: staffActor(5) },
    ),
    '2026-01-13T10:00:00.000Z',
  ),
];
const other = at(
  newEvent(
    MemberUpdated,
    { memberId: otherMemberId, fields: ['email'] },
    { aggregateId: otherMemberId, actor: staffActor(6) },
  ),
  '2026-01-14T10:00:00.000Z',
);

before(async () => {
  audit = await startAudit();
  // No auth service here to learn revoked sessions from: the test keeps the (empty) list.
  const revokedSessions = new RevokedSessions();
  revokedSessions.learn([], Date.now());
  gateway = await startGateway(adminGateway, {
    listen: false,
    env: { ...audit.env, AUDIT_URL: audit.first.url, ADMIN_GATEWAY_PORT: String(await freePort()) },
    revokedSessions,
  });
  admin = audit.staffAuth(1, 'admin');
  staff = audit.staffAuth(2, 'staff');
  for (const event of story) await audit.emit(event);
  await audit.emit(other);
  await audit.trailOf(story.length + 1);
});
after(async () => {
  await gateway?.stop();
  await audit?.close();
});

function call(method: 'GET' | 'POST', url: string, token?: string, payload?: object) {
  return gateway.app.inject({
    method,
    url,
    headers: token ? { authorization: token } : {},
    ...(payload === undefined ? {} : { payload }),
  });
}

const typesOf = (body: { data: { type: string }[] }) => body.data.map(({ type }) => type);

describe('who may read it', () => {
  test('only administrators read the audit log: 401 without a token, 403 for other staff', async () => {
    for (const [method, url] of [
      ['GET', '/audit'],
      ['POST', '/audit'],
      ['GET', '/audit/1'],
    ] as const) {
      assert.equal((await call(method, url)).statusCode, 401, `${method} ${url}`);
      const refused = await call(method, url, staff, method === 'POST' ? {} : undefined);
      assert.equal(refused.statusCode, 403, `${method} ${url}`);
      assert.equal(refused.json().status, 'error');
    }
    assert.equal((await call('GET', '/audit', admin)).statusCode, 200);
  });

  test('the audit service itself refuses staff who are not administrators', async () => {
    const direct = await audit.first.service.app.inject({
      method: 'POST',
      url: '/staff/audit/search',
      headers: { authorization: staff },
      payload: {},
    });
    assert.equal(direct.statusCode, 403);
  });
});

describe('browsing', () => {
  test("a member's whole story, newest first, with actors and the names of what changed", async () => {
    const answer = await call('GET', `/audit?member=${memberId}`, admin);
    assert.equal(answer.statusCode, 200, answer.body);
    const body = answer.json();
    assert.deepEqual(typesOf(body), story.map(({ type }) => type).reverse());
    assert.equal(body.total, story.length);
    assert.equal(body.total_exact, true);
    const changed = body.data.find((event: { type: string }) => event.type === 'member.phone_changed');
    assert.deepEqual(changed.actor, { kind: 'staff', id: '5' });
    assert.deepEqual(changed.object, { kind: 'member', id: String(memberId) });
    assert.deepEqual(changed.fields, ['phone']);
    assert.ok(
      !answer.body.includes('7654321') && !answer.body.includes('1231234'),
      'no phone number anywhere',
    );
  });

  test('by object: one payment, or every payment', async () => {
    const one = (await call('GET', `/audit?object=payment:${paymentId}`, admin)).json();
    assert.deepEqual(typesOf(one), ['payment.confirmed']);
    const payments = (await call('GET', `/audit?object=payment&member=${memberId}`, admin)).json();
    assert.deepEqual(typesOf(payments), ['payout.recorded', 'payment.confirmed']);
  });

  test('by actor: one staff user, or the system', async () => {
    const byStaff = (await call('GET', '/audit?actor=staff:5', admin)).json();
    assert.deepEqual(typesOf(byStaff), ['payout.recorded', 'member.phone_changed']);
    const bySystem = (await call('GET', `/audit?actor=system&member=${memberId}`, admin)).json();
    assert.deepEqual(typesOf(bySystem), ['membership.extended', 'payment.confirmed']);
  });

  test('by event types, repeated in the query string', async () => {
    const answer = (await call('GET', '/audit?type=membership.extended&type=member.updated', admin)).json();
    assert.deepEqual(typesOf(answer), ['member.updated', 'membership.extended']);
  });

  test('by time: Kyiv days include the whole day; timestamps are taken with their zone', async () => {
    const day = (await call('GET', `/audit?member=${memberId}&from=11.01.2026&to=11.01.2026`, admin)).json();
    assert.deepEqual(typesOf(day), ['member.phone_changed']);
    const range = (
      await call(
        'GET',
        `/audit?member=${memberId}&from=2026-01-10T23:00:00%2B02:00&to=2026-01-10T21:30:00Z`,
        admin,
      )
    ).json();
    assert.deepEqual(typesOf(range), ['auth.member_signed_up'], 'an end given to the instant includes it');
    const since = (await call('GET', `/audit?member=${memberId}&from=2026-01-12`, admin)).json();
    assert.equal(since.total, 3);
  });

  test('times are ISO UTC with the Kyiv clock beside them', async () => {
    const [signedUp] = (
      await call('GET', `/audit?member=${memberId}&type=auth.member_signed_up`, admin)
    ).json().data;
    assert.equal(signedUp.occurred_at, '2026-01-10T21:30:00.000Z');
    assert.equal(signedUp.occurred_kyiv, '10.01.2026 23:30:00');
  });

  test('POST /audit takes the same filters in its body, null meaning any', async () => {
    const answer = await call('POST', '/audit', admin, {
      member: memberId,
      actor: 'staff:5',
      object: null,
      type: null,
      from: '10.01.2026',
      to: null,
      offset: null,
      limit: null,
    });
    assert.equal(answer.statusCode, 200, answer.body);
    assert.deepEqual(typesOf(answer.json()), ['payout.recorded', 'member.phone_changed']);
  });

  test('pages of a given size, with the total of all matches', async () => {
    const first = (await call('POST', '/audit', admin, { member: memberId, limit: 2 })).json();
    const second = (await call('POST', '/audit', admin, { member: memberId, limit: 2, offset: 2 })).json();
    assert.equal(first.total, story.length);
    assert.deepEqual(
      [...typesOf(first), ...typesOf(second)],
      story
        .map(({ type }) => type)
        .reverse()
        .slice(0, 4),
    );
  });

  test('a filter that is no filter is a 400 naming it', async () => {
    const badObject = await call('GET', '/audit?object=Payment%20one', admin);
    assert.equal(badObject.statusCode, 400);
    const noZone = await call('GET', '/audit?from=2026-01-10T21:30:00', admin);
    assert.equal(noZone.statusCode, 400);
    assert.match(noZone.json().message, /'from'/);
    const badDay = await call('POST', '/audit', admin, { to: '31.02.2026' });
    assert.equal(badDay.statusCode, 400);
  });
});

describe('one event', () => {
  test('GET /audit/:sequence shows the event with its hash checked', async () => {
    const [newest] = (await call('GET', `/audit?member=${memberId}&limit=1`, admin)).json().data;
    const answer = await call('GET', `/audit/${newest.sequence}`, admin);
    assert.equal(answer.statusCode, 200, answer.body);
    const { data } = answer.json();
    assert.equal(data.event_id, newest.event_id);
    assert.deepEqual(data.verification, { hash_matches: true, follows_previous: true });
    assert.equal((await call('GET', '/audit/999999', admin)).statusCode, 404);
  });
});

describe('the whole chain', () => {
  test('GET /audit/chain walks the whole trail as audit-verify does; administrators only', async () => {
    const answer = await call('GET', '/audit/chain', admin);
    assert.equal(answer.statusCode, 200, answer.body);
    const { data } = answer.json();
    assert.equal(data.intact, true);
    assert.equal(data.break, null);
    assert.ok(data.count >= story.length);
    assert.equal(data.head.sequence, data.count);
    assert.match(data.head.hash, /^[0-9a-f]{64}$/);
    assert.equal((await call('GET', '/audit/chain', staff)).statusCode, 403);
  });
});

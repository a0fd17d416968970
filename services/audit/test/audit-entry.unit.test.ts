import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUDIT_OBJECT_KINDS, EVENTS } from '@kasa/contracts';
import { auditEntryOf, type RecordableEvent } from '../src/domain/audit-entry.ts';
import { objectKindOf } from '../src/domain/object-of-event.ts';

const RECORDED = new Date('2026-08-24T09:30:00.123Z');

function event(
  type: string,
  data: Record<string, unknown>,
  overrides: Partial<RecordableEvent> = {},
): RecordableEvent {
  return {
    id: '6f1d2b8e-2f4c-4d7e-9a35-0c1b2d3e4f50',
    type,
    version: 1,
    occurredAt: '2026-08-24T09:29:59.987Z',
    aggregateId: '42',
    actor: { kind: 'staff', id: '3' },
    data,
    ...overrides,
  };
}

test("a member's new phone is recorded as the name `phone`, never the number", () => {
  const entry = auditEntryOf(
    event('member.phone_changed', { memberId: 42, phone: '+380671234567' }),
    RECORDED,
  );
  assert.deepEqual(entry.fields, ['phone']);
  assert.ok(!JSON.stringify(entry).includes('671234567'));
});

test('an event that lists its changed fields is recorded with those names', () => {
  const entry = auditEntryOf(event('member.updated', { memberId: 42, fields: ['email', 'iban'] }), RECORDED);
  assert.deepEqual(entry.fields, ['email', 'iban']);
});

test('ids are left out of the names of what changed: they name objects, kept apart', () => {
  const data = { paymentId: 9, memberId: 42, requestId: 5, kind: 'payout', amount: 150_000, currency: 'UAH' };
  const entry = auditEntryOf(event('payout.recorded', data, { aggregateId: '9' }), RECORDED);
  assert.deepEqual(entry.fields, ['kind', 'amount', 'currency']);
});

test('something that is no name in a list of names is dropped rather than kept', () => {
  const entry = auditEntryOf(
    event('member.updated', { memberId: 42, fields: ['email', '+380671234567'] }),
    RECORDED,
  );
  assert.deepEqual(entry.fields, ['email']);
});

test('an event is about its object by kind and id, and about the member its data names', () => {
  const entry = auditEntryOf(
    event('payment.confirmed', { paymentId: 9, memberId: 42 }, { aggregateId: '9' }),
    RECORDED,
  );
  assert.equal(entry.objectKind, 'payment');
  assert.equal(entry.objectId, '9');
  assert.equal(entry.memberId, 42);
  assert.equal(entry.actorKind, 'staff');
  assert.equal(entry.actorId, '3');
});

test('payouts are about the payment, a membership about its member, staff events about the staff user', () => {
  assert.equal(objectKindOf('payout.reversed'), 'payment');
  assert.equal(objectKindOf('membership.extended'), 'member');
  assert.equal(objectKindOf('auth.member_signed_up'), 'member');
  assert.equal(objectKindOf('staff.user_blocked'), 'staff_user');
});

test('a sign-in code is about its sign request, never the phone its aggregate is keyed by', () => {
  const data = {
    signRequestId: 77,
    phone: '+380671234567',
    code: '123456',
    expiresAt: '2026-08-24T09:35:00Z',
  };
  const entry = auditEntryOf(
    event('auth.sign_code_requested', data, { aggregateId: '+380671234567', actor: { kind: 'member' } }),
    RECORDED,
  );
  assert.equal(entry.objectKind, 'sign_request');
  assert.equal(entry.objectId, '77');
  assert.equal(entry.actorId, null);
  assert.deepEqual(entry.fields, ['phone', 'code', 'expiresAt']);
  const kept = JSON.stringify(entry);
  assert.ok(!kept.includes('671234567') && !kept.includes('123456'), kept);
});

test('an aggregate id that is not an id (a phone, an email) is not kept', () => {
  const entry = auditEntryOf(
    event('member.blocked', { memberId: 42 }, { aggregateId: 'olena@example.org' }),
    RECORDED,
  );
  assert.equal(entry.objectId, null);
  assert.equal(entry.memberId, 42);
});

test('every event type of Kasa has an object kind the trail knows', () => {
  for (const type of Object.keys(EVENTS)) {
    assert.ok((AUDIT_OBJECT_KINDS as readonly string[]).includes(objectKindOf(type)), type);
  }
});

test('times are kept to the millisecond, in UTC', () => {
  const entry = auditEntryOf(
    event('member.blocked', { memberId: 42 }, { occurredAt: '2026-08-24T12:29:59.987654+03:00' }),
    RECORDED,
  );
  assert.equal(entry.occurredAt.toISOString(), '2026-08-24T09:29:59.987Z');
  assert.equal(entry.recordedAt.toISOString(), '2026-08-24T09:30:00.123Z');
});

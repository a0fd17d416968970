import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  MemberSignedUp,
  MemberUpdated,
  PaymentConfirmed,
  PhoneChanged,
  SignCodeRequested,
  SYSTEM,
  staffActor,
} from '@kasa/contracts';
import { newEvent } from '@kasa/messaging';
import { eventually } from '@kasa/testing';
import { recordEvents } from '../src/application/record-event.ts';
import { verifyChain } from '../src/application/verify-chain.ts';
import { type AuditRow, type AuditUnderTest, startAudit, uniqueId } from './support/audit-under-test.ts';

let audit: AuditUnderTest;
before(async () => {
  audit = await startAudit();
});
after(() => audit?.close());

const rowOf = async (eventId: string) =>
  (
    await eventually(async () => {
      const rows = await audit.query<AuditRow>('SELECT * FROM audit_events WHERE event_id = ?', [eventId]);
      return rows.length > 0 ? rows : null;
    })
  )[0]!;

const everything = (row: AuditRow) => Object.values(row).map(String).join(' ');

test('an event committed to an outbox is recorded with its object, actor and the names of what changed', async () => {
  const memberId = uniqueId();
  const phone = `+38067${String(memberId).slice(-7).padStart(7, '0')}`;
  const changed = newEvent(
    PhoneChanged,
    { memberId, phone },
    { aggregateId: memberId, actor: staffActor(7) },
  );
  await audit.emit(changed);

  const row = await rowOf(changed.id);
  assert.equal(row.event_type, 'member.phone_changed');
  assert.equal(row.object_kind, 'member');
  assert.equal(row.object_id, String(memberId));
  assert.equal(row.member_id, memberId);
  assert.equal(row.actor_kind, 'staff');
  assert.equal(row.actor_id, '7');
  assert.deepEqual(JSON.parse(row.fields), ['phone']);
  assert.equal(row.occurred_at.toISOString(), changed.occurredAt);
  assert.ok(!everything(row).includes(phone.slice(4)), 'the number is nowhere in the row');
});

test('a sign-in code leaves neither the code nor the phone in the trail', async () => {
  const signRequestId = uniqueId();
  const phone = '+380509876543';
  const requested = newEvent(
    SignCodeRequested,
    { signRequestId, phone, code: '604213', expiresAt: new Date(Date.now() + 300_000).toISOString() },
    { aggregateId: phone, actor: { kind: 'member' } },
  );
  await audit.emit(requested);

  const row = await rowOf(requested.id);
  assert.deepEqual(
    [row.object_kind, row.object_id, row.actor_kind, row.actor_id],
    ['sign_request', String(signRequestId), 'member', null],
  );
  assert.deepEqual(JSON.parse(row.fields), ['phone', 'code', 'expiresAt']);
  assert.ok(!everything(row).includes('9876543') && !everything(row).includes('604213'));
});

test('an event delivered twice is recorded once', async () => {
  const memberId = uniqueId();
  const updated = newEvent(
    MemberUpdated,
    { memberId, fields: ['email'] },
    { aggregateId: memberId, actor: staffActor(3) },
  );
  await audit.publish(updated, updated);
  await audit.publish(updated);
  await rowOf(updated.id);
  // A later event passing through shows the copies were consumed, not merely late.
  const later = newEvent(
    MemberSignedUp,
    { memberId: uniqueId(), phone: '+380671111111' },
    { aggregateId: 1, actor: SYSTEM },
  );
  await audit.publish(later);
  await rowOf(later.id);
  await eventually(async () => {
    const [counted] = await audit.query<{ copies: number }>(
      "SELECT COUNT(*) AS copies FROM inbox WHERE consumer LIKE '%audit.trail' AND event_id = ?",
      [updated.id],
    );
    return Number(counted?.copies) === 1;
  });
  const rows = await audit.query<AuditRow>('SELECT * FROM audit_events WHERE event_id = ?', [updated.id]);
  assert.equal(rows.length, 1);
});

test('what was recorded forms a chain that verifies', async () => {
  const memberId = uniqueId();
  const events = Array.from({ length: 20 }, (_, n) =>
    newEvent(
      PaymentConfirmed,
      { paymentId: n + 1, memberId, kind: 'contribution', amount: 30_000, currency: 'UAH', source: 'liqpay' },
      { aggregateId: n + 1, actor: SYSTEM },
    ),
  );
  await audit.emit(...events);
  for (const event of events) await rowOf(event.id);

  const rows = await audit.query<AuditRow>('SELECT * FROM audit_events ORDER BY sequence');
  assert.deepEqual(
    rows.map((row) => row.sequence),
    rows.map((_, index) => index + 1),
    'positions 1, 2, 3… without gaps',
  );
  const report = await verifyChain(audit.first.service.context.database.db);
  assert.ok(report.intact, JSON.stringify(report));
  assert.equal(report.count, rows.length);
  assert.equal(report.head.hash, rows.at(-1)!.hash);
});

test('the database refuses to change or delete an event, and to move the chain head back or past the trail', async () => {
  const [row] = await audit.trailOf(1);
  await assert.rejects(
    audit.query("UPDATE audit_events SET fields = '[]' WHERE sequence = ?", [row!.sequence]),
    /append-only/,
  );
  await assert.rejects(
    audit.query('DELETE FROM audit_events WHERE sequence = ?', [row!.sequence]),
    /append-only/,
  );
  await assert.rejects(audit.query('DELETE FROM audit_events'), /append-only/);
  await assert.rejects(
    audit.query('UPDATE audit_chain_head SET last_sequence = 0'),
    /only moves forward, onto an entry of the trail/,
  );
  await assert.rejects(
    audit.query('UPDATE audit_chain_head SET last_sequence = last_sequence + 5'),
    /only moves forward, onto an entry of the trail/,
    'not past what was written',
  );
  await assert.rejects(audit.query('DELETE FROM audit_chain_head'), /cannot be deleted/);
  const [still] = await audit.query<AuditRow>('SELECT * FROM audit_events WHERE sequence = ?', [
    row!.sequence,
  ]);
  assert.deepEqual(still, row);
});

test('events that arrive together are appended together: one lock of the head, consecutive positions, one chain', async () => {
  const memberId = uniqueId();
  const events = Array.from({ length: 3 }, (_, n) =>
    newEvent(MemberUpdated, { memberId, fields: [`field${n}`] }, { aggregateId: memberId, actor: SYSTEM }),
  );
  const entries = await audit.first.service.context.database.db.transaction((tx) => recordEvents(tx, events));
  assert.deepEqual(
    entries.map(({ sequence }) => sequence - entries[0]!.sequence),
    [0, 1, 2],
  );
  assert.deepEqual(
    entries.slice(1).map(({ previousHash }) => previousHash),
    entries.slice(0, -1).map(({ hash }) => hash),
  );
  const report = await verifyChain(audit.first.service.context.database.db);
  assert.ok(report.intact, JSON.stringify(report));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AUDIT_PAGE_SIZE,
  auditRequestBody,
  chainVerdict,
  draftProblems,
  isFiltered,
  readAuditSearch,
  sameFilters,
  searchOfDraft,
} from '../src/screens/audit/audit-filter.ts';

test('the address keeps only filters the API takes; anything else is left out, not refused', () => {
  assert.deepEqual(
    readAuditSearch({
      object: 'payment',
      objectId: '42',
      actor: 'staff',
      actorId: '3',
      member: '7',
      type: ['payment.confirmed', 'payment.confirmed', ''],
      from: '2026-12-01',
      to: '2026-12-07',
      page: '2',
    }),
    {
      object: 'payment',
      objectId: '42',
      actor: 'staff',
      actorId: '3',
      member: 7,
      type: ['payment.confirmed'],
      from: '2026-12-01',
      to: '2026-12-07',
      page: 2,
    },
  );
  assert.deepEqual(
    readAuditSearch({
      object: 'planet',
      objectId: '1',
      actor: 'robot',
      member: '-3',
      from: '01.12.2026',
      page: '1',
    }),
    {},
  );
  assert.deepEqual(readAuditSearch({ object: 'member', objectId: 'no spaces' }), { object: 'member' });
  assert.deepEqual(readAuditSearch({ type: 'staff.password_changed' }), { type: ['staff.password_changed'] });
});

test('the filters become the body of POST /audit: kind or kind:id, Kyiv days, one page', () => {
  assert.deepEqual(auditRequestBody({}), { offset: 0, limit: AUDIT_PAGE_SIZE });
  assert.deepEqual(
    auditRequestBody({
      object: 'payment',
      objectId: '42',
      actor: 'system',
      member: 12,
      type: ['payment.confirmed'],
      from: '2026-12-01',
      to: '2026-12-07',
      page: 3,
    }),
    {
      object: 'payment:42',
      actor: 'system',
      member: 12,
      type: ['payment.confirmed'],
      from: '01.12.2026',
      to: '07.12.2026',
      offset: 2 * AUDIT_PAGE_SIZE,
      limit: AUDIT_PAGE_SIZE,
    },
  );
  assert.equal(auditRequestBody({ actor: 'staff', actorId: '3' }).actor, 'staff:3');
});

test('a draft is applied only once it is valid: an id needs its kind, days in order, a whole member number', () => {
  assert.deepEqual(draftProblems({}), {});
  assert.deepEqual(Object.keys(draftProblems({ objectId: '42' })), ['objectId']);
  assert.deepEqual(Object.keys(draftProblems({ actor: 'staff', actorId: 'три!' })), ['actorId']);
  assert.deepEqual(Object.keys(draftProblems({ member: 0 })), ['member']);
  assert.deepEqual(Object.keys(draftProblems({ from: '2026-12-07', to: '2026-12-01' })), ['to']);
  assert.equal(searchOfDraft({ objectId: '42' }), null);
  assert.deepEqual(searchOfDraft({ object: 'payment', objectId: ' 42 ', member: '5' }), {
    object: 'payment',
    objectId: '42',
    member: 5,
  });
});

test('filters are the same whatever page is shown; a page alone filters nothing', () => {
  assert.ok(sameFilters({ object: 'member', page: 3 }, { object: 'member' }));
  assert.ok(!sameFilters({ object: 'member' }, { object: 'payment' }));
  assert.ok(!isFiltered({ page: 4 }));
  assert.ok(isFiltered({ type: ['member.approved'] }));
});

test('the chain is intact only when every event checked hashes right and follows the one before', () => {
  const good = { hash_matches: true, follows_previous: true };
  assert.deepEqual(
    chainVerdict([
      { sequence: 2, verification: good },
      { sequence: 1, verification: good },
    ]),
    { intact: true, count: 2 },
  );
  assert.deepEqual(
    chainVerdict([
      { sequence: 9, verification: { hash_matches: true, follows_previous: false } },
      { sequence: 8, verification: good },
      { sequence: 4, verification: { hash_matches: false, follows_previous: true } },
      { sequence: 5 },
    ]),
    { intact: false, broken: [4, 5, 9] },
  );
});

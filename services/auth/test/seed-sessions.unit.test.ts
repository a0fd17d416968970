import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedSessionRefusal } from '../src/domain/seed-sessions.ts';

const account = { id: 7, blocked: false, seedSessionsEndedAt: null };
const session = { subjectKind: 'member' as const, subjectId: 7, revokedAt: null };

test('a seed token of an open account goes on, whether its session began here yet or not', () => {
  assert.equal(seedSessionRefusal(account, undefined), null);
  assert.equal(seedSessionRefusal(account, session), null);
});

test('a blocked member is refused, whatever the session', () => {
  assert.equal(seedSessionRefusal({ ...account, blocked: true }, undefined), 'blocked');
  assert.equal(seedSessionRefusal({ ...account, blocked: true }, session), 'blocked');
});

test("once a member's sessions were all ended, no seed token of theirs goes on, not even one unseen", () => {
  const ended = { ...account, seedSessionsEndedAt: new Date() };
  assert.equal(seedSessionRefusal(ended, undefined), 'sessions ended');
  assert.equal(seedSessionRefusal(ended, session), 'sessions ended');
});

test('a session signed out stays ended; one of someone else is never continued', () => {
  assert.equal(seedSessionRefusal(account, { ...session, revokedAt: new Date() }), 'signed out');
  assert.equal(seedSessionRefusal(account, { ...session, subjectId: 8 }), 'not theirs');
  assert.equal(seedSessionRefusal(account, { ...session, subjectKind: 'staff' }), 'not theirs');
});

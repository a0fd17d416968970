import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditEntry } from '../src/domain/audit-entry.ts';
import {
  appendTo,
  type ChainedEntry,
  EMPTY_CHAIN,
  GENESIS_HASH,
  hashMatches,
} from '../src/domain/chain-hash.ts';
import { ChainWalk } from '../src/domain/chain-verification.ts';

function entry(n: number): AuditEntry {
  return {
    eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    eventType: 'member.updated',
    eventVersion: 1,
    objectKind: 'member',
    objectId: String(n),
    memberId: n,
    actorKind: 'staff',
    actorId: '3',
    occurredAt: new Date(Date.UTC(2026, 7, 24, 9, 0, n)),
    recordedAt: new Date(Date.UTC(2026, 7, 24, 9, 1, n)),
    fields: ['email'],
  };
}

function chainOf(count: number): ChainedEntry[] {
  const chain: ChainedEntry[] = [];
  let head = EMPTY_CHAIN;
  for (let n = 1; n <= count; n += 1) {
    const chained = appendTo(head, entry(n));
    chain.push(chained);
    head = { sequence: chained.sequence, hash: chained.hash };
  }
  return chain;
}

function walk(chain: readonly ChainedEntry[], head = chain.at(-1) ?? EMPTY_CHAIN) {
  const walker = new ChainWalk();
  for (const one of chain) if (!walker.check(one)) break;
  return walker.finish({ sequence: head.sequence, hash: head.hash });
}

test('the first event links to the start of the chain, each next one to the one before', () => {
  const [first, second] = chainOf(2);
  assert.equal(first!.sequence, 1);
  assert.equal(first!.previousHash, GENESIS_HASH);
  assert.equal(second!.previousHash, first!.hash);
  assert.match(second!.hash, /^[0-9a-f]{64}$/);
});

test('a hash depends on every column and on the hash before it', () => {
  const [first] = chainOf(1);
  assert.ok(hashMatches(first!));
  assert.ok(!hashMatches({ ...first!, fields: ['iban'] }));
  assert.ok(!hashMatches({ ...first!, actorId: '4' }));
  assert.ok(!hashMatches({ ...first!, recordedAt: new Date(first!.recordedAt.getTime() + 1) }));
  assert.ok(!hashMatches({ ...first!, previousHash: 'f'.repeat(64) }));
});

test('an intact chain is reported with its length and head', () => {
  const chain = chainOf(5);
  const report = walk(chain);
  assert.ok(report.intact);
  assert.equal(report.count, 5);
});

test('an empty chain is intact', () => {
  assert.deepEqual(walk([]), { intact: true, count: 0, head: EMPTY_CHAIN });
});

test('an altered event breaks the chain at its own position', () => {
  const chain = chainOf(5);
  chain[2] = { ...chain[2]!, fields: ['iban'] };
  const report = walk(chain);
  assert.equal(report.intact, false);
  assert.deepEqual(!report.intact && [report.break.position, report.break.reason, report.count], [
    3,
    'altered',
    2,
  ]);
});

test('an event rewritten with a fresh hash breaks the link of the one after it', () => {
  const chain = chainOf(5);
  const forged = appendTo({ sequence: 2, hash: chain[1]!.hash }, { ...entry(3), fields: ['iban'] });
  chain[2] = forged;
  const report = walk(chain);
  assert.deepEqual(!report.intact && [report.break.position, report.break.reason], [4, 'unlinked']);
});

test('a missing event is reported at its position', () => {
  const chain = chainOf(5);
  chain.splice(1, 1);
  const report = walk(chain, { sequence: 5, hash: chain.at(-1)!.hash });
  assert.deepEqual(!report.intact && [report.break.position, report.break.reason], [2, 'missing']);
});

test('events missing at the end show as a head the walk does not reach', () => {
  const chain = chainOf(5);
  const head = chain.at(-1)!;
  const report = walk(chain.slice(0, 3), head);
  assert.deepEqual(!report.intact && [report.break.position, report.break.reason, report.count], [
    4,
    'head',
    3,
  ]);
});

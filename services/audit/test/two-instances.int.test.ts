import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MemberUpdated, RequestMessagePosted, staffActor } from '@kasa/contracts';
import { newEvent } from '@kasa/messaging';
import { verifyChain } from '../src/application/verify-chain.ts';
import { type AuditUnderTest, startAudit, uniqueId } from './support/audit-under-test.ts';

let audit: AuditUnderTest;
before(async () => {
  audit = await startAudit();
});
after(() => audit?.close());

test('of two audit instances one appends while the other stands by, and takes over when it stops: one chain, each event once', async () => {
  const second = await audit.startInstance();
  const transactions = 40;
  const perTransaction = 10;
  const batches = Array.from({ length: transactions }, (_, t) =>
    Array.from({ length: perTransaction }, (_, n) => {
      const memberId = uniqueId();
      return n % 2 === 0
        ? newEvent(
            MemberUpdated,
            { memberId, fields: ['email'] },
            { aggregateId: memberId, actor: staffActor(t + 1) },
          )
        : newEvent(
            RequestMessagePosted,
            {
              requestId: t * perTransaction + n,
              memberId,
              messageId: n + 1,
              author: 'staff',
              internal: false,
            },
            { aggregateId: t * perTransaction + n, actor: staffActor(t + 1) },
          );
    }),
  );
  const half = batches.length / 2;
  const perHalf = half * perTransaction;
  // Committed by many transactions at once, as busy services would.
  await Promise.all(batches.slice(0, half).map((events) => audit.emit(...events)));
  await audit.trailOf(perHalf);
  assert.deepEqual([audit.first.handled(), second.handled()], [perHalf, 0], 'the first applies the stream');

  await audit.first.service.stop();
  await Promise.all(batches.slice(half).map((events) => audit.emit(...events)));
  const total = transactions * perTransaction;
  const rows = await audit.trailOf(total);
  assert.equal(rows.length, total);
  assert.deepEqual(
    rows.map((row) => row.sequence),
    rows.map((_, index) => index + 1),
    'one run of positions, no gaps and no position taken twice',
  );
  const ids = new Set(rows.map((row) => row.event_id));
  assert.equal(ids.size, total, 'each event once');
  for (const event of batches.flat()) assert.ok(ids.has(event.id), event.id);
  assert.deepEqual([audit.first.handled(), second.handled()], [perHalf, perHalf], 'the second took over');

  const report = await verifyChain(second.service.context.database.db);
  assert.ok(report.intact, JSON.stringify(report));
  assert.equal(report.count, total);
});

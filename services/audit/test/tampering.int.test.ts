import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { MemberUpdated, PaymentRefunded, staffActor } from '@kasa/contracts';
import type { Database } from '@kasa/db';
import { newEvent } from '@kasa/messaging';
import { REPO_ROOT, testMysqlUrl } from '@kasa/testing';
import { recordEvent } from '../src/application/record-event.ts';
import { verifyChain } from '../src/application/verify-chain.ts';
import { entryAt } from '../src/db/chain.repository.ts';
import { appendTo } from '../src/domain/chain-hash.ts';
import { createAuditSchema } from './support/audit-under-test.ts';

const run = promisify(execFile);

type AuditSchema = Awaited<ReturnType<typeof createAuditSchema>>;
const schemas: AuditSchema[] = [];
after(async () => {
  for (const schema of schemas) await schema.drop();
});

/** A trail of `count` events, recorded as the consumer records them, in a schema of its own. */
async function trailOf(count: number): Promise<AuditSchema> {
  const schema = await createAuditSchema();
  schemas.push(schema);
  for (let n = 1; n <= count; n += 1) {
    const event =
      n % 2 === 0
        ? newEvent(
            PaymentRefunded,
            { paymentId: n, memberId: 7, amount: 10_000, currency: 'UAH' },
            { aggregateId: n, actor: staffActor(1) },
          )
        : newEvent(
            MemberUpdated,
            { memberId: 7, fields: ['email'] },
            { aggregateId: 7, actor: staffActor(1) },
          );
    await schema.database.db.transaction((tx) => recordEvent(tx, event));
  }
  return schema;
}

/** Lets the test do what the triggers refuse to anyone else, as someone with the rights to drop them would. */
async function withoutTriggers(database: Database, sql: string, values: unknown[] = []): Promise<void> {
  await database.pool.query('DROP TRIGGER audit_events_no_update');
  await database.pool.query('DROP TRIGGER audit_events_no_delete');
  await database.pool.query(sql, values);
}

function auditVerify(prefix: string) {
  return run(process.execPath, [`${REPO_ROOT}services/audit/src/audit-verify.ts`], {
    env: { ...process.env, MYSQL_URL: testMysqlUrl(), MYSQL_SCHEMA_PREFIX: prefix },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

let intact: AuditSchema;
before(async () => {
  intact = await trailOf(6);
});

test('the command walks an intact chain and says so, exiting 0', async () => {
  const { code, stdout } = await auditVerify(intact.prefix);
  assert.equal(code, 0);
  assert.match(stdout, /: 6 events, chain intact \(head 6: [0-9a-f]{64}\)/);
});

test('an event altered in place is found at its position, and the command exits 1', async () => {
  const schema = await trailOf(6);
  await withoutTriggers(schema.database, `UPDATE audit_events SET fields = '["iban"]' WHERE sequence = 3`);

  const report = await verifyChain(schema.database.db);
  assert.deepEqual(!report.intact && [report.break.position, report.break.reason, report.count], [
    3,
    'altered',
    2,
  ]);
  const { code, stderr } = await auditVerify(schema.prefix);
  assert.equal(code, 1);
  assert.match(
    stderr,
    /chain BROKEN at position 3: its content no longer matches its hash \(2 events before it verified\)/,
  );
});

test('an event rewritten with a hash of its own breaks the link of the next one', async () => {
  const schema = await trailOf(6);
  const second = (await entryAt(schema.database.db, 2))!;
  const third = (await entryAt(schema.database.db, 3))!;
  const forged = appendTo({ sequence: 2, hash: second.hash }, { ...third, actorId: '99' });
  await withoutTriggers(
    schema.database,
    'UPDATE audit_events SET actor_id = ?, hash = ? WHERE sequence = 3',
    ['99', forged.hash],
  );

  const report = await verifyChain(schema.database.db);
  assert.deepEqual(!report.intact && [report.break.position, report.break.reason], [4, 'unlinked']);
});

test('an event removed from the middle, or from the end, is found', async () => {
  const middle = await trailOf(5);
  await withoutTriggers(middle.database, 'DELETE FROM audit_events WHERE sequence = 2');
  const gap = await verifyChain(middle.database.db);
  assert.deepEqual(!gap.intact && [gap.break.position, gap.break.reason], [2, 'missing']);

  const end = await trailOf(5);
  await withoutTriggers(end.database, 'DELETE FROM audit_events WHERE sequence = 5');
  const cut = await verifyChain(end.database.db);
  assert.deepEqual(!cut.intact && [cut.break.position, cut.break.reason, cut.count], [5, 'head', 4]);
});

test('a missing audit schema is an error of its own (exit 2), not a verdict on a chain', async () => {
  const { code, stderr } = await auditVerify('t_nothing_here_');
  assert.equal(code, 2);
  assert.match(stderr, /^audit-verify: there is no audit trail in t_nothing_here_audit/);
});

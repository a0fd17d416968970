import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TOTAL_COUNT_LIMIT } from '@kasa/contracts';
import { caller } from './support/calls.ts';
import { type RequestUnderTest, startRequest } from './support/request-under-test.ts';

let kasa: RequestUnderTest;
const REQUESTS = 200_000;
before(async () => {
  kasa = await startRequest();
  // 200,000 requests of 20,000 members over about 400 days, every status (MariaDB's sequence engine).
  await kasa.query(
    `INSERT INTO requests (member_id, status, request_text, created_at, updated_at)
     SELECT 1 + seq % 20000,
            ELT(1 + seq % 4, 'opened', 'awaiting_agent', 'awaiting_client', 'closed'),
            'Ліки',
            TIMESTAMP('2025-01-01') + INTERVAL seq * 173 SECOND,
            TIMESTAMP('2025-01-01') + INTERVAL seq * 173 SECOND
     FROM seq_1_to_${REQUESTS}`,
  );
  await kasa.query('ANALYZE TABLE requests');
});
after(() => kasa.close());

const call = caller(() => kasa);

test('staff search stays fast over 200,000 requests', async () => {
  const bodies = [
    {},
    { statuses: ['awaiting_agent'] },
    { statuses: ['opened', 'awaiting_client'], offset: 1000 },
    { date_start: '2025-06-01', date_end: '2025-06-30' },
    { statuses: ['closed'], date_start: '2025-06-01', date_end: '2025-06-01' },
    { member_ids: Array.from({ length: 5000 }, (_, index) => index + 1), limit: 200 },
    { member_ids: [77], statuses: ['opened', 'closed'] },
  ];
  for (const body of bodies) {
    const answer = await call('POST', '/staff/requests/search', kasa.staffAuth(1), body);
    assert.equal(answer.statusCode, 200, answer.body);
    const page = answer.json();
    assert.ok(page.total > 0, JSON.stringify(body).slice(0, 60));
    const changed = page.data.map((request: { id: number }) => request.id);
    assert.deepEqual(
      changed,
      [...changed].sort((a: number, b: number) => b - a),
      'latest changed first',
    );
  }
  const everything = await call('POST', '/staff/requests/search', kasa.staffAuth(1), {});
  assert.equal(everything.json().total, TOTAL_COUNT_LIMIT, 'counted up to the limit');
  assert.equal(everything.json().total_exact, false);
  assert.equal(everything.json().data.length, 50);
});

test('totals below the limit are exact: from a page with room left, or counted', async () => {
  const cases = [
    // a page with room left: the total is what it holds
    { body: { member_ids: [77] }, where: 'member_id = 77' },
    // a full page of a few thousand: counted
    {
      body: { statuses: ['awaiting_agent'], date_start: '2025-06-01', date_end: '2025-06-30' },
      where:
        "status = 'awaiting_agent' AND updated_at >= '2025-05-31 21:00' AND updated_at < '2025-06-30 21:00'",
    },
    // a page past the end: nothing on it tells how many there are, so counted
    { body: { member_ids: [77], offset: 500 }, where: 'member_id = 77' },
  ];
  for (const { body, where } of cases) {
    const page = (await call('POST', '/staff/requests/search', kasa.staffAuth(1), body)).json();
    const [want] = await kasa.query<{ n: number }>(`SELECT COUNT(*) AS n FROM requests WHERE ${where}`);
    assert.equal(page.total, Number(want!.n), JSON.stringify(body));
    assert.equal(page.total_exact, true);
  }
});

test('several statuses, merged status by status, page exactly as one sorted query would', async () => {
  for (const [statuses, offset, limit] of [
    [['opened', 'awaiting_client'], 0, 50],
    [['opened', 'awaiting_agent', 'awaiting_client'], 1_234, 37],
    [['awaiting_agent', 'closed'], 9_990, 20],
  ] as const) {
    const answer = await call('POST', '/staff/requests/search', kasa.staffAuth(1), {
      statuses,
      offset,
      limit,
    });
    const want = await kasa.query<{ id: number }>(
      `SELECT id FROM requests WHERE status IN (${statuses.map(() => '?').join(', ')})
       ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`,
      [...statuses, limit, offset],
    );
    assert.deepEqual(
      answer.json().data.map(({ id }: { id: number }) => id),
      want.map(({ id }) => id),
      `${statuses.join(', ')} from ${offset}`,
    );
  }
});

test('the list reads an index, never the whole table sorted', async () => {
  const plans = [
    'SELECT * FROM requests ORDER BY updated_at DESC, id DESC LIMIT 50',
    "SELECT * FROM requests WHERE status IN ('awaiting_agent') ORDER BY updated_at DESC, id DESC LIMIT 50",
    'SELECT * FROM requests WHERE member_id IN (5, 6) ORDER BY updated_at DESC, id DESC LIMIT 50',
  ];
  for (const sql of plans) {
    const [plan] = await kasa.query<{ key: string | null; rows: number }>(`EXPLAIN ${sql}`);
    assert.ok(plan!.key, `${sql} uses an index`);
  }
});

test('concurrent changes of one request queue up on its row lock', async () => {
  const [row] = await kasa.query<{ id: number }>('SELECT MIN(id) AS id FROM requests WHERE status = ?', [
    'opened',
  ]);
  const id = row!.id;
  const answers = await Promise.all(
    Array.from({ length: 10 }, () => call('POST', `/staff/requests/${id}/close`, kasa.staffAuth(2))),
  );
  assert.deepEqual(answers.map(({ statusCode }) => statusCode).sort(), [200, ...Array(9).fill(409)]);
  assert.deepEqual(await kasa.outboxTypes(id), ['request.status_changed']);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SeedProblem, SeedRow } from '@kasa/seed-import';
import { memberProgramOfSeed } from '../src/import/import-member-programs.ts';
import { messageOfSeed } from '../src/import/import-messages.ts';
import { seedFileName } from '../src/import/import-receipts.ts';
import { requestOfSeed } from '../src/import/import-requests.ts';
import { emptyFacts, type SeedFacts } from '../src/import/seed-facts.ts';
import { importedStatusVersion, requestStatusOfAlias, textWithin } from '../src/import/seed-values.ts';

const runStart = new Date('2026-01-01T00:00:00Z');

function facts(): SeedFacts {
  const known = emptyFacts();
  for (const [id, alias] of [
    [1, 'opened'],
    [2, 'awaiting_agent'],
    [3, 'awaiting_client'],
    [4, 'closed'],
    [5, 'on_hold'],
  ] as const)
    known.statusById.set(id, { status: requestStatusOfAlias(alias), alias });
  known.memberIds.add(10);
  known.requestIds.add(200);
  known.payoutsByRequest.set(
    200,
    new Map([
      [402, 100_025],
      [405, 50_000],
    ]),
  );
  return known;
}

function convert(row: SeedRow) {
  const problems: SeedProblem[] = [];
  const request = requestOfSeed(row, facts(), runStart, (problem) => problems.push(problem));
  return { request, problems };
}

const seedRequest = (overrides: SeedRow = {}): SeedRow => ({
  id: 200,
  request_text: 'Ліки',
  member_id: 10,
  created_at: '2024-01-15 18:45:00',
  updated_at: '2024-07-20 10:00:00',
  suma: 1250.5,
  status_id: 3,
  ...overrides,
});

test('a seed request keeps its id, member and status, its sum in kopiyky and its Kyiv times in UTC', () => {
  const { request, problems } = convert(seedRequest());
  assert.deepEqual(request, {
    id: 200,
    memberId: 10,
    status: 'awaiting_client',
    statusVersion: 2,
    requestText: 'Ліки',
    diagnosis: '',
    grantedAmount: 125_050,
    paidAmount: 150_025,
    createdAt: new Date('2024-01-15T16:45:00Z'),
    updatedAt: new Date('2024-07-20T07:00:00Z'),
  });
  assert.deepEqual(problems, []);
});

test('NULL sum stays none granted, an unknown update time is the creation time', () => {
  const { request } = convert(seedRequest({ suma: null, updated_at: null, status_id: 1 }));
  assert.equal(request?.grantedAmount, null);
  assert.equal(request?.paidAmount, 150_025);
  assert.deepEqual(request?.updatedAt, request?.createdAt);
  assert.equal(request?.statusVersion, 1);
});

test('a sum that is no whole number of kopiyky is rounded and reported; a negative one is none', () => {
  const inexact = convert(seedRequest({ suma: 0.001 }));
  assert.equal(inexact.request?.grantedAmount, 0);
  assert.deepEqual(inexact.problems, [
    { kind: 'inexact_amount', table: 'requests', id: 200, column: 'suma', value: 0.001, kopiyky: 0 },
  ]);
  const negative = convert(seedRequest({ suma: -5 }));
  assert.equal(negative.request?.grantedAmount, null);
  assert.equal(negative.problems[0]?.kind, 'value_replaced');
});

test('a status Kasa does not know puts the request on staff, and says so', () => {
  for (const status_id of [5, 9, null]) {
    const { request, problems } = convert(seedRequest({ status_id }));
    assert.equal(request?.status, 'awaiting_agent');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.kind, 'value_replaced');
  }
});

test('a request of a member long gone comes over and is reported; one of no member cannot', () => {
  const gone = convert(seedRequest({ member_id: 99 }));
  assert.equal(gone.request?.memberId, 99);
  assert.deepEqual(gone.problems, [
    { kind: 'orphan', table: 'requests', id: 200, column: 'member_id', points_to: 'members', value: 99 },
  ]);
  const none = convert(seedRequest({ member_id: null }));
  assert.equal(none.request, null);
  assert.equal(none.problems[0]?.kind, 'not_imported');
});

test('a request without dates is dated by the run and reported; a NULL text is empty and reported', () => {
  const { request, problems } = convert(
    seedRequest({ created_at: null, updated_at: null, request_text: null }),
  );
  assert.deepEqual(request?.createdAt, runStart);
  assert.equal(request?.requestText, '');
  assert.deepEqual(
    problems.map(({ kind }) => kind),
    ['date_unknown', 'value_replaced'],
  );
});

test("staff's diagnosis comes over, cut to what the column holds", () => {
  const { request, problems } = convert(seedRequest({ diagnos: 'ї'.repeat(2500) }));
  assert.equal([...(request?.diagnosis ?? '')].length, 2000);
  assert.equal(problems[0]?.kind, 'value_replaced');
  assert.equal(convert(seedRequest({ diagnos: 'Перелом' })).request?.diagnosis, 'Перелом');
});

test('only an opened request can be at status version 1', () => {
  assert.equal(importedStatusVersion('opened'), 1);
  for (const status of ['awaiting_agent', 'awaiting_client', 'closed'] as const)
    assert.equal(importedStatusVersion(status), 2);
  assert.equal(requestStatusOfAlias(' Closed '), 'closed');
  assert.equal(requestStatusOfAlias('закрито'), null);
});

test("a message is the member's when member_id is set, a staff user's when user_id is", () => {
  const problems: SeedProblem[] = [];
  const undated = { at: runStart, what: 'the import’s start' };
  const row = {
    id: 300,
    request_id: 200,
    created_at: '2024-01-15 18:45:00',
    updated_at: null,
    message: 'Чек',
  };
  const byMember = messageOfSeed({ ...row, member_id: 10, user_id: null }, facts(), undated, (p) =>
    problems.push(p),
  );
  assert.deepEqual(byMember, {
    id: 300,
    requestId: 200,
    memberId: 10,
    userId: null,
    internal: false,
    message: 'Чек',
    createdAt: new Date('2024-01-15T16:45:00Z'),
  });
  const byStaff = messageOfSeed({ ...row, member_id: 0, user_id: 2 }, facts(), undated, (p) =>
    problems.push(p),
  );
  assert.equal(byStaff?.memberId, null);
  assert.equal(byStaff?.userId, 2);
  assert.deepEqual(problems, []);
  const reported: SeedProblem[] = [];
  const lost = messageOfSeed({ ...row, request_id: 777, member_id: 10 }, facts(), undated, (p) =>
    reported.push(p),
  );
  assert.equal(lost?.requestId, 777);
  assert.equal(reported[0]?.kind, 'orphan');
});

test("a member's current program is the active row, dated by its last change", () => {
  const row = {
    member_id: 10,
    program_id: 1,
    created_at: '2023-03-05 12:00:00',
    updated_at: '2023-03-06 09:00:00',
  };
  assert.deepEqual(memberProgramOfSeed({ ...row, is_active: 1, is_new: 0 }, runStart), {
    memberId: 10,
    programId: 1,
    approvedAt: new Date('2023-03-06T07:00:00Z'),
  });
  assert.equal(memberProgramOfSeed({ ...row, is_active: 0, is_new: 1 }, runStart), null);
});

test("a seed file's name is the last part of what the seed stored", () => {
  assert.equal(seedFileName('1709640500_receipt.jpg'), '1709640500_receipt.jpg');
  assert.equal(
    seedFileName('https://old.fund.example/files/10/1709640500_%D1%87%D0%B5%D0%BA.jpg'),
    '1709640500_чек.jpg',
  );
  assert.equal(seedFileName('../../etc/passwd'), 'passwd');
  assert.equal(seedFileName('1709640500_чек #2 (100%).jpg'), '1709640500_чек #2 (100%).jpg');
  assert.equal(seedFileName(null), '');
});

test('a text too long for its column is cut on a character, never inside one', () => {
  assert.deepEqual(textWithin('абв', 6), { text: 'абв', cut: false });
  assert.deepEqual(textWithin('абв', 5), { text: 'аб', cut: true });
  assert.deepEqual(textWithin('a😀b', 4), { text: 'a', cut: true });
});

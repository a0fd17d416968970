import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calendarDay, kyivDayStart } from '@kasa/contracts';
import { MIN_PROGRAM_HISTORY, unusualAmount, usualBasis } from '../src/domain/request-flags.ts';
import {
  nextStatus,
  REQUEST_STATUSES,
  type RequestAction,
  type RequestStatus,
} from '../src/domain/request-status.ts';

const OPEN: RequestStatus[] = ['opened', 'awaiting_agent', 'awaiting_client'];

function outcome(from: RequestStatus, action: RequestAction): string {
  const transition = nextStatus(from, action);
  return transition.ok ? transition.to : `409 ${transition.message}`;
}

test('a member message puts any open request on staff, and is refused on a closed one', () => {
  for (const from of OPEN) assert.equal(outcome(from, { kind: 'member_message' }), 'awaiting_agent');
  assert.equal(outcome('closed', { kind: 'member_message' }), '409 This request is closed');
});

test('a staff message puts any open request on the member, and is refused on a closed one', () => {
  for (const from of OPEN) {
    assert.equal(outcome(from, { kind: 'staff_message', internal: false }), 'awaiting_client');
  }
  assert.equal(outcome('closed', { kind: 'staff_message', internal: false }), '409 This request is closed');
});

test('an internal note changes no status and is allowed on every status', () => {
  for (const from of REQUEST_STATUSES) {
    assert.equal(outcome(from, { kind: 'staff_message', internal: true }), from);
  }
});

test('files from the member: a request waiting on them goes back to staff; closed refuses', () => {
  assert.equal(outcome('opened', { kind: 'member_files' }), 'opened');
  assert.equal(outcome('awaiting_agent', { kind: 'member_files' }), 'awaiting_agent');
  assert.equal(outcome('awaiting_client', { kind: 'member_files' }), 'awaiting_agent');
  assert.equal(outcome('closed', { kind: 'member_files' }), '409 This request is closed');
});

test('close and reopen', () => {
  for (const from of OPEN) {
    assert.equal(outcome(from, { kind: 'close' }), 'closed');
    assert.equal(outcome(from, { kind: 'reopen' }), '409 This request is not closed');
  }
  assert.equal(outcome('closed', { kind: 'close' }), '409 This request is already closed');
  assert.equal(outcome('closed', { kind: 'reopen' }), 'awaiting_agent');
});

test('an assessment keeps the status, and needs an open request', () => {
  for (const from of OPEN) assert.equal(outcome(from, { kind: 'assess' }), from);
  assert.equal(outcome('closed', { kind: 'assess' }), '409 Reopen the request to change it');
});

test('refusals carry a code for clients', () => {
  const refused = nextStatus('closed', { kind: 'close' });
  assert.equal(refused.ok, false);
  assert.equal(!refused.ok && refused.code, 'request_already_closed');
});

test('Kyiv days start at local midnight, across both clock changes', () => {
  assert.equal(kyivDayStart('2026-01-15').toISOString(), '2026-01-14T22:00:00.000Z');
  assert.equal(kyivDayStart('2026-07-15').toISOString(), '2026-07-14T21:00:00.000Z');
  // Clocks go forward on 29 March 2026 at 03:00: that day still starts at 00:00 EET.
  assert.equal(kyivDayStart('2026-03-29').toISOString(), '2026-03-28T22:00:00.000Z');
  assert.equal(kyivDayStart('2026-03-29', 1).toISOString(), '2026-03-29T21:00:00.000Z');
  // And back on 25 October 2026.
  assert.equal(kyivDayStart('2026-10-25').toISOString(), '2026-10-24T21:00:00.000Z');
  assert.equal(kyivDayStart('2026-10-25', 1).toISOString(), '2026-10-25T22:00:00.000Z');
  assert.equal(kyivDayStart('2026-12-31', 1).toISOString(), '2026-12-31T22:00:00.000Z');
});

test('only real calendar days are days', () => {
  assert.deepEqual(calendarDay('2028-02-29'), { year: 2028, month: 2, day: 29 });
  for (const text of ['2026-02-29', '2026-13-01', '2026-3-1', '01.03.2026', '']) {
    assert.equal(calendarDay(text), null, text);
  }
});

test('an amount above the usual most is flagged, with a note', () => {
  const fund = usualBasis(null, 2_000_000);
  assert.equal(unusualAmount(null, fund), null);
  assert.equal(unusualAmount(2_000_000, fund), null);
  assert.deepEqual(unusualAmount(2_500_050, fund), {
    granted: 2_500_050,
    usual_max: 2_000_000,
    note: 'The granted 25000.50 UAH is above the usual most of 20000.00 UAH',
  });
});

test("what is usual comes from the member's program once it has history enough", () => {
  assert.deepEqual(usualBasis({ amount: 300_000, count: MIN_PROGRAM_HISTORY - 1 }, 2_000_000), {
    kind: 'fund',
    max: 2_000_000,
  });
  const program = usualBasis({ amount: 300_000, count: 40 }, 2_000_000);
  assert.deepEqual(program, { kind: 'program', max: 300_000, count: 40 });
  assert.deepEqual(unusualAmount(450_000, program), {
    granted: 450_000,
    usual_max: 300_000,
    note: "The granted 4500.00 UAH is above what is usual on the member's program: 95% of the 40 amounts granted on it are at most 3000.00 UAH",
  });
});

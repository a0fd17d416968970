import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkPayout,
  FULL_PAYOUT_TYPE,
  hryvniasText,
  leftToPay,
  memberName,
  PARTIAL_PAYOUT_TYPE,
  paidOut,
  receiptKind,
  requestListBody,
  statusesOfSearch,
} from '../src/screens/requests/requests-logic.ts';

const filters = { query: '', statuses: [], changedFrom: '', changedTo: '', page: 1 } as const;

test('the list asks for one page of the chosen statuses, in the API’s order, with the trimmed words', () => {
  assert.deepEqual(
    requestListBody({ ...filters, query: '  Коваль ', statuses: ['closed', 'opened'], page: 3 }),
    {
      query: 'Коваль',
      status: ['opened', 'closed'],
      date_start: null,
      date_end: null,
      limit: 50,
      offset: 100,
    },
  );
});

test('no status chosen lists every status, and days pass as the date inputs give them', () => {
  const body = requestListBody({ ...filters, changedFrom: '2026-12-01', changedTo: '2026-12-07' });
  assert.deepEqual(body.status, ['opened', 'awaiting_agent', 'awaiting_client', 'closed']);
  assert.equal(body.query, null);
  assert.equal(body.date_start, '2026-12-01');
  assert.equal(body.date_end, '2026-12-07');
  assert.equal(body.offset, 0);
});

test('the address’s statuses are read leniently; none known means the open ones', () => {
  assert.deepEqual(statusesOfSearch(['closed', 'nonsense']), ['closed']);
  assert.deepEqual(statusesOfSearch('awaiting_client,opened'), ['opened', 'awaiting_client']);
  assert.deepEqual(statusesOfSearch(undefined), ['opened', 'awaiting_agent', 'awaiting_client']);
});

test('what is left to pay is the grant less the payouts, in kopiyky, never below zero', () => {
  assert.equal(leftToPay(1500.5, 50_000), 100_050);
  assert.equal(leftToPay('300.0', 0), 30_000);
  assert.equal(leftToPay(0.3, 10), 20);
  assert.equal(leftToPay(100, 12_000), 0);
  assert.equal(leftToPay(null, 0), 0);
});

test('paid out is what the payment service counts: confirmed payouts, reversals negative', () => {
  assert.equal(
    paidOut([
      { amount: 500, state: 'confirmed' },
      { amount: 0.1, state: 'confirmed' },
      { amount: 200, state: 'confirmed' },
      { amount: -200, state: 'confirmed' },
      { amount: 300, state: 'failed' },
    ]),
    50_010,
  );
  assert.equal(paidOut([]), 0);
});

test('the whole rest is a full payout, less is a partial one, more is refused', () => {
  assert.deepEqual(checkPayout('1000.50', 100_050, true), { ok: true, type: FULL_PAYOUT_TYPE });
  assert.deepEqual(checkPayout('400.00', 100_050, true), { ok: true, type: PARTIAL_PAYOUT_TYPE });
  assert.deepEqual(checkPayout('1000.51', 100_050, true), { ok: false, reason: 'over_left' });
  assert.deepEqual(checkPayout(null, 100_050, true), { ok: false, reason: 'not_an_amount' });
  assert.deepEqual(checkPayout('0.00', 100_050, true), { ok: false, reason: 'not_an_amount' });
  assert.deepEqual(checkPayout('10.00', 0, true), { ok: false, reason: 'nothing_left' });
  assert.deepEqual(checkPayout('10.00', 0, false), { ok: false, reason: 'not_granted' });
});

test('kopiyky go to the API as decimal hryvnias', () => {
  assert.equal(hryvniasText(100_050), '1000.50');
  assert.equal(hryvniasText(7), '0.07');
});

test('a member is named last name first, or by phone when they gave no name', () => {
  const member = { first_name: 'Олена', middle_name: null, last_name: 'Коваль', phone: '+380671240001' };
  assert.equal(memberName(member), 'Коваль Олена');
  assert.equal(memberName({ ...member, first_name: null, last_name: ' ' }), '+380671240001');
});

test('images and PDFs are shown inline, anything else only downloaded', () => {
  assert.equal(receiptKind('image/jpeg'), 'image');
  assert.equal(receiptKind('application/pdf'), 'pdf');
  assert.equal(receiptKind('image/heic'), 'other');
});

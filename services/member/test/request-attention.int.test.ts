import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { memberActor, RequestOpened, RequestStatusChanged } from '@kasa/contracts';
import { newEvent } from '@kasa/messaging';
import { eventually } from '@kasa/testing';
import { type MemberUnderTest, startMember } from './support/member-under-test.ts';

/**
 * The staff attention list's "new request" follows the request service's events: true while
 * one of the member's requests waits for staff, whatever order the changes arrive in.
 */
let member: MemberUnderTest;
before(async () => {
  member = await startMember();
});
after(() => member?.close());

type Status = 'opened' | 'awaiting_agent' | 'awaiting_client' | 'closed';

const opened = (memberId: number, requestId: number) =>
  newEvent(
    RequestOpened,
    { requestId, memberId, fileCount: 1 },
    { aggregateId: requestId, actor: memberActor(memberId) },
  );
const changed = (memberId: number, requestId: number, from: Status, to: Status, version: number) =>
  newEvent(
    RequestStatusChanged,
    { requestId, memberId, from, to, version },
    { aggregateId: requestId, actor: memberActor(memberId) },
  );

async function flagSettles(memberId: number, want: boolean) {
  await eventually(
    async () => {
      const [row] = await member.query<{ has_new_request: number }>(
        'SELECT has_new_request FROM members WHERE id = ?',
        [memberId],
      );
      return row && Boolean(row.has_new_request) === want ? true : null;
    },
    { message: `has_new_request ${want} for member ${memberId}` },
  );
}

/** Every event applied (the inbox has them all): the flag is final. */
async function applied(count: number) {
  await eventually(async () => {
    const [row] = await member.query<{ n: number }>('SELECT COUNT(*) AS n FROM inbox');
    return Number(row!.n) >= count ? true : null;
  });
}

test('a new request puts the member on the list; a staff answer or closing takes them off', async () => {
  await member.signUp(301, '+380671000301');
  let inbox = Number((await member.query<{ n: number }>('SELECT COUNT(*) AS n FROM inbox'))[0]!.n);
  await member.publish(opened(301, 9001));
  await flagSettles(301, true);
  await member.publish(changed(301, 9001, 'opened', 'awaiting_client', 2));
  await flagSettles(301, false);
  await member.publish(changed(301, 9001, 'awaiting_client', 'awaiting_agent', 3));
  await flagSettles(301, true);
  const attention = await member.query<{ id: number }>(
    'SELECT id FROM members WHERE has_new_request ORDER BY updated_at DESC',
  );
  assert.equal(attention[0]?.id, 301, 'moved to the top of the list');

  // Two requests: the flag stays while either waits.
  await member.publish(opened(301, 9002));
  await member.publish(changed(301, 9001, 'awaiting_agent', 'closed', 4));
  inbox += 5;
  await applied(inbox);
  await flagSettles(301, true);
  await member.publish(changed(301, 9002, 'opened', 'closed', 2));
  await flagSettles(301, false);
});

test('changes that arrive out of order never undo a newer one; a repeat changes nothing', async () => {
  await member.signUp(302, '+380671000302');
  const before = Number((await member.query<{ n: number }>('SELECT COUNT(*) AS n FROM inbox'))[0]!.n);
  const closing = changed(302, 9101, 'awaiting_agent', 'closed', 3);
  await member.publish(closing);
  await member.publish(changed(302, 9101, 'opened', 'awaiting_agent', 2));
  await member.publish(opened(302, 9101));
  await member.publish(closing);
  await applied(before + 3);
  await flagSettles(302, false);
  const [state] = await member.query<{ version: number; waiting_for_staff: number }>(
    'SELECT version, waiting_for_staff FROM member_requests WHERE request_id = 9101',
  );
  assert.deepEqual({ ...state }, { version: 3, waiting_for_staff: 0 });
});

test("a request's events that come before the member's sign-up still count", async () => {
  await member.publish(opened(303, 9201));
  await eventually(async () =>
    (await member.query('SELECT 1 FROM member_requests WHERE request_id = 9201')).length > 0 ? true : null,
  );
  await member.signUp(303, '+380671000303');
  await flagSettles(303, true);
});

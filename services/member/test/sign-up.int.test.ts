import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MemberSignedUp } from '@kasa/contracts';
import { newEvent } from '@kasa/messaging';
import { eventually } from '@kasa/testing';
import { type MemberUnderTest, startMember } from './support/member-under-test.ts';

let member: MemberUnderTest;
before(async () => {
  member = await startMember();
});
after(() => member.close());

const profileOf = async (id: number) =>
  (
    await member.query<{ id: number; phone: string; is_submitted: number }>(
      'SELECT * FROM members WHERE id = ?',
      [id],
    )
  )[0];

test('a first sign-in opens an empty, unapproved profile under the account id', async () => {
  await member.publish(
    newEvent(
      MemberSignedUp,
      { memberId: 41, phone: '+380671110041' },
      { aggregateId: 41, actor: { kind: 'member', id: '41' } },
    ),
  );
  const profile = await eventually(() => profileOf(41), { message: 'the profile' });
  assert.equal(profile.phone, '+380671110041');
  assert.equal(profile.is_submitted, 0);
});

test('the same sign-up delivered twice opens one profile', async () => {
  const event = newEvent(
    MemberSignedUp,
    { memberId: 42, phone: '+380671110042' },
    { aggregateId: 42, actor: { kind: 'member', id: '42' } },
  );
  await member.publish(event);
  await member.publish(event);
  await eventually(() => profileOf(42), { message: 'the profile' });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const rows = await member.query<{ n: number }>('SELECT COUNT(*) AS n FROM members WHERE id = 42');
  assert.equal(Number(rows[0]!.n), 1);
});

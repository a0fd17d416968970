import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addCalendarDays, kyivDateOf, MembershipReminderDue, SYSTEM } from '@kasa/contracts';
import { newEvent } from '@kasa/messaging';
import { eventually } from '@kasa/testing';
import { remindLapsingMemberships } from '../src/reminders/remind-lapsing-memberships.ts';
import { memberEvents } from './support/member-events.ts';
import { textingNotification, uniquePhone, wasConsumed } from './support/notification-bus.ts';

const texting = textingNotification();
const { textsTo } = texting;

const today = kyivDateOf(new Date());
const runJob = () =>
  remindLapsingMemberships({
    database: texting.bus.database,
    unitOfWork: texting.running.messaging.unitOfWork,
    daysBefore: 5,
  });
const reminderRows = async (memberId: number) => {
  const [rows] = await texting.bus.database.pool.query(
    'SELECT DATE_FORMAT(paid_until, "%Y-%m-%d") AS paid_until FROM membership_reminders WHERE member_id = ?',
    [memberId],
  );
  return (rows as { paid_until: string }[]).map((row) => row.paid_until).sort();
};

/** A member with a number, paid until `paidUntil`, as the service learns it from the bus. */
async function memberPaidUntil(paidUntil: string, { blocked = false } = {}) {
  const phone = uniquePhone();
  const member = memberEvents();
  const events = [
    member.signedUp(phone),
    member.extended(paidUntil, 0),
    ...(blocked ? [member.blocked()] : []),
  ];
  await texting.running.publish(...events);
  await eventually(async () => {
    for (const event of events) if (!(await wasConsumed(texting.bus.database, event))) return false;
    return true;
  });
  return { phone, member };
}

test('the reminder job run twice at once, and again, sends one SMS for a membership about to lapse', async () => {
  const paidUntil = addCalendarDays(today, 3);
  const { phone, member } = await memberPaidUntil(paidUntil);

  await Promise.all([runJob(), runJob()]);
  await runJob();

  const expected = `Членство в Kasa сплачено до ${paidUntil.split('-').reverse().join('.')}. Поповніть внесок.`;
  await eventually(async () => textsTo(phone).length > 0);
  await new Promise((resolve) => setTimeout(resolve, 300)); // a second text would have come by now
  assert.deepEqual(textsTo(phone), [expected]);
  assert.deepEqual(await reminderRows(member.memberId), [paidUntil]);
});

test('a new paid-until day is a new period, reminded of once more', async () => {
  const first = addCalendarDays(today, 1);
  const { phone, member } = await memberPaidUntil(first);
  await runJob();
  await eventually(async () => textsTo(phone).length === 1);

  const extended = member.extended(addCalendarDays(today, 4));
  await texting.running.publish(extended);
  await eventually(async () => wasConsumed(texting.bus.database, extended));
  await runJob();
  await runJob();
  // One thank-you for the contribution, and one reminder for each period.
  await eventually(async () => textsTo(phone).length === 3);
  assert.deepEqual(await reminderRows(member.memberId), [first, addCalendarDays(today, 4)].sort());
});

test('blocked, lapsed and far-off memberships are not reminded of', async () => {
  const blocked = await memberPaidUntil(addCalendarDays(today, 2), { blocked: true });
  const lapsed = await memberPaidUntil(addCalendarDays(today, -1));
  const farOff = await memberPaidUntil(addCalendarDays(today, 6));
  await runJob();
  for (const { member } of [blocked, lapsed, farOff])
    assert.deepEqual(await reminderRows(member.memberId), []);
});

test('a reminder due for a day the member has since paid past is not texted', async () => {
  const { phone, member } = await memberPaidUntil(addCalendarDays(today, 40));
  const stale = newEvent(
    MembershipReminderDue,
    { memberId: member.memberId, paidUntil: addCalendarDays(today, 2), daysLeft: 2 },
    { aggregateId: member.memberId, actor: SYSTEM },
  );
  await texting.running.publish(stale);
  await eventually(async () => wasConsumed(texting.bus.database, stale));
  assert.deepEqual(textsTo(phone), []);
});

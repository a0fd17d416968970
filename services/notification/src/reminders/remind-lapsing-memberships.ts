import {
  addCalendarDays,
  calendarDaysBetween,
  kyivDateOf,
  MembershipReminderDue,
  SYSTEM,
} from '@kasa/contracts';
import type { Database } from '@kasa/db';
import { newEvent, type UnitOfWork } from '@kasa/messaging';
import { claimReminder, findUnremindedLapsing } from '../db/member-contacts.repository.ts';

export interface RemindLapsingDeps {
  database: Database;
  unitOfWork: UnitOfWork;
  /** Remind this many days (Kyiv calendar) before the last paid day, or later if missed. */
  daysBefore: number;
}

const PAGE = 200;

/**
 * The reminder job: every membership whose last paid day is between today and `daysBefore`
 * days ahead (in Kyiv) gets one `membership.reminder_due`, written with the claim on its
 * period in one transaction. Several instances may run it at once: the claim's primary key
 * lets one of them through, the other's insert is ignored. A period missed while the service
 * was down is still reminded of, as long as the membership has not lapsed.
 */
export async function remindLapsingMemberships({
  database,
  unitOfWork,
  daysBefore,
}: RemindLapsingDeps): Promise<void> {
  const today = kyivDateOf(new Date());
  const last = addCalendarDays(today, daysBefore);
  for (;;) {
    const due = await findUnremindedLapsing(database.db, today, last, PAGE);
    await unitOfWork.run(async ({ tx, emit }) => {
      for (const membership of due) {
        if (!(await claimReminder(tx, membership))) continue;
        const daysLeft = calendarDaysBetween(today, membership.paidUntil);
        await emit(
          newEvent(
            MembershipReminderDue,
            { memberId: membership.memberId, paidUntil: membership.paidUntil, daysLeft },
            { aggregateId: membership.memberId, actor: SYSTEM },
          ),
        );
      }
    });
    if (due.length < PAGE) return;
  }
}

import { MemberApproved } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import { recordMemberProgram } from '../db/member-programs.repository.ts';

/** Which program each member is on, from the member service's approvals. */
export function memberHandlers(consumers: Consumers): void {
  consumers.handle(MemberApproved, async (event, { tx }) => {
    if (event.data.programId === null) return;
    await recordMemberProgram(tx, event.data.memberId, event.data.programId, new Date(event.occurredAt));
  });
}

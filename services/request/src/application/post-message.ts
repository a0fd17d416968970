import { memberActor, RequestMessagePosted, staffActor } from '@kasa/contracts';
import { newEvent, type UnitOfWork } from '@kasa/messaging';
import { addRequestMessage } from '../db/request-messages.repository.ts';
import { nextStatus } from '../domain/request-status.ts';
import { allowed, anyRequest, changeRequest, membersRequest } from './request-access.ts';

/** The member writes to staff: the request now waits on staff. */
export async function postMemberMessage(
  deps: { unitOfWork: UnitOfWork },
  memberId: number,
  requestId: number,
  message: string,
): Promise<void> {
  await deps.unitOfWork.run(async ({ tx, emit }) => {
    const request = await membersRequest(tx, memberId, requestId, true);
    const status = allowed(nextStatus(request.status, { kind: 'member_message' }));
    const now = new Date();
    const actor = memberActor(memberId);
    const messageId = await addRequestMessage(tx, { requestId, memberId, message }, now);
    await emit(
      newEvent(
        RequestMessagePosted,
        { requestId, memberId, messageId, author: 'member', internal: false },
        { aggregateId: requestId, actor },
      ),
    );
    await changeRequest(tx, emit, request, { status }, actor, now);
  });
}

/**
 * Staff write to the member (the request now waits on them), or leave an internal note: for
 * staff alone, on any request, changing neither its status nor what the member sees of it.
 */
export async function postStaffMessage(
  deps: { unitOfWork: UnitOfWork },
  staffId: number,
  requestId: number,
  message: string,
  internal: boolean,
): Promise<void> {
  await deps.unitOfWork.run(async ({ tx, emit }) => {
    const request = await anyRequest(tx, requestId, true);
    const status = allowed(nextStatus(request.status, { kind: 'staff_message', internal }));
    const now = new Date();
    const actor = staffActor(staffId);
    const messageId = await addRequestMessage(tx, { requestId, userId: staffId, internal, message }, now);
    await emit(
      newEvent(
        RequestMessagePosted,
        { requestId, memberId: request.memberId, messageId, author: 'staff', internal },
        { aggregateId: requestId, actor },
      ),
    );
    if (!internal) await changeRequest(tx, emit, request, { status }, actor, now);
  });
}

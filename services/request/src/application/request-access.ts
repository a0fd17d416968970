import { type Actor, RequestStatusChanged } from '@kasa/contracts';
import type { Executor } from '@kasa/db';
import { conflict, notFound } from '@kasa/http';
import { type AnyEvent, newEvent } from '@kasa/messaging';
import { findRequest, type RequestPatch, type RequestRow, updateRequest } from '../db/requests.repository.ts';
import type { RequestStatus, Transition } from '../domain/request-status.ts';

/** Another member's request and one that does not exist get the same answer. */
export const requestNotFound = () => notFound('Request not found', 'request_not_found');

/** The request if it is this member's; `forUpdate` locks it until the transaction ends. */
export async function membersRequest(
  tx: Executor,
  memberId: number,
  requestId: number,
  forUpdate = false,
): Promise<RequestRow> {
  const request = await findRequest(tx, requestId, forUpdate);
  if (!request || request.memberId !== memberId) throw requestNotFound();
  return request;
}

/** Any request, for staff; `forUpdate` locks it until the transaction ends. */
export async function anyRequest(tx: Executor, requestId: number, forUpdate = false): Promise<RequestRow> {
  const request = await findRequest(tx, requestId, forUpdate);
  if (!request) throw requestNotFound();
  return request;
}

/** The status a transition leads to; a refused one is a 409 with the rule's message. */
export function allowed(transition: Transition): RequestStatus {
  if (!transition.ok) throw conflict(transition.message, transition.code);
  return transition.to;
}

/**
 * Writes a request's change (its `updated_at` moved to `now`) and, when
 * the status changes, its next status version and the `request.status_changed` event, all in
 * the caller's transaction.
 */
export async function changeRequest(
  tx: Executor,
  emit: (...events: AnyEvent[]) => Promise<void>,
  request: RequestRow,
  patch: RequestPatch,
  actor: Actor,
  now: Date,
): Promise<void> {
  const statusChanges = patch.status !== undefined && patch.status !== request.status;
  const version = request.statusVersion + 1;
  await updateRequest(tx, request.id, statusChanges ? { ...patch, statusVersion: version } : patch, now);
  if (statusChanges) {
    await emit(
      newEvent(
        RequestStatusChanged,
        {
          requestId: request.id,
          memberId: request.memberId,
          from: request.status,
          to: patch.status!,
          version,
        },
        { aggregateId: request.id, actor },
      ),
    );
  }
}

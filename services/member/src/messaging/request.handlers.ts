import { RequestOpened, RequestStatusChanged } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import {
  lockMemberRequests,
  recordRequestState,
  refreshNewRequestFlag,
} from '../db/member-requests.repository.ts';
import { waitsForStaff } from '../domain/member-review.ts';

/**
 * The member's "has a new request" flag follows their requests: true while one waits for
 * staff. Changes apply by the request's status version, whatever order they arrive in.
 */
export function requestHandlers(consumers: Consumers): void {
  consumers.handle(RequestOpened, async ({ data }, { tx }) => {
    await lockMemberRequests(tx, data.memberId);
    await recordRequestState(tx, {
      requestId: data.requestId,
      memberId: data.memberId,
      waitingForStaff: waitsForStaff('opened'),
      version: 1,
    });
    await refreshNewRequestFlag(tx, data.memberId, new Date());
  });
  consumers.handle(RequestStatusChanged, async ({ data }, { tx }) => {
    await lockMemberRequests(tx, data.memberId);
    await recordRequestState(tx, {
      requestId: data.requestId,
      memberId: data.memberId,
      waitingForStaff: waitsForStaff(data.to),
      version: data.version,
    });
    await refreshNewRequestFlag(tx, data.memberId, new Date());
  });
}

import type { AidRequest, AidRequestDetail } from '@kasa/contracts';
import type { Database, Executor } from '@kasa/db';
import type { Static } from 'typebox';
import { filesOfRequests } from '../db/request-files.repository.ts';
import { messagesOf } from '../db/request-messages.repository.ts';
import { memberRequests, type RequestRow } from '../db/requests.repository.ts';
import type { RequestStatus } from '../domain/request-status.ts';
import { aidRequestDetailView, aidRequestView } from '../http/request.view.ts';
import { membersRequest } from './request-access.ts';

/** The member's requests of the given statuses (all when none), newest first, each with its files. */
export async function listMemberRequests(
  deps: { database: Pick<Database, 'db'> },
  memberId: number,
  statuses: readonly RequestStatus[],
): Promise<Static<typeof AidRequest>[]> {
  const { db } = deps.database;
  const rows = await memberRequests(db, memberId, statuses);
  const files = await filesOfRequests(
    db,
    rows.map(({ id }) => id),
  );
  return rows.map((row) => aidRequestView(row, files.get(row.id) ?? []));
}

/** One of the member's requests with its conversation, staff's internal notes left out. */
export async function memberRequestDetail(
  deps: { database: Pick<Database, 'db'> },
  memberId: number,
  requestId: number,
): Promise<Static<typeof AidRequestDetail>> {
  const { db } = deps.database;
  return detailOf(db, await membersRequest(db, memberId, requestId), false);
}

/** A request with its files and conversation (internal notes only for staff). */
export async function detailOf(
  tx: Executor,
  request: RequestRow,
  withInternal: boolean,
): Promise<Static<typeof AidRequestDetail>> {
  const [files, messages] = await Promise.all([
    filesOfRequests(tx, [request.id]),
    messagesOf(tx, request.id, withInternal),
  ]);
  return aidRequestDetailView(request, files.get(request.id) ?? [], messages);
}

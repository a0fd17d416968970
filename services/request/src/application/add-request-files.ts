import { type AidRequestDetail, memberActor, RequestFilesAdded } from '@kasa/contracts';
import type { Database } from '@kasa/db';
import type { StoredFile } from '@kasa/files';
import { newEvent, type UnitOfWork } from '@kasa/messaging';
import type { Static } from 'typebox';
import { recordRequestFiles } from '../db/request-files.repository.ts';
import { nextStatus } from '../domain/request-status.ts';
import { memberRequestDetail } from './member-requests.ts';
import { allowed, changeRequest, membersRequest } from './request-access.ts';

/**
 * The member attaches more receipts; a request waiting on them goes back to staff. With none
 * the request is answered as it is (the seed's update did so).
 */
export async function addRequestFiles(
  deps: { unitOfWork: UnitOfWork; database: Pick<Database, 'db'> },
  memberId: number,
  requestId: number,
  files: readonly StoredFile[],
): Promise<Static<typeof AidRequestDetail>> {
  if (files.length === 0) return memberRequestDetail(deps, memberId, requestId);
  await deps.unitOfWork.run(async ({ tx, emit }) => {
    const request = await membersRequest(tx, memberId, requestId, true);
    const status = allowed(nextStatus(request.status, { kind: 'member_files' }));
    const now = new Date();
    const actor = memberActor(memberId);
    await recordRequestFiles(tx, requestId, memberId, files, now);
    await emit(
      newEvent(
        RequestFilesAdded,
        { requestId, memberId, fileCount: files.length },
        { aggregateId: requestId, actor },
      ),
    );
    await changeRequest(tx, emit, request, { status }, actor, now);
  });
  return memberRequestDetail(deps, memberId, requestId);
}

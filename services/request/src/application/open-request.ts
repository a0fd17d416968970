import { type AidRequestDetail, memberActor, RequestOpened } from '@kasa/contracts';
import type { StoredFile } from '@kasa/files';
import { newEvent, type UnitOfWork } from '@kasa/messaging';
import type { Static } from 'typebox';
import { filesOfRequests, recordRequestFiles } from '../db/request-files.repository.ts';
import { insertRequest } from '../db/requests.repository.ts';
import { aidRequestDetailView } from '../http/request.view.ts';

/**
 * The member asks for aid: what they need, with receipts (or none yet). The request is `opened`,
 * and the answer is what was written, with no conversation yet.
 */
export async function openRequest(
  deps: { unitOfWork: UnitOfWork },
  memberId: number,
  comment: string,
  files: readonly StoredFile[],
): Promise<Static<typeof AidRequestDetail>> {
  return deps.unitOfWork.run(async ({ tx, emit }) => {
    const request = await insertRequest(tx, memberId, comment, new Date());
    await recordRequestFiles(tx, request.id, memberId, files, request.createdAt);
    await emit(
      newEvent(
        RequestOpened,
        { requestId: request.id, memberId, fileCount: files.length },
        { aggregateId: request.id, actor: memberActor(memberId) },
      ),
    );
    // The files' ids are the database's: read back, in this transaction.
    const written = await filesOfRequests(tx, [request.id]);
    return aidRequestDetailView(request, written.get(request.id) ?? [], []);
  });
}

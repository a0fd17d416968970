import { type AidRequestDetail, memberActor, RequestOpened } from '@kasa/contracts';
import type { StoredFile } from '@kasa/files';
import { newEvent } from '@kasa/messaging';
import type { Static } from 'typebox';
import { recordRequestFiles } from '../db/request-files.repository.ts';
import { insertRequest } from '../db/requests.repository.ts';
import { memberRequestDetail } from './member-requests.ts';
import type { RequestDeps } from './request-deps.ts';

/** The member asks for aid: what they need, with receipts (or none yet). The request is `opened`. */
export async function openRequest(
  deps: RequestDeps,
  memberId: number,
  comment: string,
  files: readonly StoredFile[],
): Promise<Static<typeof AidRequestDetail>> {
  const requestId = await deps.context.messaging.unitOfWork.run(async ({ tx, emit }) => {
    const now = new Date();
    const id = await insertRequest(tx, memberId, comment, now);
    await recordRequestFiles(tx, id, memberId, files, now);
    await emit(
      newEvent(
        RequestOpened,
        { requestId: id, memberId, fileCount: files.length },
        { aggregateId: id, actor: memberActor(memberId) },
      ),
    );
    return id;
  });
  return memberRequestDetail(deps, memberId, requestId);
}

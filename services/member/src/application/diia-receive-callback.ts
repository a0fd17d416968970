import { serviceUnavailable } from '@kasa/http';
import {
  findMemberByDiiaRequest,
  insertDiiaCallback,
  isDiiaRequestProcessed,
} from '../db/diia-callbacks.repository.ts';
import type { MemberDeps } from '../deps.ts';
import { DiiaCallbackError } from '../diia/diia-errors.ts';
import { processDiiaCallback, unknownDiiaRequest } from './diia-process-callback.ts';

/** Diia's callback as it arrived: the request id from its header, and the body unread. */
export interface DiiaCallbackDelivery {
  requestId: string;
  contentType: string;
  body: Buffer;
}

/** Ten documents of 10 MiB as base64 (4/3 larger: 134 MiB), `encodeData` and the form's framing. */
export const DIIA_CALLBACK_MAX_BYTES = 150 * 1024 * 1024;

/** The column the content type is kept in. */
const MAX_CONTENT_TYPE = 255;

export const diiaDecryptorMissing = () =>
  serviceUnavailable(
    'Diia documents cannot be decrypted yet: no decryptor is configured; the callback is kept',
    'diia_decryptor_missing',
  );

/**
 * Diia sends the documents a member shared. The callback is kept first, encrypted, as it
 * came, so that nothing is lost whatever happens next; then it is processed at once if a
 * decryptor is configured, else it waits for one (503). A callback for a request that was
 * already imported is answered as a success again and adds nothing; one for a request no
 * member waits for is refused and not kept.
 */
export async function receiveDiiaCallback(deps: MemberDeps, delivery: DiiaCallbackDelivery): Promise<void> {
  const { db } = deps.context.database;
  const { requestId, contentType, body } = delivery;
  if (await isDiiaRequestProcessed(db, requestId)) return;
  const member = await findMemberByDiiaRequest(db, requestId);
  if (!member) throw unknownDiiaRequest();
  if (contentType.length > MAX_CONTENT_TYPE)
    throw new DiiaCallbackError('The callback’s content type is too long');

  const kept = await deps.files.saveRaw(body, DIIA_CALLBACK_MAX_BYTES);
  let callbackId: number;
  try {
    callbackId = await insertDiiaCallback(db, {
      requestId,
      memberId: member.id,
      bodyFile: kept.name,
      contentType,
    });
  } catch (error) {
    await deps.files.remove(kept.name);
    throw error;
  }
  deps.context.logger.info({ callbackId }, 'Diia callback kept');

  if (!deps.decryptor) throw diiaDecryptorMissing();
  await processDiiaCallback(deps, deps.decryptor, callbackId, body);
}

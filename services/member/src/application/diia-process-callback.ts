import { DocumentsUploaded, MemberUpdated } from '@kasa/contracts';
import { FileError, type StoredFile } from '@kasa/files';
import { AppError, notFound } from '@kasa/http';
import { newEvent, type TransactionContext } from '@kasa/messaging';
import {
  type DiiaCallbackRow,
  findDiiaCallback,
  isDiiaRequestProcessed,
  noteDiiaCallbackAttempt,
  settleDiiaCallback,
} from '../db/diia-callbacks.repository.ts';
import { addPendingDocuments } from '../db/identity-documents.repository.ts';
import { recordMemberFiles } from '../db/member-files.repository.ts';
import { findMember, type MemberPatch, type MemberRow, updateMember } from '../db/members.repository.ts';
import type { MemberDeps } from '../deps.ts';
import {
  DIIA_REQUEST_ID_HEADER,
  diiaCallbackInputOf,
  readDiiaCallbackParts,
} from '../diia/diia-callback-parts.ts';
import type { DiiaDecryptor } from '../diia/diia-decryptor.ts';
import {
  type DiiaIdentityDocumentType,
  type DiiaProfile,
  diiaProfile,
  identityDocumentTypeOf,
  parseDiiaDocuments,
} from '../diia/diia-documents.ts';
import { DiiaCallbackError } from '../diia/diia-errors.ts';
import { memberActor } from './member-access.ts';
import { contactChanges } from './member-contact.ts';

/** `processed`: the profile is filled; `duplicate`: an earlier callback for the request did it; `settled before`: nothing to do. */
export type DiiaCallbackOutcome = 'processed' | 'duplicate' | 'settled before';

export const unknownDiiaRequest = () => notFound('Unknown Diia request', 'diia_request_unknown');

/** What the decrypted callback gives the member's profile. */
interface DiiaImport {
  profile: DiiaProfile;
  documents: { type: DiiaIdentityDocumentType; content: Buffer }[];
  /** The decrypted data as Diia signed it: kept as the member's `diia_answer` (personal data, never logged). */
  answer: string;
}

/** The columns the profile's fields fill, and the names events and staff know them by. */
const PROFILE_FIELDS = {
  firstName: 'first_name',
  middleName: 'middle_name',
  lastName: 'last_name',
  birthDate: 'birth_date',
  taxNumber: 'inn',
  passportData: 'passport_data',
} as const satisfies Record<keyof DiiaProfile, string>;

/**
 * Processes one kept Diia callback: decrypts it, fills the member's profile (it counts as
 * sent) and adds the shared documents as pending, for staff to review. The documents are
 * stored before the transaction and removed again if it does not commit; the kept raw body
 * is removed once the callback is settled. `body` spares reading back what was just kept.
 *
 * A 4xx error (not Diia's form, a part that does not decrypt or verify, malformed documents,
 * a document the store refuses, a request nobody waits for) settles the callback as failed
 * with the reason; any other (the decryptor is down, the database) leaves it waiting for the
 * next attempt. Either way the error is thrown for the caller to answer with.
 */
export async function processDiiaCallback(
  deps: MemberDeps,
  decryptor: DiiaDecryptor,
  callbackId: number,
  body?: Buffer,
): Promise<DiiaCallbackOutcome> {
  const callback = await findDiiaCallback(deps.context.database.db, callbackId);
  if (callback?.status !== 'received') return 'settled before';
  let outcome: DiiaCallbackOutcome;
  try {
    outcome = await importCallback(deps, decryptor, callback, body);
  } catch (error) {
    await recordFailure(deps, callback.id, error);
    throw error;
  }
  if (outcome !== 'settled before') {
    // The callback is settled: its raw body has served; a leftover is only an unused encrypted file.
    await deps.files.remove(callback.bodyFile).catch((error: unknown) => {
      deps.context.logger.warn(
        { err: error, callbackId },
        'could not remove a processed Diia callback’s body',
      );
    });
  }
  return outcome;
}

async function importCallback(
  deps: MemberDeps,
  decryptor: DiiaDecryptor,
  callback: DiiaCallbackRow,
  body: Buffer | undefined,
): Promise<DiiaCallbackOutcome> {
  const { db } = deps.context.database;
  // A repeat of a callback already imported is not decrypted again.
  if (await isDiiaRequestProcessed(db, callback.requestId)) {
    await settleDiiaCallback(db, callback.id, { status: 'processed' }, new Date());
    return 'duplicate';
  }
  const opened = await openCallback(
    decryptor,
    callback,
    body ?? (await deps.files.openRaw(callback.bodyFile)),
  );
  const files = await deps.files.saveMany(
    opened.documents.map(({ content }) => content),
    deps.policies.document,
  );
  const saved = opened.documents.map(({ type }, index) => ({ type, file: files[index]! }));
  const removeSaved = () => Promise.allSettled(files.map(({ name }) => deps.files.remove(name)));
  let outcome: DiiaCallbackOutcome;
  try {
    outcome = await deps.context.messaging.unitOfWork.run((transaction) =>
      fillProfile(transaction, callback, opened, saved),
    );
  } catch (error) {
    await removeSaved();
    throw error;
  }
  if (outcome !== 'processed') await removeSaved();
  return outcome;
}

/**
 * In one transaction: the member waiting for the request gets the profile and the pending
 * documents, the request is answered (cleared), the callback settled, the events recorded.
 */
async function fillProfile(
  { tx, emit }: TransactionContext,
  callback: DiiaCallbackRow,
  { profile, answer }: Pick<DiiaImport, 'profile' | 'answer'>,
  saved: readonly { type: DiiaIdentityDocumentType; file: StoredFile }[],
): Promise<DiiaCallbackOutcome> {
  const current = await findDiiaCallback(tx, callback.id, true);
  if (current?.status !== 'received') return 'settled before';
  const now = new Date();
  // The member the request was made for when the callback came, even if they asked Diia again since.
  const member = await findMember(tx, callback.memberId, true);
  if (!member) throw unknownDiiaRequest();
  if (await isDiiaRequestProcessed(tx, callback.requestId)) {
    // Diia delivered the same documents twice: the other delivery filled the profile.
    await settleDiiaCallback(tx, callback.id, { status: 'processed' }, now);
    return 'duplicate';
  }
  const { patch, fields } = profileChanges(member, profile);
  await recordMemberFiles(
    tx,
    member.id,
    saved.map(({ file }) => file),
  );
  await addPendingDocuments(
    tx,
    member.id,
    saved.map(({ type, file }) => ({ type, fileName: file.name })),
    'diia',
    now,
  );
  await updateMember(
    tx,
    member.id,
    {
      ...patch,
      diiaAnswer: answer,
      profileSentAt: member.profileSentAt ?? now,
      hasNewDocuments: true,
      ...(member.diiaRequestId === callback.requestId ? { diiaRequestId: null } : {}),
    },
    now,
  );
  await settleDiiaCallback(tx, callback.id, { status: 'processed' }, now);
  const meta = memberActor(member.id);
  if (saved.length > 0) {
    const documentTypes = saved.map(({ type }) => type);
    await emit(newEvent(DocumentsUploaded, { memberId: member.id, documentTypes, source: 'diia' }, meta));
  }
  if (fields.length > 0) await emit(newEvent(MemberUpdated, { memberId: member.id, fields }, meta));
  await emit(...contactChanges(member, patch, meta));
  return 'processed';
}

async function openCallback(
  decryptor: DiiaDecryptor,
  callback: DiiaCallbackRow,
  body: Buffer,
): Promise<DiiaImport> {
  const input = await diiaCallbackInputOf(body, callback.contentType, {
    [DIIA_REQUEST_ID_HEADER]: callback.requestId,
  });
  const parts = readDiiaCallbackParts(input);
  const answer = await decryptor.decryptData(parts.encodeData);
  const shared = parseDiiaDocuments(answer);
  // The header is not signed, the data is: a callback cannot bring one request's documents to another's member.
  if (shared.requestId !== null && shared.requestId.toLowerCase() !== callback.requestId.toLowerCase()) {
    throw new DiiaCallbackError('The documents were shared for another request than the callback names');
  }
  const profile = diiaProfile(shared);
  const documents: DiiaImport['documents'] = [];
  for (const part of parts.files) {
    const type = identityDocumentTypeOf(part, shared);
    // One document of each type waits for staff; anything else Diia attached is not ours to keep.
    if (type === null || documents.some((document) => document.type === type)) continue;
    documents.push({ type, content: await decryptor.decryptFile(part.encrypted) });
  }
  return { profile, documents, answer };
}

/**
 * What Diia changes in the profile. A document Diia left out (no tax number card, no ID card)
 * says nothing about what the member gave before; the patronymic follows the ID card.
 */
function profileChanges(member: MemberRow, profile: DiiaProfile): { patch: MemberPatch; fields: string[] } {
  const patch: MemberPatch = {};
  const fields: string[] = [];
  for (const key of Object.keys(PROFILE_FIELDS) as (keyof DiiaProfile)[]) {
    const value = profile[key];
    if (value === null && key !== 'middleName') continue;
    if (value === member[key]) continue;
    patch[key] = value;
    fields.push(PROFILE_FIELDS[key]);
  }
  return { patch, fields };
}

/** Error messages here are written for clients and hold no personal data; others are not copied. */
async function recordFailure(deps: MemberDeps, callbackId: number, error: unknown): Promise<void> {
  const { db } = deps.context.database;
  const statusCode = error instanceof AppError || error instanceof FileError ? error.statusCode : 500;
  const reason =
    error instanceof AppError || error instanceof FileError
      ? error.message
      : 'Unexpected error: see the service log';
  try {
    if (statusCode >= 400 && statusCode < 500) {
      await settleDiiaCallback(db, callbackId, { status: 'failed', error: reason }, new Date());
    } else {
      await noteDiiaCallbackAttempt(db, callbackId, reason);
    }
  } catch (recording) {
    deps.context.logger.error({ err: recording, callbackId }, 'could not record how a Diia callback failed');
  }
}

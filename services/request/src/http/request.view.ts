import {
  type AidRequest,
  type AidRequestDetail,
  type RequestFile,
  type RequestMessage,
  seedDateOf,
} from '@kasa/contracts';
import type { Static } from 'typebox';
import type { RequestFileRow } from '../db/request-files.repository.ts';
import type { RequestMessageRow } from '../db/request-messages.repository.ts';
import type { RequestRow } from '../db/requests.repository.ts';

export function requestFileView(file: RequestFileRow): Static<typeof RequestFile> {
  return {
    id: file.id,
    filename: file.name,
    mime: file.mime,
    size: file.size,
    created_at: seedDateOf(file.createdAt),
    member_id: file.memberId,
    created: file.createdAt.toISOString(),
  };
}

export function requestMessageView(message: RequestMessageRow): Static<typeof RequestMessage> {
  return {
    id: message.id,
    message: message.message,
    author: message.memberId === null ? 'staff' : 'member',
    member_id: message.memberId,
    user_id: message.userId,
    internal: message.internal,
    created_at: message.createdAt.toISOString(),
    date: seedDateOf(message.createdAt),
  };
}

/** A request in the seed's field names; money in kopiyky, 0 until an amount is granted. */
export function aidRequestView(
  request: RequestRow,
  files: readonly RequestFileRow[],
): Static<typeof AidRequest> {
  return {
    id: request.id,
    member_id: request.memberId,
    status: request.status,
    comment: request.requestText,
    diagnos: request.diagnosis,
    sum: request.grantedAmount ?? 0,
    date: seedDateOf(request.createdAt),
    date_modified: seedDateOf(request.updatedAt),
    created: request.createdAt.toISOString(),
    updated: request.updatedAt.toISOString(),
    files: files.map(requestFileView),
  };
}

export function aidRequestDetailView(
  request: RequestRow,
  files: readonly RequestFileRow[],
  messages: readonly RequestMessageRow[],
): Static<typeof AidRequestDetail> {
  return { ...aidRequestView(request, files), messages: messages.map(requestMessageView) };
}

import {
  type AidRequest,
  type AidRequestDetail,
  hryvniasOf,
  type MobileRequestAnswer,
  type MobileRequestItem,
  type SeedMemberRow,
  type SeedUserRow,
  seedFileRow,
  seedMessageRow,
  seedRequestRow,
} from '@kasa/contracts';
import type { Static } from 'typebox';

/**
 * Requests as the seed's app reads them (seeds/000 kasa-app/main.py request_list, request_get):
 * the list's own fields, each file as its seed row with its address here, and the conversation
 * as the seed's message rows. Amounts in hryvnias.
 */

/** The address of one of a request's files on this gateway. */
export const requestFileUrl = (publicUrl: string, requestId: number, filename: string) =>
  `${publicUrl}/user/request/${requestId}/files/${filename}`;

export function mobileRequestItem(
  request: Static<typeof AidRequest>,
  member: SeedMemberRow,
  publicUrl: string,
): MobileRequestItem {
  const row = seedRequestRow(request, member);
  return {
    id: request.id,
    status: request.status,
    comment: request.comment,
    date: request.date,
    date_modified: request.date_modified,
    sum: hryvniasOf(request.sum),
    diagnos: request.diagnos,
    files: request.files.map((file) => ({
      ...seedFileRow(file, { request: row, member }),
      // Kasa's own: what the file is, for the app to show it without fetching it.
      mime: file.mime,
      size: file.size,
      url: requestFileUrl(publicUrl, request.id, file.filename),
    })),
  };
}

/**
 * One request with its conversation, oldest first. Staff's internal notes never reach a member
 * (the request service leaves them out; they are dropped here too, should one slip through).
 */
export function mobileRequestAnswer(
  request: Static<typeof AidRequestDetail>,
  member: SeedMemberRow,
  staff: ReadonlyMap<number, SeedUserRow>,
  publicUrl: string,
): MobileRequestAnswer {
  const row = seedRequestRow(request, member);
  return {
    ...mobileRequestItem(request, member, publicUrl),
    messages: request.messages
      .filter((message) => !message.internal)
      .map((message) => ({
        ...seedMessageRow(message, {
          request: row,
          member: message.member_id === null ? null : member,
          user: message.user_id === null ? null : (staff.get(message.user_id) ?? null),
        }),
        // Kasa's own: who wrote it in one word, and the Kyiv day.
        author: message.author,
        date: message.date,
      })),
  };
}

/** The staff who wrote in a conversation, for `staffUserRowsFor`. */
export const staffAuthorsOf = (request: Static<typeof AidRequestDetail>) =>
  request.messages.map((message) => message.user_id);

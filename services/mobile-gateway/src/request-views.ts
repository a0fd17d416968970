import {
  type AidRequest,
  type AidRequestDetail,
  hryvniasOf,
  RequestFile,
  RequestMessage,
} from '@kasa/contracts';
import { type Static, Type } from 'typebox';

/** Requests as the app reads them: amounts in hryvnias, each file with its address here. */

export const AppRequestFile = Type.Object({
  ...RequestFile.properties,
  url: Type.String({ description: 'Where the member downloads it' }),
});

export const AppRequest = Type.Object({
  id: Type.Integer(),
  status: Type.String(),
  comment: Type.String(),
  diagnos: Type.String(),
  sum: Type.Number({ description: 'hryvnias granted; 0 until staff grant an amount' }),
  date: Type.String({ description: 'dd.mm.yyyy' }),
  date_modified: Type.String({ description: 'dd.mm.yyyy' }),
  files: Type.Array(AppRequestFile),
});

export const AppRequestDetail = Type.Object({
  ...AppRequest.properties,
  messages: Type.Array(RequestMessage),
});

/** The address of one of a request's files on this gateway. */
export const requestFileUrl = (publicUrl: string, requestId: number, filename: string) =>
  `${publicUrl}/user/request/${requestId}/files/${filename}`;

export function appRequest(request: Static<typeof AidRequest>, publicUrl: string): Static<typeof AppRequest> {
  const { id, status, comment, diagnos, sum, date, date_modified, files } = request;
  return {
    id,
    status,
    comment,
    diagnos,
    sum: hryvniasOf(sum),
    date,
    date_modified,
    files: files.map((file) => ({ ...file, url: requestFileUrl(publicUrl, id, file.filename) })),
  };
}

export function appRequestDetail(
  request: Static<typeof AidRequestDetail>,
  publicUrl: string,
): Static<typeof AppRequestDetail> {
  return { ...appRequest(request, publicUrl), messages: request.messages };
}

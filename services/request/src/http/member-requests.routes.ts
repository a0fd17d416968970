import { AidRequest, AidRequestDetail, StatusAnswer } from '@kasa/contracts';
import type { StoredFile } from '@kasa/files';
import { ANY_FIELD, fileNotFound, sendStoredFile, withStoredUploads } from '@kasa/files/http';
import { callerId, type HttpApp } from '@kasa/http';
import { Type } from 'typebox';
import { addRequestFiles } from '../application/add-request-files.ts';
import { listMemberRequests, memberRequestDetail } from '../application/member-requests.ts';
import { openRequest } from '../application/open-request.ts';
import { postMemberMessage } from '../application/post-message.ts';
import { findRequestFile } from '../db/request-files.repository.ts';
import type { RequestDeps } from '../deps.ts';
import {
  FileParams,
  MessageText,
  RECEIPT_TYPES,
  ReceiptFiles,
  RequestId,
  Statuses,
} from './request-fields.ts';

const common = { tags: ['member: requests'] };
const Params = Type.Object({ id: RequestId });

/** Every file the form carried, whatever its field: the seed's app names them as it likes. */
const allFiles = (byField: ReadonlyMap<string, readonly StoredFile[]>): StoredFile[] =>
  [...byField.values()].flat();

/** The member's own aid requests: the token's subject, never an id from the body. */
export function memberRequestRoutes(app: HttpApp, deps: RequestDeps): void {
  // The seed took every form field but the text ones as a file (FormDataRequestCreate).
  const receipts = deps.policies.receipt;
  // `files`, the documented field, stays named: a text in it naming a stored file is refused.
  const createFields = { comment: null, files: receipts, [ANY_FIELD]: receipts };
  const addFields = { id: null, files: receipts, [ANY_FIELD]: receipts };

  app.post(
    '/me/requests',
    {
      config: { uploadFields: createFields },
      schema: {
        ...common,
        summary: 'Ask for aid, with receipts',
        description:
          'multipart/form-data: `comment` (what the aid is for) and up to 20 files (JPEG, PNG, HEIC or ' +
          'PDF) under any field names (`files` or others). 413 for a file too large or too many files, ' +
          '415 for a file of another type.',
        consumes: ['multipart/form-data', 'application/json'],
        body: Type.Object({ comment: MessageText, files: Type.Optional(ReceiptFiles) }),
        response: { 201: AidRequestDetail },
      },
    },
    (request, reply) =>
      withStoredUploads(request, deps.files, async (files) => {
        const detail = await openRequest(
          deps,
          callerId(request),
          request.body.comment.trim(),
          allFiles(files),
        );
        return reply.code(201).send(detail);
      }),
  );

  app.post(
    '/me/request-files',
    {
      config: { uploadFields: addFields },
      schema: {
        ...common,
        summary: 'Attach more receipts to a request',
        description:
          'multipart/form-data: the request `id` and up to 20 files under any field names (the app sends ' +
          'the id in the form). 409 when the request is closed; a request waiting on the member goes ' +
          'back to staff. Without files the request is answered as it is.',
        consumes: ['multipart/form-data'],
        body: Type.Object({ id: RequestId, files: Type.Optional(ReceiptFiles) }),
        response: { 200: AidRequestDetail },
      },
    },
    (request) =>
      withStoredUploads(request, deps.files, (files) =>
        addRequestFiles(deps, callerId(request), request.body.id, allFiles(files)),
      ),
  );

  app.get(
    '/me/requests',
    {
      schema: {
        ...common,
        summary: "The member's requests, newest first",
        description: 'Only those of the given statuses (`?status=opened&status=closed`); all without.',
        querystring: Type.Object({ status: Type.Optional(Statuses) }),
        response: { 200: Type.Array(AidRequest) },
      },
    },
    (request) => listMemberRequests(deps, callerId(request), request.query.status ?? []),
  );

  app.get(
    '/me/requests/:id',
    {
      schema: {
        ...common,
        summary: 'One request with its files and conversation',
        params: Params,
        response: { 200: AidRequestDetail },
      },
    },
    (request) => memberRequestDetail(deps, callerId(request), request.params.id),
  );

  app.post(
    '/me/requests/:id/messages',
    {
      schema: {
        ...common,
        summary: 'Write to staff about a request',
        description: '409 when the request is closed; otherwise it now waits on staff.',
        consumes: ['application/json', 'multipart/form-data'],
        params: Params,
        body: Type.Object({ message: MessageText }),
        response: { 200: StatusAnswer },
      },
    },
    async (request) => {
      await postMemberMessage(deps, callerId(request), request.params.id, request.body.message.trim());
      return { status: 'success', message: 'Message added' };
    },
  );

  app.get(
    '/me/requests/:id/files/:name',
    {
      schema: {
        ...common,
        summary: 'One of the request’s files',
        description: 'With the type it was stored as; 404 for any name that is not this request’s file.',
        params: FileParams,
        produces: RECEIPT_TYPES,
      },
    },
    async (request, reply) => {
      const { id, name } = request.params;
      const file = await findRequestFile(deps.database.db, id, name, callerId(request));
      if (!file) throw fileNotFound();
      return sendStoredFile(reply, deps.files, file.name);
    },
  );
}

import { AidRequest, AidRequestDetail, RequestStatus, StatusAnswer } from '@kasa/contracts';
import { bearerSecurity, callerToken, forwardedBody, type HttpApp, sendDownload } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import { Type } from 'typebox';
import { signedIn } from '../access.ts';
import { AppRequest, AppRequestDetail, appRequest, appRequestDetail } from '../request-views.ts';

/** A multipart form reaches the request service unread and is checked there; this documents it. */
const checkedByService = { validatorCompiler: () => () => true };
const common = { tags: ['requests'], security: bearerSecurity };

const RequestId = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
const Files = Type.Optional(
  Type.Array(Type.String({ format: 'binary' }), {
    description: 'Photos or scans of receipts: JPEG, PNG, HEIC or PDF, up to 10 MB each, 20 at once',
  }),
);

/** Aid requests (SPEC §6 rows 13–17): a member's own, and no one else's. */
export function requestRoutes(app: HttpApp, context: GatewayContext): void {
  const { request: requests } = context.services;
  const publicUrl = context.config.PUBLIC_URL.replace(/\/+$/, '');

  app.post(
    '/user/request/list',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: "The member's requests, newest first",
        description: 'Only those in the given statuses when `status` is sent.',
        body: Type.Optional(
          Type.Object({ status: Type.Optional(Type.Array(RequestStatus, { maxItems: 4 })) }),
        ),
        response: { 200: Type.Array(AppRequest) },
      },
    },
    async (request) => {
      const list = await requests.request({
        method: 'GET',
        path: '/me/requests',
        query: { status: request.body?.status ?? [] },
        headers: callerToken(request),
        requestId: request.id,
        response: Type.Array(AidRequest),
      });
      return list.map((one) => appRequest(one, publicUrl));
    },
  );

  app.get(
    '/user/request/:id',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'One request with its files and the conversation',
        description: '404 "Request not found" for a request that is not the member\'s.',
        params: Type.Object({ id: RequestId }),
        response: { 200: AppRequestDetail },
      },
    },
    async (request) =>
      appRequestDetail(
        await requests.request({
          method: 'GET',
          path: `/me/requests/${request.params.id}`,
          headers: callerToken(request),
          requestId: request.id,
          response: AidRequestDetail,
        }),
        publicUrl,
      ),
  );

  app.post(
    '/user/request/:id/message',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'Write to the fund about a request',
        description: 'The request then waits for staff (`awaiting_agent`). 409 when it is closed.',
        params: Type.Object({ id: RequestId }),
        body: Type.Object({ message: Type.String({ minLength: 1, maxLength: 5000 }) }),
        response: { 200: StatusAnswer },
      },
    },
    (request) =>
      requests.request({
        method: 'POST',
        path: `/me/requests/${request.params.id}/messages`,
        body: { message: request.body.message },
        headers: callerToken(request),
        requestId: request.id,
        response: StatusAnswer,
      }),
  );

  app.post(
    '/user/request/create',
    {
      ...signedIn,
      ...checkedByService,
      schema: {
        ...common,
        summary: 'Open a request with a comment and photos of receipts',
        description:
          'multipart/form-data: `comment` and any number of `files`. 400 names a wrong field, 413 a file ' +
          'too large or too many, 415 a file of another type; then nothing is kept.',
        consumes: ['multipart/form-data'],
        body: Type.Object({ comment: Type.String({ maxLength: 5000 }), files: Files }),
        response: { 201: AppRequestDetail },
      },
    },
    async (request, reply) => {
      const created = await requests.forward({
        method: 'POST',
        path: '/me/requests',
        headers: callerToken(request),
        requestId: request.id,
        ...forwardedBody(request),
        response: AidRequestDetail,
      });
      return reply.code(201).send(appRequestDetail(created, publicUrl));
    },
  );

  app.post(
    '/user/request/update',
    {
      ...signedIn,
      ...checkedByService,
      schema: {
        ...common,
        summary: 'Add photos to a request',
        description:
          'multipart/form-data: the request `id` and its new `files`. A request waiting for the member ' +
          'then waits for staff. 409 when it is closed.',
        consumes: ['multipart/form-data'],
        body: Type.Object({ id: RequestId, files: Files }),
        response: { 200: AppRequestDetail },
      },
    },
    async (request) =>
      appRequestDetail(
        await requests.forward({
          method: 'POST',
          path: '/me/request-files',
          headers: callerToken(request),
          requestId: request.id,
          ...forwardedBody(request),
          response: AidRequestDetail,
        }),
        publicUrl,
      ),
  );

  app.get(
    '/user/request/:id/files/:filename',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: "One of a request's files",
        description: "404 for another member's request or file, and for any name that is not one of ours.",
        params: Type.Object({ id: RequestId, filename: Type.String({ maxLength: 256 }) }),
        produces: ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'],
      },
    },
    (request, reply) =>
      sendDownload(
        reply,
        requests.download({
          path: `/me/requests/${request.params.id}/files/${encodeURIComponent(request.params.filename)}`,
          headers: callerToken(request),
          requestId: request.id,
        }),
      ),
  );
}

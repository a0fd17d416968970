import {
  AidRequest,
  AidRequestDetail,
  MOBILE_REQUEST_MESSAGES,
  MobileRequestAnswer,
  MobileRequestCreateAnswer,
  MobileRequestFormError,
  MobileRequestListAnswer,
  MobileRequestMessageAnswer,
  MobileRequestMessageError,
  MobileRequestNotFound,
  MobileRequestUpdateAnswer,
  RequestStatus,
  StatusAnswer,
} from '@kasa/contracts';
import {
  AppError,
  asCaller,
  bearerSecurity,
  type ErrorEnvelopeStyle,
  errorSchemaOf,
  forwardedBody,
  type HttpApp,
  isAppError,
  requireAuth,
  sendDownload,
} from '@kasa/http';
import { type GatewayContext, staffUserRowsFor } from '@kasa/runtime';
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { emptyBodyAllowed, signedIn } from '../access.ts';
import { ownMemberRow } from '../request-people.ts';
import { mobileRequestAnswer, mobileRequestItem, staffAuthorsOf } from './request.view.ts';

/** A multipart form reaches the request service unread and is checked there; this documents it. */
const checkedByService = { validatorCompiler: () => () => true };
const common = { tags: ['requests'], security: bearerSecurity };
/** A member's route whose errors the seed answered in its own envelope. */
const signedInWith = (errorEnvelope: ErrorEnvelopeStyle) => ({
  onRequest: requireAuth(),
  config: { errorEnvelope },
});

const RequestId = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
/** A file the request service refused (too large, of another type, unsafe): the seed's `error`, and `message`. */
const FileRefused = errorSchemaOf('error-field');
const Files = Type.Optional(
  Type.Array(Type.String({ format: 'binary' }), {
    description:
      'Photos or scans of receipts: JPEG, PNG, HEIC or PDF, up to 10 MB each, 20 at once. Any field ' +
      'name is taken (`files`, `file0`, …), as the seed took every field but the text ones.',
  }),
);

/** A service's refusal, answered with the seed's text for it (same status and code). */
async function inSeedWords<T>(
  call: Promise<T>,
  refusal: { status: number; code?: string; message: string },
): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (
      isAppError(error) &&
      error.statusCode === refusal.status &&
      (refusal.code ?? error.code) === error.code
    ) {
      const { statusCode, code, headers } = error;
      throw new AppError({ statusCode, code, headers, message: refusal.message, cause: error });
    }
    throw error;
  }
}

/** Aid requests (SPEC §6 rows 13–17): a member's own, and no one else's. */
export function requestRoutes(app: HttpApp, context: GatewayContext): void {
  const { request: requests } = context.services;
  const publicUrl = context.config.PUBLIC_URL.replace(/\/+$/, '');

  /**
   * A request as `request_get` answered it, with the member's and the staff authors' rows. The
   * member's row is asked for before `detail` runs: a create must not open a request it then
   * cannot answer.
   */
  async function answerOf(
    request: FastifyRequest,
    detail: () => Promise<Static<typeof AidRequestDetail>>,
  ): Promise<Static<typeof MobileRequestAnswer>> {
    const owner = await ownMemberRow(context, request);
    const found = await detail();
    const staff = await staffUserRowsFor(context, request, staffAuthorsOf(found));
    return mobileRequestAnswer(found, owner, staff, publicUrl);
  }

  app.post(
    '/user/request/list',
    {
      ...signedIn,
      ...emptyBodyAllowed,
      schema: {
        ...common,
        summary: "The member's requests, newest first",
        description: 'Only those in the given statuses when `status` is sent.',
        body: Type.Optional(
          Type.Object({ status: Type.Optional(Type.Array(RequestStatus, { maxItems: 4 })) }),
        ),
        response: { 200: MobileRequestListAnswer },
      },
    },
    async (request) => {
      const [list, member] = await Promise.all([
        requests.request({
          method: 'GET',
          path: '/me/requests',
          query: { status: request.body?.status ?? [] },
          ...asCaller(request),
          response: Type.Array(AidRequest),
        }),
        ownMemberRow(context, request),
      ]);
      return list.map((one) => mobileRequestItem(one, member, publicUrl));
    },
  );

  app.get(
    '/user/request/:id',
    {
      ...signedInWith('status-and-message'),
      schema: {
        ...common,
        summary: 'One request with its files and the conversation',
        description: `404 "${MOBILE_REQUEST_MESSAGES.notFound}" for a request that is not the member's.`,
        params: Type.Object({ id: RequestId }),
        response: { 200: MobileRequestAnswer, 404: MobileRequestNotFound },
      },
    },
    (request) =>
      answerOf(request, () =>
        inSeedWords(
          requests.request({
            method: 'GET',
            path: `/me/requests/${request.params.id}`,
            ...asCaller(request),
            response: AidRequestDetail,
          }),
          { status: 404, message: MOBILE_REQUEST_MESSAGES.notFound },
        ),
      ),
  );

  app.post(
    '/user/request/:id/message',
    {
      ...signedInWith('status-and-message'),
      schema: {
        ...common,
        summary: 'Write to the fund about a request',
        description:
          `The request then waits for staff (\`awaiting_agent\`). 404 "${MOBILE_REQUEST_MESSAGES.messageRequestNotFound}" ` +
          "for a request that is not the member's; 409 when it is closed.",
        params: Type.Object({ id: RequestId }),
        body: Type.Object({
          message: Type.String({ minLength: 1, maxLength: 5000 }),
          request_id: Type.Optional(
            Type.Integer({ description: "The seed's form sent it too; the path decides" }),
          ),
        }),
        response: {
          200: MobileRequestMessageAnswer,
          404: MobileRequestMessageError,
          409: MobileRequestMessageError,
        },
      },
    },
    async (request) => {
      await inSeedWords(
        requests.request({
          method: 'POST',
          path: `/me/requests/${request.params.id}/messages`,
          body: { message: request.body.message },
          ...asCaller(request),
          response: StatusAnswer,
        }),
        { status: 404, message: MOBILE_REQUEST_MESSAGES.messageRequestNotFound },
      );
      return { status: 'success', message: MOBILE_REQUEST_MESSAGES.messageAdded };
    },
  );

  app.post(
    '/user/request/create',
    {
      ...signedInWith('error-field'),
      ...checkedByService,
      schema: {
        ...common,
        summary: 'Open a request with a comment and photos of receipts',
        description:
          `multipart/form-data: \`comment\` and any number of files. 400 "${MOBILE_REQUEST_MESSAGES.commentAbsent}" ` +
          'without a comment; 413 a file too large or too many, 415 a file of another type, 422 a picture of ' +
          'too many pixels or a PDF with scripts, attachments or web page code; then nothing is kept.',
        consumes: ['multipart/form-data'],
        body: Type.Object({ comment: Type.String({ maxLength: 5000 }), files: Files }),
        response: {
          200: MobileRequestCreateAnswer,
          400: MobileRequestFormError,
          413: FileRefused,
          415: FileRefused,
          422: FileRefused,
        },
      },
    },
    (request) =>
      answerOf(request, () =>
        inSeedWords(
          requests.forward({
            method: 'POST',
            path: '/me/requests',
            ...asCaller(request),
            ...forwardedBody(request),
            response: AidRequestDetail,
          }),
          { status: 400, code: 'validation_failed', message: MOBILE_REQUEST_MESSAGES.commentAbsent },
        ),
      ),
  );

  app.post(
    '/user/request/update',
    {
      ...signedInWith('error-field'),
      ...checkedByService,
      schema: {
        ...common,
        summary: 'Add photos to a request',
        description:
          'multipart/form-data: the request `id` and its new files. A request waiting for the member then ' +
          `waits for staff. 400 "${MOBILE_REQUEST_MESSAGES.requestIdNotValid}" without a valid id; 404 for a ` +
          "request that is not the member's; 409 when it is closed; 413, 415 and 422 for files as on create.",
        consumes: ['multipart/form-data'],
        body: Type.Object({ id: RequestId, files: Files }),
        response: {
          200: MobileRequestUpdateAnswer,
          400: MobileRequestFormError,
          404: MobileRequestFormError,
          413: FileRefused,
          415: FileRefused,
          422: FileRefused,
        },
      },
    },
    (request) =>
      answerOf(request, () =>
        inSeedWords(
          requests.forward({
            method: 'POST',
            path: '/me/request-files',
            ...asCaller(request),
            ...forwardedBody(request),
            response: AidRequestDetail,
          }),
          { status: 400, code: 'validation_failed', message: MOBILE_REQUEST_MESSAGES.requestIdNotValid },
        ),
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
          ...asCaller(request),
        }),
      ),
  );
}

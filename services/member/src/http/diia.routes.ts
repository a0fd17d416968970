import { callerId, type HttpApp, unsupportedMediaType } from '@kasa/http';
import { Type } from 'typebox';
import { DIIA_CALLBACK_MAX_BYTES, receiveDiiaCallback } from '../application/diia-receive-callback.ts';
import { requestDiiaDocuments } from '../application/diia-request-documents.ts';
import type { MemberDeps } from '../deps.ts';
import { DIIA_REQUEST_ID_HEADER } from '../diia/diia-callback-parts.ts';
import { DiiaCallbackError } from '../diia/diia-errors.ts';

/** Diia's own answer to the offer request, passed on as the seed did, with our request id added. */
const DiiaSharingAnswer = Type.Object(
  {
    deeplink: Type.String({ description: 'Opens Diia on the phone to share the ID card and the tax number' }),
    request_id: Type.String({ description: 'What Diia will send the documents back with' }),
  },
  { additionalProperties: true },
);

const Success = Type.Object({ success: Type.Boolean() });

/** Ours are UUIDs (DiiaClient makes them), so anything else is nobody's request. */
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Import from Diia, for the member the token names. */
export function diiaMemberRoutes(app: HttpApp, deps: MemberDeps): void {
  app.post(
    '/me/diia-requests',
    {
      schema: {
        summary: 'Ask Diia for a deeplink to share the ID card and the tax number',
        description:
          'The documents come back by Diia’s callback and wait for staff as pending. ' +
          '503 when the fund has not connected Diia.',
        response: { 200: DiiaSharingAnswer },
      },
    },
    async (request) => {
      const { answer, deeplink, requestId } = await requestDiiaDocuments(deps, callerId(request));
      return { ...answer, deeplink, request_id: requestId };
    },
  );
}

/**
 * Diia's callback, without a token: Diia reaches it through the mobile gateway, which passes
 * the body and the request id header on unchanged. The body is read whole, unparsed, so that
 * it can be kept exactly as it came.
 */
export function diiaCallbackRoutes(deps: MemberDeps) {
  return async function diiaCallbacks(app: HttpApp): Promise<void> {
    app.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: DIIA_CALLBACK_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.post(
      '/diia/callbacks',
      {
        bodyLimit: DIIA_CALLBACK_MAX_BYTES,
        schema: {
          summary: 'Diia sends the documents a member shared',
          description:
            'multipart/form-data with `encodeData` and one file per document, as Diia sends it, and the ' +
            '`X-Document-Request-Trace-Id` header. 404 for a request no member waits for; 503 when no ' +
            'decryptor is configured (the callback is kept and processed once one is).',
          consumes: ['multipart/form-data'],
          response: { 200: Success },
        },
      },
      async (request) => {
        const requestId = requestIdOf(request.headers[DIIA_REQUEST_ID_HEADER]);
        const contentType = request.headers['content-type'];
        if (!Buffer.isBuffer(request.body) || contentType === undefined) {
          throw unsupportedMediaType('A Diia callback is a multipart form', 'diia_callback_not_multipart');
        }
        await receiveDiiaCallback(deps, { requestId, contentType, body: request.body });
        return { success: true };
      },
    );
  };
}

function requestIdOf(header: string | string[] | undefined): string {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) throw new DiiaCallbackError('The callback has no X-Document-Request-Trace-Id header');
  if (!REQUEST_ID.test(value)) throw new DiiaCallbackError('The callback’s request id is not one of ours');
  return value.toLowerCase();
}

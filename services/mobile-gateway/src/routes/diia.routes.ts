import { bearerSecurity, callerToken, forwardedBody, type HttpApp, requireAuth } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import { Type } from 'typebox';

const DIIA_REQUEST_ID_HEADER = 'x-document-request-trace-id';
const DiiaLink = Type.Object({
  deeplink: Type.String({ description: 'Open it on the phone: Diia asks the member to share the documents' }),
  request_id: Type.String(),
});
const Success = Type.Object({ success: Type.Boolean() });

/** Importing the profile from Diia (SPEC §4, §6 rows 20–21). */
export function diiaRoutes(app: HttpApp, { services }: GatewayContext): void {
  app.post(
    '/user/profile/diia',
    {
      onRequest: requireAuth(),
      config: { errorEnvelope: 'message-only' },
      schema: {
        tags: ['profile'],
        summary: 'Start importing the ID card and tax number from Diia',
        description: '503 when the fund has not set up Diia.',
        security: bearerSecurity,
        response: { 200: DiiaLink },
      },
    },
    (request) =>
      services.member.request({
        method: 'POST',
        path: '/me/diia-requests',
        headers: callerToken(request),
        requestId: request.id,
        response: DiiaLink,
      }),
  );

  app.post(
    '/user/profile/diia-callback',
    {
      validatorCompiler: () => () => true,
      schema: {
        tags: ['profile'],
        summary: "Diia's delivery of the shared documents (called by Diia)",
        description:
          'multipart/form-data with `encodeData` and the encrypted files, and the request id in ' +
          '`X-Document-Request-Trace-Id`. Kept as it came; 503 while no decryptor is configured (it is ' +
          'processed once one is).',
        consumes: ['multipart/form-data'],
        headers: Type.Object({ [DIIA_REQUEST_ID_HEADER]: Type.Optional(Type.String()) }),
        response: { 200: Success },
      },
    },
    (request) => {
      const requestId = request.headers[DIIA_REQUEST_ID_HEADER];
      return services.member.forward({
        method: 'POST',
        path: '/diia/callbacks',
        headers: typeof requestId === 'string' ? { [DIIA_REQUEST_ID_HEADER]: requestId } : {},
        requestId: request.id,
        ...forwardedBody(request),
        response: Success,
      });
    },
  );
}

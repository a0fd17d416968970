import {
  MobileDiiaAnswer,
  MobileDiiaCallbackAnswer,
  MobileDiiaCallbackError,
  MobileProfileFormError,
} from '@kasa/contracts';
import { bearerSecurity, callerToken, forwardedBody, type HttpApp } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import { Type } from 'typebox';
import { signedIn } from '../access.ts';

const DIIA_REQUEST_ID_HEADER = 'x-document-request-trace-id';

/** Importing the profile from Diia (SPEC §4, §6 rows 20–21). */
export function diiaRoutes(app: HttpApp, { services }: GatewayContext): void {
  app.post(
    '/user/profile/diia',
    {
      ...signedIn,
      schema: {
        tags: ['profile'],
        summary: 'Start importing the ID card and tax number from Diia',
        description:
          "Diia's answer to the offer request, as it came (`deeplink` and whatever else Diia sends), " +
          'with `request_id` added. 409 once the profile is approved; 503 when the fund has not set up ' +
          'Diia or Diia does not answer.',
        security: bearerSecurity,
        response: { 200: MobileDiiaAnswer, 409: MobileProfileFormError },
      },
    },
    (request) =>
      services.member.request({
        method: 'POST',
        path: '/me/diia-requests',
        headers: callerToken(request),
        requestId: request.id,
        response: MobileDiiaAnswer,
      }),
  );

  app.post(
    '/user/profile/diia-callback',
    {
      validatorCompiler: () => () => true,
      config: { errorEnvelope: 'success-flag' },
      schema: {
        tags: ['profile'],
        summary: "Diia's delivery of the shared documents (called by Diia)",
        description:
          'multipart/form-data with `encodeData` and the encrypted files, and the request id in ' +
          '`X-Document-Request-Trace-Id`. Kept as it came; errors are `{success: false}` as the seed ' +
          'answered them: 400 for a form that is not Diia’s, 404 for a request nobody waits for, 503 ' +
          'while no decryptor is configured (it is processed once one is).',
        consumes: ['multipart/form-data'],
        headers: Type.Object({ [DIIA_REQUEST_ID_HEADER]: Type.Optional(Type.String()) }),
        response: {
          200: MobileDiiaCallbackAnswer,
          400: MobileDiiaCallbackError,
          404: MobileDiiaCallbackError,
          415: MobileDiiaCallbackError,
        },
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
        response: MobileDiiaCallbackAnswer,
      });
    },
  );
}

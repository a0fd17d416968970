import { bearerSecurity, callerToken, type HttpApp, sendDownload } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import { Type } from 'typebox';
import { staffOnly } from '../access.ts';

const Id = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
const common = { tags: ['members'], security: bearerSecurity };

/** The files staff open from the admin site (SPEC §7 row 1). */
export function fileRoutes(app: HttpApp, context: GatewayContext): void {
  const { member } = context.services;

  app.post(
    '/files',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: "A member's file (document or photo)",
        description: 'The file, with its stored type; 404 when it is not that member’s.',
        body: Type.Object({ user_id: Id, filename: Type.String({ minLength: 1, maxLength: 256 }) }),
        produces: ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'],
      },
    },
    (request, reply) =>
      sendDownload(
        reply,
        member.download({
          path: `/staff/members/${request.body.user_id}/files/${encodeURIComponent(request.body.filename)}`,
          headers: callerToken(request),
          requestId: request.id,
        }),
      ),
  );
}

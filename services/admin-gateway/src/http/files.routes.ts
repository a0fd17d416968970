import { AdminFileMissing } from '@kasa/contracts';
import { asCaller, bearerSecurity, type HttpApp, sendDownload } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import { Type } from 'typebox';
import { staffOnly } from '../access.ts';
import { firstFound, seedFileNotFound } from '../seed-downloads.ts';

const Id = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
const common = { tags: ['members'], security: bearerSecurity };

/**
 * The files staff open from the admin site (SPEC §7 row 1). The seed kept a member's documents,
 * photo and request receipts in one folder and served any of them by member and name; Kasa's
 * member service holds the documents and photo, the request service the receipts.
 */
export function fileRoutes(app: HttpApp, context: GatewayContext): void {
  const { member, request: requests } = context.services;

  app.post(
    '/files',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: "A member's file: a document, the photo, or a receipt of one of their requests",
        description:
          'The file, with its stored type; 404 `{status, message}` when it is none of that member’s files.',
        body: Type.Object({
          user_id: Type.Optional(Type.Union([Id, Type.Null()])),
          filename: Type.String({ minLength: 1, maxLength: 256 }),
        }),
        produces: ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'],
        response: { 404: AdminFileMissing },
      },
    },
    async (request, reply) => {
      const { user_id: memberId, filename } = request.body;
      if (memberId === undefined || memberId === null) throw seedFileNotFound();
      const name = encodeURIComponent(filename);
      const caller = asCaller(request);
      await sendDownload(
        reply,
        firstFound(
          () => member.download({ path: `/staff/members/${memberId}/files/${name}`, ...caller }),
          () => requests.download({ path: `/staff/members/${memberId}/request-files/${name}`, ...caller }),
        ),
      );
    },
  );
}

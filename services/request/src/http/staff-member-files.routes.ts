import { fileNotFound, sendStoredFile } from '@kasa/files/http';
import { type HttpApp, staffMayAct } from '@kasa/http';
import { Type } from 'typebox';
import { findMemberRequestFile } from '../db/request-files.repository.ts';
import type { RequestDeps } from '../deps.ts';
import { RECEIPT_TYPES, RequestId } from './request-fields.ts';

/**
 * A receipt by the member it came from, without its request: the admin site asks for files by
 * member and name (`POST /files`), as the seed kept a member's documents and receipts in one
 * folder.
 */
export function staffMemberFileRoutes(app: HttpApp, deps: RequestDeps): void {
  app.get(
    '/staff/members/:member_id/request-files/:name',
    {
      ...staffMayAct,
      schema: {
        tags: ['staff: requests'],
        summary: "One of the files of a member's requests",
        description:
          'With the type it was stored as; 404 for any name that is not a file of this member’s requests.',
        // Any text: a name that could never be a file is not found, not a bad request.
        params: Type.Object({ member_id: RequestId, name: Type.String({ maxLength: 256 }) }),
        produces: RECEIPT_TYPES,
      },
    },
    async (request, reply) => {
      const { member_id, name } = request.params;
      const file = await findMemberRequestFile(deps.database.db, member_id, name);
      if (!file) throw fileNotFound();
      return sendStoredFile(reply, deps.files, file.name);
    },
  );
}

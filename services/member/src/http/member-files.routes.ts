import { fileNotFound, sendStoredFile } from '@kasa/files/http';
import type { HttpApp } from '@kasa/http';
import { callerId } from '@kasa/http';
import { Type } from 'typebox';
import { findMemberFile } from '../db/member-files.repository.ts';
import type { MemberDeps } from '../deps.ts';

/** A member's own files (photo, documents); any other name, or another member's, is not found. */
export function memberFileRoutes(app: HttpApp, deps: MemberDeps): void {
  app.get(
    '/me/files/:name',
    {
      schema: {
        summary: "One of the member's own files",
        params: Type.Object({ name: Type.String({ maxLength: 256 }) }),
        produces: ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'],
      },
    },
    async (request, reply) => {
      const file = await findMemberFile(deps.context.database.db, callerId(request), request.params.name);
      if (!file) throw fileNotFound();
      return sendStoredFile(reply, deps.files, file.name);
    },
  );
}

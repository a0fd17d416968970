import { Program } from '@kasa/contracts';
import { fileNotFound, sendStoredFile } from '@kasa/files/http';
import type { HttpApp } from '@kasa/http';
import { Type } from 'typebox';
import { findProgramByTermsFile, listPrograms } from '../db/programs.repository.ts';
import type { MemberDeps } from '../deps.ts';
import { programView } from './member.view.ts';

/** What anyone may read before joining: the active programs and their terms. */
export function programCatalogueRoutes(app: HttpApp, deps: MemberDeps): void {
  const { db } = deps.context.database;

  app.get(
    '/programs',
    {
      schema: {
        summary: 'The programs members can join',
        response: { 200: Type.Object({ data: Type.Array(Program) }) },
      },
    },
    async () => ({ data: (await listPrograms(db, { activeOnly: true })).map(programView) }),
  );

  app.get(
    '/programs/terms/:name',
    {
      schema: {
        summary: "A program's terms document",
        params: Type.Object({ name: Type.String({ maxLength: 256 }) }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const program = await findProgramByTermsFile(db, request.params.name);
      if (!program?.termsFile) throw fileNotFound();
      return sendStoredFile(reply, deps.files, program.termsFile);
    },
  );
}

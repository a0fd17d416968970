import { Program, StoredFileName } from '@kasa/contracts';
import { withStoredUploads } from '@kasa/files/http';
import type { HttpApp } from '@kasa/http';
import { administratorsOnly, callerId, staffMayAct } from '@kasa/http';
import { type Static, Type } from 'typebox';
import { programMissing, saveProgram } from '../application/staff-save-program.ts';
import { findProgram, listPrograms } from '../db/programs.repository.ts';
import type { MemberDeps } from '../deps.ts';
import { programView } from './member.view.ts';

const ProgramId = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
const common = { tags: ['staff: programs'] };

/** Every field but `id` may be left out of a change; a new program needs its name and price. */
const ProgramForm = Type.Object({
  id: Type.Optional(ProgramId),
  program_name: Type.Optional(Type.String({ minLength: 1, maxLength: 128, pattern: '\\S' })),
  month_price: Type.Optional(Type.Integer({ minimum: 1, maximum: 4_294_967_295, description: 'kopiyky' })),
  is_active: Type.Optional(Type.Boolean()),
  new_program_file: Type.Optional({ ...StoredFileName, description: 'The terms document: a PDF file' }),
});

const ProgramAnswer = Type.Object({ status: Type.String(), data: Program });
const SavedAnswer = Type.Object({ status: Type.String(), message: Type.String(), data: Program });

/** SPEC §7 rows 13–15: every program (inactive ones too), and saving one (administrators). */
export function staffProgramRoutes(app: HttpApp, deps: MemberDeps): void {
  const { db } = deps.context.database;

  app.get(
    '/staff/programs',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'Every program, inactive ones too',
        response: { 200: Type.Object({ status: Type.String(), data: Type.Array(Program) }) },
      },
    },
    async () => ({
      status: 'success',
      data: (await listPrograms(db, { activeOnly: false })).map(programView),
    }),
  );

  app.get(
    '/staff/programs/:id',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'One program',
        params: Type.Object({ id: ProgramId }),
        response: { 200: ProgramAnswer },
      },
    },
    async (request): Promise<Static<typeof ProgramAnswer>> => {
      const program = await findProgram(db, request.params.id);
      if (!program) throw programMissing();
      return { status: 'success', data: programView(program) };
    },
  );

  app.put(
    '/staff/programs',
    {
      // Checked before the form is read: who may not save a program stores no file.
      ...administratorsOnly,
      config: { uploadFields: { new_program_file: deps.policies.terms } },
      schema: {
        ...common,
        summary: 'Create a program, or change one (administrators)',
        description:
          'multipart/form-data (or JSON without a file). Without `id` a new program (name and price needed); ' +
          'with it, that program (404 when there is none), changing only the fields sent. `new_program_file` replaces the terms: a PDF (415 otherwise); the ' +
          'old terms stay stored, members joined on them.',
        consumes: ['multipart/form-data', 'application/json'],
        body: ProgramForm,
        response: { 200: SavedAnswer },
      },
    },
    (request): Promise<Static<typeof SavedAnswer>> =>
      withStoredUploads(request, deps.files, async (files) => {
        const { id, program_name, month_price, is_active } = request.body;
        const terms = files.get('new_program_file')?.[0];
        const program = await saveProgram(deps, callerId(request), {
          ...(id === undefined ? {} : { id }),
          ...(program_name === undefined ? {} : { name: program_name.trim() }),
          ...(month_price === undefined ? {} : { monthPrice: month_price }),
          ...(is_active === undefined ? {} : { isActive: is_active }),
          ...(terms === undefined ? {} : { termsFile: terms.name }),
        });
        return { status: 'success', message: 'Program saved', data: programView(program) };
      }),
  );
}

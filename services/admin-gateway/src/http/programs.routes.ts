import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import {
  AdminProgramAnswer,
  AdminProgramMissing,
  AdminProgramSaveAnswer,
  AdminProgramSaveInvalid,
  AdminProgramsAnswer,
  AdminProgramTermsMissing,
  Program,
} from '@kasa/contracts';
import {
  badRequest,
  bearerSecurity,
  callerToken,
  claimUploads,
  type HttpApp,
  registerUploads,
  sendDownload,
  type UploadSink,
} from '@kasa/http';
import { ClientAmount, type GatewayContext, kopiykyOfField } from '@kasa/runtime';
import { type Static, Type } from 'typebox';
import { adminOnly, staffOnly } from '../access.ts';
import { firstFound } from '../seed-downloads.ts';
import { programRowsFor } from './program.view.ts';

const Id = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
const common = { tags: ['programs'], security: bearerSecurity };
const TERMS_FIELD = 'new_program_file';
const MAX_TERMS_BYTES = 10 * 1024 * 1024;

const ProgramList = Type.Object({ status: Type.String(), data: Type.Array(Program) });
const OneProgram = Type.Object({ status: Type.String(), data: Program });
const SavedProgram = Type.Object({ status: Type.String(), message: Type.String(), data: Program });

/**
 * The seed's `ProgramData`: every field optional. A change (with `id`) keeps what is left out;
 * a new program needs its name and price (400 otherwise), and is active unless told otherwise.
 */
const ProgramForm = Type.Object({
  id: Type.Optional(Id),
  program_name: Type.Optional(Type.String({ minLength: 1, maxLength: 128, pattern: '\\S' })),
  month_price: Type.Optional(ClientAmount),
  is_active: Type.Optional(Type.Boolean()),
  [TERMS_FIELD]: Type.Optional(Type.String({ format: 'binary', description: 'The terms, a PDF' })),
});

/** The terms file held in memory for the moment it takes to send it on: one PDF, from staff. */
interface HeldFile {
  name: string;
  bytes: Buffer;
}

const heldTerms: UploadSink<HeldFile> = {
  async save(file, field) {
    if (field !== TERMS_FIELD) {
      file.resume();
      throw badRequest(`Field '${field}' does not take a file`, 'unexpected_file');
    }
    return { name: field, bytes: await buffer(file) };
  },
  async remove() {},
};

/** SPEC §7 rows 2, 13–15: the program catalogue, prices in hryvnias as the admin site has them. */
export function programRoutes(app: HttpApp, context: GatewayContext): void {
  const member = context.services.member;

  app.get(
    '/programs',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: 'Every program, active or not',
        response: { 200: AdminProgramsAnswer },
      },
    },
    async (request): Promise<Static<typeof AdminProgramsAnswer>> => {
      const { data } = await member.request({
        method: 'GET',
        path: '/staff/programs',
        headers: callerToken(request),
        requestId: request.id,
        response: ProgramList,
      });
      return { status: 'success', data: await programRowsFor(context, request, data) };
    },
  );

  app.post(
    '/program',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: 'One program',
        description: '404 when there is no such program.',
        body: Type.Object({ id: Id }),
        response: { 200: AdminProgramAnswer, 404: AdminProgramMissing },
      },
    },
    async (request): Promise<Static<typeof AdminProgramAnswer>> => {
      const { data } = await member.request({
        method: 'GET',
        path: `/staff/programs/${request.body.id}`,
        headers: callerToken(request),
        requestId: request.id,
        response: OneProgram,
      });
      const [row] = await programRowsFor(context, request, [data]);
      return { status: 'success', data: row! };
    },
  );

  app.get(
    '/program/:filename',
    {
      schema: {
        tags: ['programs'],
        summary: "A program's terms document (public, as members read it before joining)",
        description:
          "Where a program row's `program_file` URL points; 404 `{status, message}` for another name.",
        params: Type.Object({ filename: Type.String({ maxLength: 256 }) }),
        produces: ['application/pdf'],
        response: { 404: AdminProgramTermsMissing },
      },
    },
    async (request, reply) => {
      const terms = () =>
        member.download({
          path: `/programs/terms/${encodeURIComponent(request.params.filename)}`,
          requestId: request.id,
        });
      await sendDownload(reply, firstFound(terms));
    },
  );

  app.register(async (scope: HttpApp) => {
    await registerUploads(scope, heldTerms, { maxFileBytes: MAX_TERMS_BYTES, maxFiles: 1, maxFields: 8 });
    scope.put(
      '/program',
      {
        ...adminOnly,
        schema: {
          ...common,
          summary: 'Create a program (no `id`) or change one',
          description:
            'multipart/form-data with the terms in `new_program_file` (a PDF), or JSON without a file. ' +
            'Administrators only. 415 terms that are no PDF; 422 a PDF with scripts, attachments or web page code.',
          consumes: ['multipart/form-data', 'application/json'],
          body: ProgramForm,
          response: {
            200: AdminProgramSaveAnswer,
            400: AdminProgramSaveInvalid,
            404: AdminProgramMissing,
            413: AdminProgramSaveInvalid,
            415: AdminProgramSaveInvalid,
            422: AdminProgramSaveInvalid,
          },
        },
      },
      async (request): Promise<Static<typeof AdminProgramSaveAnswer>> => {
        const { id, program_name, is_active, month_price } = request.body;
        if (id === undefined && program_name === undefined)
          throw badRequest("Field 'program_name' is required", 'validation_failed');
        if (id === undefined && month_price === undefined)
          throw badRequest("Field 'month_price' is required", 'validation_failed');
        const fields = {
          ...(id === undefined ? {} : { id }),
          ...(program_name === undefined ? {} : { program_name }),
          ...(is_active === undefined ? {} : { is_active }),
          ...(month_price === undefined
            ? {}
            : { month_price: kopiykyOfField('month_price', month_price, { positive: true }) }),
        };
        const terms = claimUploads(request, heldTerms).byField.get(TERMS_FIELD)?.[0];
        const call = {
          method: 'PUT' as const,
          path: '/staff/programs',
          headers: callerToken(request),
          requestId: request.id,
          response: SavedProgram,
        };
        const saved = terms
          ? await member.forward({ ...call, ...multipartOf(fields, terms.bytes) })
          : await member.request({ ...call, body: fields });
        const [row] = await programRowsFor(context, request, [saved.data]);
        return {
          status: 'success',
          message: id === undefined ? 'Програма успішно створена' : 'Програму успішно оновлено',
          data: row!,
        };
      },
    );
  });
}

/** The form again, with the price in kopiyky, as the member service reads it. */
function multipartOf(fields: Record<string, string | number | boolean>, terms: Buffer) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, String(value));
  form.append(TERMS_FIELD, new Blob([terms], { type: 'application/pdf' }), 'terms.pdf');
  const encoded = new Response(form);
  return {
    body: Readable.fromWeb(encoded.body as import('node:stream/web').ReadableStream),
    contentType: encoded.headers.get('content-type') ?? 'multipart/form-data',
  };
}

import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { Program } from '@kasa/contracts';
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
import { type GatewayContext, kopiykyOfField } from '@kasa/runtime';
import { Type } from 'typebox';
import { adminOnly, staffOnly } from '../access.ts';
import { SiteProgram, siteProgram } from '../member-views.ts';

const Id = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
const common = { tags: ['programs'], security: bearerSecurity };
const TERMS_FIELD = 'new_program_file';
const MAX_TERMS_BYTES = 10 * 1024 * 1024;

const ProgramList = Type.Object({ status: Type.String(), data: Type.Array(Program) });
const OneProgram = Type.Object({ status: Type.String(), data: Program });
const SavedProgram = Type.Object({ status: Type.String(), message: Type.String(), data: Program });

const ProgramForm = Type.Object({
  id: Type.Optional(Id),
  program_name: Type.String({ minLength: 1, maxLength: 128, pattern: '\\S' }),
  month_price: Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.String({ maxLength: 20 })], {
    description: 'hryvnias, at most two decimals',
  }),
  is_active: Type.Boolean(),
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
export function programRoutes(app: HttpApp, { services }: GatewayContext): void {
  const member = services.member;

  app.get(
    '/programs',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: 'Every program, active or not',
        response: { 200: Type.Object({ status: Type.String(), data: Type.Array(SiteProgram) }) },
      },
    },
    async (request) => {
      const { data } = await member.request({
        method: 'GET',
        path: '/staff/programs',
        headers: callerToken(request),
        requestId: request.id,
        response: ProgramList,
      });
      return { status: 'success', data: data.map(siteProgram) };
    },
  );

  app.post(
    '/program',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: 'One program',
        body: Type.Object({ id: Id }),
        response: { 200: Type.Object({ status: Type.String(), data: SiteProgram }) },
      },
    },
    async (request) => {
      const { data } = await member.request({
        method: 'GET',
        path: `/staff/programs/${request.body.id}`,
        headers: callerToken(request),
        requestId: request.id,
        response: OneProgram,
      });
      return { status: 'success', data: siteProgram(data) };
    },
  );

  app.get(
    '/program/:filename',
    {
      schema: {
        tags: ['programs'],
        summary: "A program's terms document (public, as members read it before joining)",
        params: Type.Object({ filename: Type.String({ maxLength: 256 }) }),
        produces: ['application/pdf'],
      },
    },
    (request, reply) =>
      sendDownload(
        reply,
        member.download({
          path: `/programs/terms/${encodeURIComponent(request.params.filename)}`,
          requestId: request.id,
        }),
      ),
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
            'Administrators only.',
          consumes: ['multipart/form-data', 'application/json'],
          body: ProgramForm,
          response: {
            200: Type.Object({ status: Type.String(), message: Type.String(), data: SiteProgram }),
          },
        },
      },
      async (request) => {
        const { id, program_name, is_active, month_price } = request.body;
        const kopiyky = kopiykyOfField('month_price', month_price, { positive: true });
        const fields = { ...(id === undefined ? {} : { id }), program_name, is_active, month_price: kopiyky };
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
        return { ...saved, data: siteProgram(saved.data) };
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

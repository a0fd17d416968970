import {
  MemberProfile,
  MessageAnswer,
  MobileFileNotFound,
  MobileProfileCreateAnswer,
  MobileProfileEditAnswer,
  MobileProfileFormError,
  MobileProfileGetAnswer,
  MobileProfileNotApproved,
  MobileProfileWrongAnswer,
  MobileProgramChangeAnswer,
  MobileProgramChangeError,
  MobileProgramListAnswer,
  Program,
} from '@kasa/contracts';
import {
  asCaller,
  bearerSecurity,
  callerToken,
  forwardedBody,
  type HttpApp,
  notFound,
  requireAuth,
  sendDownload,
} from '@kasa/http';
import { type GatewayContext, staffUserRowsFor } from '@kasa/runtime';
import type { FastifyRequest } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import { seedErrors, signedIn } from '../access.ts';
import { passFormOn } from '../form-passing.ts';
import { phoneConfirmation } from '../phone-confirmation.ts';
import { mobileProfile, mobileProgram, mobileProgramChange, ProgramChange } from './member.view.ts';

/**
 * Forms are checked by the member service against its schema (a multipart body reaches it
 * unread); the schema here documents them.
 */
const checkedByService = { validatorCompiler: () => () => true };

/** A file route's declared errors; typed loosely so the handler may answer with the file itself. */
const fileErrors: Record<number, TSchema> = { 404: MobileFileNotFound };
const FileDoc = (description: string) => Type.Optional(Type.String({ format: 'binary', description }));
const form = (properties: Record<string, TSchema>) => Type.Object(properties);

const isMultipart = (request: FastifyRequest) =>
  request.headers['content-type']?.startsWith('multipart/form-data') === true;

/** A form the app sends as multipart (streamed on unread), urlencoded or JSON. */
function sendForm<T extends TSchema>(
  { services }: GatewayContext,
  request: FastifyRequest,
  call: { method: 'POST' | 'PATCH'; path: string; response: T },
): Promise<Static<T>> {
  const common = { ...call, headers: callerToken(request), requestId: request.id };
  if (isMultipart(request)) {
    return services.member.forward({ ...common, ...forwardedBody(request) });
  }
  return services.member.request({ ...common, body: request.body ?? {} });
}

/**
 * profile/edit, whose new phone the member service takes only with the auth service's proof:
 * the gateway trades the form's `code` for it and sends it on with the form as `phone_proof`.
 * Without a code, the member service refuses the new phone and the code is texted to it. A
 * multipart form streams on as every upload does, its `phone` and `code` read on the way.
 */
function editProfile(
  context: GatewayContext,
  request: FastifyRequest,
): Promise<Static<typeof MessageAnswer>> {
  const { member } = context.services;
  const phones = phoneConfirmation(context, request);
  const call = {
    method: 'PATCH',
    path: '/me/profile',
    response: MessageAnswer,
    ...asCaller(request),
  } as const;
  if (isMultipart(request)) {
    const form = passFormOn(forwardedBody(request), {
      read: ['phone', 'code'],
      add: async ({ phone, code }) =>
        code === undefined ? null : { name: 'phone_proof', value: await phones.proofFor(phone, code) },
    });
    return phones.askingForCode(
      () => member.forward({ ...call, ...form.body }),
      async () => (await form.fields).phone,
    );
  }
  const body = request.body ?? {};
  if (typeof body !== 'object' || Array.isArray(body)) return member.request({ ...call, body });
  const { code, ...fields } = body as Record<string, unknown>;
  return phones.askingForCode(
    async () => {
      const proof = code === undefined ? {} : { phone_proof: await phones.proofFor(fields.phone, code) };
      return member.request({ ...call, body: { ...fields, ...proof } });
    },
    async () => fields.phone,
  );
}

/** Members' profiles, programs and files (SPEC §6 rows 1, 5–10). */
export function profileRoutes(app: HttpApp, context: GatewayContext): void {
  const { services } = context;
  const publicUrl = context.config.PUBLIC_URL.replace(/\/+$/, '');

  app.post(
    '/user/profile/create',
    {
      ...signedIn,
      ...checkedByService,
      schema: {
        tags: ['profile'],
        summary: 'Send the profile with identity documents and the chosen program',
        description:
          'multipart/form-data. `inn` is required, and either both ID card sides (`id_1`, `id_2`) or the ' +
          'passport book pages (`book_1`, `book_2`, `book_address`). Files: JPEG, PNG, HEIC or PDF, up to ' +
          '10 MB each. 400 names the wrong field, 413 a file too large, 415 a file of another type, 422 a ' +
          'picture of too many pixels or a PDF with scripts, attachments or web page code; then nothing is kept.',
        security: bearerSecurity,
        consumes: ['multipart/form-data'],
        body: form({
          first_name: Type.String(),
          middle_name: Type.Optional(Type.String()),
          last_name: Type.String(),
          email: Type.String({ format: 'email' }),
          program_id: Type.Integer(),
          iban: Type.String({ examples: ['UA213223130000026007233566001'] }),
          inn: Type.String({ format: 'binary', description: 'The tax number card' }),
          id_1: FileDoc('ID card, front'),
          id_2: FileDoc('ID card, back'),
          book_1: FileDoc('Passport book, page 1'),
          book_2: FileDoc('Passport book, page 2'),
          book_address: FileDoc('Passport book, address page'),
        }),
        response: {
          200: MobileProfileCreateAnswer,
          400: MobileProfileFormError,
          409: MobileProfileFormError,
          413: MobileProfileFormError,
          415: MobileProfileFormError,
          422: MobileProfileFormError,
        },
      },
    },
    (request) =>
      services.member.forward({
        method: 'POST',
        path: '/me/profile',
        headers: callerToken(request),
        requestId: request.id,
        ...forwardedBody(request),
        response: MessageAnswer,
      }),
  );

  app.post(
    '/user/profile/edit',
    {
      ...signedIn,
      ...checkedByService,
      schema: {
        tags: ['profile'],
        summary: 'Change the email, phone or photo',
        description:
          '422 "Can not assign this phone number" when the phone belongs to another member. A new phone ' +
          'is taken only with the code Kasa texts to it. Sent without `code`, nothing is changed (the ' +
          'email and photo neither), a code goes to the new phone and the answer is 422 "We sent a code ' +
          "to +380…: send it with the phone as 'code'\" (X-Error-Code `phone_code_sent`). Sent again with " +
          'that `code`, the form is saved and every session of the member ends: they sign in with the ' +
          'new phone. 422 for a wrong or expired code; 429 with Retry-After over the limits of sign-in ' +
          'codes. The phone the member has needs no code. Apps that know of codes may use ' +
          '`POST /user/phone/code` and `POST /user/phone` instead.',
        security: bearerSecurity,
        consumes: ['multipart/form-data', 'application/x-www-form-urlencoded', 'application/json'],
        body: form({
          email: Type.Optional(Type.String({ format: 'email' })),
          phone: Type.Optional(Type.String({ examples: ['+380671234567'] })),
          code: Type.Optional(
            Type.String({
              maxLength: 16,
              description: 'The code texted to the new phone',
              examples: ['123456'],
            }),
          ),
          photo: FileDoc('JPEG, PNG or HEIC'),
        }),
        response: {
          200: MobileProfileEditAnswer,
          400: MobileProfileFormError,
          413: MobileProfileFormError,
          415: MobileProfileFormError,
          422: MobileProfileFormError,
          429: MobileProfileFormError,
        },
      },
    },
    (request) => editProfile(context, request),
  );

  app.post(
    '/user/profile/wrong',
    {
      ...signedIn,
      ...checkedByService,
      schema: {
        tags: ['profile'],
        summary: 'Report a mistake in the name or birth date',
        security: bearerSecurity,
        consumes: ['application/x-www-form-urlencoded', 'multipart/form-data', 'application/json'],
        body: form({
          first_name: Type.Optional(Type.String()),
          middle_name: Type.Optional(Type.String()),
          last_name: Type.Optional(Type.String()),
          birth_date: Type.Optional(Type.String({ description: 'dd.mm.yyyy' })),
        }),
        response: { 200: MobileProfileWrongAnswer, 400: MobileProfileFormError },
      },
    },
    (request) =>
      sendForm(context, request, { method: 'POST', path: '/me/corrections', response: MessageAnswer }),
  );

  app.get(
    '/user/profile/get',
    {
      ...signedIn,
      schema: {
        tags: ['profile'],
        summary: 'The approved profile with the current program',
        description: '403 "Your profile is not approved yet" until staff approve it.',
        security: bearerSecurity,
        response: { 200: MobileProfileGetAnswer, 403: MobileProfileNotApproved },
      },
    },
    async (request) => {
      const profile = await services.member.request({
        method: 'GET',
        path: '/me/profile',
        headers: callerToken(request),
        requestId: request.id,
        response: MemberProfile,
      });
      return mobileProfile(profile, publicUrl);
    },
  );

  app.get(
    '/program/list',
    {
      config: seedErrors,
      schema: {
        tags: ['programs'],
        summary: 'The programs members can join',
        response: { 200: MobileProgramListAnswer },
      },
    },
    async (request) => {
      const { data } = await services.member.request({
        method: 'GET',
        path: '/programs',
        requestId: request.id,
        response: Type.Object({ data: Type.Array(Program) }),
      });
      return data.map((program) => mobileProgram(program, publicUrl));
    },
  );

  app.post(
    '/program/change',
    {
      // The seed's program_change answers its errors with `status` (its token check did not).
      onRequest: requireAuth(),
      ...checkedByService,
      schema: {
        tags: ['programs'],
        summary: 'Ask to move to another program',
        description:
          'Takes effect when staff approve it. Asking for the current program withdraws the request ' +
          '(409 when there is none). 422 for a program that is not open to join.',
        security: bearerSecurity,
        consumes: ['application/x-www-form-urlencoded', 'multipart/form-data', 'application/json'],
        body: form({ program_id: Type.Integer() }),
        response: {
          200: MobileProgramChangeAnswer,
          400: MobileProgramChangeError,
          409: MobileProgramChangeError,
          422: MobileProgramChangeError,
        },
      },
    },
    async (request) => {
      const change = await sendForm(context, request, {
        method: 'POST',
        path: '/me/program-change',
        response: ProgramChange,
      });
      const { program } = change.member_program;
      const users = await staffUserRowsFor(context, request, [program.created_by, program.updated_by]);
      return mobileProgramChange(change, publicUrl, users);
    },
  );

  app.get(
    '/program/:filename',
    {
      config: seedErrors,
      schema: {
        tags: ['programs'],
        summary: "A program's terms document",
        params: Type.Object({ filename: Type.String({ maxLength: 256 }) }),
        produces: ['application/pdf'],
      },
    },
    (request, reply) =>
      sendDownload(
        reply,
        services.member.download({
          path: `/programs/terms/${encodeURIComponent(request.params.filename)}`,
          requestId: request.id,
        }),
      ),
  );

  app.get(
    '/files/:uid/:filename',
    {
      ...signedIn,
      schema: {
        tags: ['profile'],
        summary: "One of the member's own files",
        description: "404 for any other member's file, and for any name that is not one of ours.",
        security: bearerSecurity,
        params: Type.Object({
          uid: Type.String({ maxLength: 32 }),
          filename: Type.String({ maxLength: 256 }),
        }),
        produces: ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'],
        response: fileErrors,
      },
    },
    (request, reply) => {
      if (request.params.uid !== request.user.sub) throw notFound('File not found', 'file_not_found');
      return sendDownload(
        reply,
        services.member.download({
          path: `/me/files/${encodeURIComponent(request.params.filename)}`,
          headers: callerToken(request),
          requestId: request.id,
        }),
      );
    },
  );
}

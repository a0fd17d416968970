import {
  calendarDateOfSeedDate,
  MemberProfile,
  MemberProgram,
  MemberRecord,
  MessageAnswer,
  Program,
  StoredFileName,
} from '@kasa/contracts';
import { withStoredUploads } from '@kasa/files/http';
import { badRequest, callerId, type HttpApp } from '@kasa/http';
import { type Static, Type } from 'typebox';
import { changeProgram } from '../application/change-program.ts';
import { editProfile } from '../application/edit-profile.ts';
import { memberProfile } from '../application/member-profile.ts';
import { requestCorrection } from '../application/request-correction.ts';
import { submitProfile } from '../application/submit-profile.ts';
import type { MemberDeps } from '../deps.ts';
import { DOCUMENT_FIELDS } from '../domain/documents.ts';
import { memberRecordView, programView } from './member.view.ts';
import { pendingMemberProgramView } from './member-program.view.ts';

const Name = Type.String({ minLength: 1, maxLength: 64, pattern: '\\S' });
const Email = Type.String({ format: 'email', maxLength: 254 });
const ProgramId = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
const BirthDate = Type.String({ pattern: '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$', description: 'dd.mm.yyyy' });
/** In a form, a file field holds the name the store gave the file. */
const FileField = (description: string) => Type.Optional({ ...StoredFileName, description });

const ProfileCreateForm = Type.Object({
  first_name: Name,
  middle_name: Type.Optional(Type.Union([Name, Type.Literal('')])),
  last_name: Name,
  email: Email,
  program_id: ProgramId,
  iban: Type.String({ minLength: 1, maxLength: 40 }),
  inn: { ...StoredFileName, description: 'The tax number card' },
  id_1: FileField('ID card, front'),
  id_2: FileField('ID card, back'),
  book_1: FileField('Passport book, page 1'),
  book_2: FileField('Passport book, page 2'),
  book_address: FileField('Passport book, address page'),
});

const ProfileEditForm = Type.Object({
  email: Type.Optional(Email),
  phone: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  phone_proof: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 2048,
      description: "The auth service's proof that the member holds the new `phone` (a signed token)",
    }),
  ),
  code: Type.Optional(
    Type.String({
      maxLength: 16,
      description: 'The code texted to the new phone, for the gateway: it trades it for `phone_proof`',
    }),
  ),
  photo: FileField('A photo of the member: JPEG, PNG or HEIC'),
});

const CorrectionForm = Type.Object({
  first_name: Type.Optional(Name),
  middle_name: Type.Optional(Name),
  last_name: Type.Optional(Name),
  birth_date: Type.Optional(BirthDate),
});

/**
 * `data` is the program asked for; `member_program` the change as the seed's Member_program row
 * (its member in `member`), for the gateway to answer the seed's `data` with.
 */
const ProgramChangeAnswer = Type.Object({
  status: Type.String(),
  message: Type.String(),
  data: Program,
  member: MemberRecord,
  member_program: MemberProgram,
});

/** The member's own profile: the token's subject, never an id from the request. */
export function memberProfileRoutes(app: HttpApp, deps: MemberDeps): void {
  const documentPolicies = Object.fromEntries(
    Object.keys(DOCUMENT_FIELDS).map((field) => [field, deps.policies.document]),
  );

  app.post(
    '/me/profile',
    {
      config: { uploadFields: documentPolicies },
      schema: {
        summary: 'Send the profile with identity documents and the chosen program',
        description:
          'multipart/form-data. `inn` is required, and either both ID card sides (`id_1`, `id_2`) or the ' +
          'passport book pages (`book_1`, `book_2`, `book_address`). Files: JPEG, PNG, HEIC or PDF.',
        consumes: ['multipart/form-data'],
        body: ProfileCreateForm,
        response: { 200: MessageAnswer },
      },
    },
    (request) =>
      withStoredUploads(request, deps.files, async (files) => {
        const form = request.body;
        const documents = Object.entries(DOCUMENT_FIELDS).flatMap(([field, type]) =>
          (files.get(field) ?? []).map((file) => ({ type, file })),
        );
        await submitProfile(deps, callerId(request), {
          firstName: form.first_name.trim(),
          middleName: form.middle_name?.trim() || null,
          lastName: form.last_name.trim(),
          email: form.email,
          programId: form.program_id,
          iban: form.iban,
          documents,
        });
        return { message: 'Profile successfully created' };
      }),
  );

  app.patch(
    '/me/profile',
    {
      config: { uploadFields: { photo: deps.policies.photo } },
      schema: {
        summary: 'Change the email, phone or photo',
        description:
          'multipart/form-data or JSON. 422 when the phone belongs to another member; 422 ' +
          '`phone_unconfirmed` for a new phone without `phone_proof`, `phone_proof_invalid` with a proof ' +
          'for another member, phone or former phone, or an expired one. Then nothing of the form is kept.',
        consumes: ['multipart/form-data', 'application/json'],
        body: ProfileEditForm,
        response: { 200: MessageAnswer },
      },
    },
    (request) =>
      withStoredUploads(request, deps.files, async (files) => {
        const { email, phone, phone_proof: proof } = request.body;
        const photo = files.get('photo')?.[0];
        await editProfile(deps, callerId(request), {
          ...(email === undefined ? {} : { email }),
          ...(phone === undefined ? {} : { phone }),
          ...(proof === undefined ? {} : { phoneProof: deps.readPhoneProof(proof) }),
          ...(photo === undefined ? {} : { photo }),
        });
        return { message: 'Profile successfully updated' };
      }),
  );

  app.post(
    '/me/corrections',
    {
      schema: {
        summary: 'Report a mistake in the name or birth date',
        consumes: ['application/json', 'multipart/form-data'],
        body: CorrectionForm,
        response: { 200: MessageAnswer },
      },
    },
    async (request) => {
      const { first_name, middle_name, last_name, birth_date } = request.body;
      const birthDate = birth_date === undefined ? undefined : calendarDateOfSeedDate(birth_date);
      if (birthDate === null) throw badRequest(`Field 'birth_date' is not a date`, 'invalid_date');
      await requestCorrection(deps, callerId(request), {
        ...(first_name === undefined ? {} : { firstName: first_name.trim() }),
        ...(middle_name === undefined ? {} : { middleName: middle_name.trim() }),
        ...(last_name === undefined ? {} : { lastName: last_name.trim() }),
        ...(birthDate === undefined ? {} : { birthDate }),
      });
      return { message: 'Request successfully sent' };
    },
  );

  app.get(
    '/me/profile',
    {
      schema: {
        summary: 'The approved profile with the current program',
        description: '403 until staff approve the profile.',
        response: { 200: MemberProfile },
      },
    },
    (request) => memberProfile(deps, callerId(request)),
  );

  app.post(
    '/me/program-change',
    {
      schema: {
        summary: 'Ask to move to another program',
        description:
          'Takes effect when staff approve it. Asking for the current program withdraws the request.',
        consumes: ['application/json', 'multipart/form-data'],
        body: Type.Object({ program_id: ProgramId }),
        response: { 200: ProgramChangeAnswer },
      },
    },
    async (request): Promise<Static<typeof ProgramChangeAnswer>> => {
      const { program, member, requestedAt } = await changeProgram(
        deps,
        callerId(request),
        request.body.program_id,
      );
      return {
        status: 'success',
        message: 'Request for program change successfully sent',
        data: programView(program),
        member: memberRecordView(member),
        member_program: pendingMemberProgramView(member.id, program, requestedAt),
      };
    },
  );
}

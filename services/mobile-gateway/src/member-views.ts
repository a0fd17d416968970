import { hryvniasOf, type MemberProfile, type Program } from '@kasa/contracts';
import { type Static, type TSchema, Type } from 'typebox';

/** The shapes the app reads: prices in hryvnias, files as addresses on this gateway. */
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const AppProgram = Type.Object({
  program_id: Type.Integer(),
  program_name: Type.String(),
  /** The terms file's name, as the seed gave it: `GET /program/{program_file}`. */
  program_file: Nullable(Type.String()),
  program_file_url: Nullable(Type.String({ description: 'Where to read the terms' })),
  month_price: Type.Number({ description: 'hryvnias' }),
});

export const AppProfile = Type.Object({
  id: Type.Integer(),
  first_name: Nullable(Type.String()),
  middle_name: Nullable(Type.String()),
  last_name: Nullable(Type.String()),
  phone: Type.String(),
  email: Nullable(Type.String()),
  birth_date: Nullable(Type.String({ description: 'dd.mm.yyyy' })),
  passport_data: Nullable(Type.String()),
  inn: Nullable(Type.String()),
  actual_iban: Nullable(Type.String()),
  photo: Type.String({ description: "The photo's address, or empty when there is none" }),
  certificate: Nullable(Type.String()),
  expiration_date: Nullable(
    Type.String({ description: 'dd.mm.yyyy: the membership is paid until this day' }),
  ),
  is_active: Type.Boolean(),
  is_submited: Type.Boolean(),
  created_at: Type.String(),
  updated_at: Type.String(),
  program: Nullable(AppProgram),
});

export function appProgram(program: Static<typeof Program>, publicUrl: string): Static<typeof AppProgram> {
  const { program_id, program_name, program_file, month_price } = program;
  return {
    program_id,
    program_name,
    program_file,
    program_file_url: program_file === null ? null : `${publicUrl}/program/${program_file}`,
    month_price: hryvniasOf(month_price),
  };
}

export function appProfile(
  profile: Static<typeof MemberProfile>,
  publicUrl: string,
): Static<typeof AppProfile> {
  return {
    id: profile.id,
    first_name: profile.first_name,
    middle_name: profile.middle_name,
    last_name: profile.last_name,
    phone: profile.phone,
    email: profile.email,
    birth_date: profile.birth_date,
    passport_data: profile.passport_data,
    inn: profile.inn,
    actual_iban: profile.actual_iban,
    photo: profile.photo === null ? '' : `${publicUrl}/files/${profile.id}/${profile.photo}`,
    certificate: profile.certificate,
    expiration_date: profile.expiration_date,
    is_active: profile.is_active,
    is_submited: profile.is_submited,
    created_at: profile.created_at,
    updated_at: profile.updated_at,
    program: profile.program === null ? null : appProgram(profile.program, publicUrl),
  };
}

import { hryvniasOf, type MemberProfile, MemberRecord, Nullable, type Program } from '@kasa/contracts';
import { type Static, Type } from 'typebox';

/** The shapes the app reads: prices in hryvnias, files as addresses on this gateway. */

export const AppProgram = Type.Object({
  program_id: Type.Integer(),
  program_name: Type.String(),
  /** The terms file's name, as the seed gave it: `GET /program/{program_file}`. */
  program_file: Nullable(Type.String()),
  program_file_url: Nullable(Type.String({ description: 'Where to read the terms' })),
  month_price: Type.Number({ description: 'hryvnias' }),
});

/** The member as `profile/get` shows them (as the seed did), the photo as an address. */
export const AppProfile = Type.Object({
  ...MemberRecord.properties,
  photo: Type.String({ description: "The photo's address, or empty when there is none" }),
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
    ...profile,
    photo: profile.photo === null ? '' : `${publicUrl}/files/${profile.id}/${profile.photo}`,
    program: profile.program === null ? null : appProgram(profile.program, publicUrl),
  };
}

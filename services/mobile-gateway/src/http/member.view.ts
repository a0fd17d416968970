import {
  hryvniasOf,
  type MemberProfile,
  MemberProgram,
  MemberRecord,
  type MobileProfileGetAnswer,
  type MobileProgram,
  type MobileProgramChangeAnswer,
  type Program,
  programFileUrl,
  type SeedUserRow,
  seedDateOfCalendarDate,
  seedMemberProgramRow,
  seedMemberRow,
  seedProgramRow,
} from '@kasa/contracts';
import { type Static, Type } from 'typebox';

/**
 * The member service's answers as the seed's app reads them (libs/contracts clients/
 * mobile-profile.ts): prices in hryvnias, files as full URLs on this gateway.
 */

export function mobileProgram(
  program: Static<typeof Program>,
  publicUrl: string,
): Static<typeof MobileProgram> {
  const { program_id, program_name, program_file, month_price } = program;
  const url = program_file === null ? null : programFileUrl(publicUrl, program_file);
  return {
    program_id,
    program_name,
    program_file: url,
    program_file_url: url,
    month_price: hryvniasOf(month_price),
  };
}

const seedDay = (day: string | null) => (day === null ? null : seedDateOfCalendarDate(day));

/** `profile/get`: the member's row with the seed's days, the photo's URL and the program. */
export function mobileProfile(
  profile: Static<typeof MemberProfile>,
  publicUrl: string,
): Static<typeof MobileProfileGetAnswer> {
  const { program, ...member } = profile;
  return {
    ...seedMemberRow(member),
    birth_date: seedDay(member.birth_date),
    expiration_date: seedDay(member.expiration_date),
    photo: member.photo === null ? '' : `${publicUrl}/files/${member.id}/${member.photo}`,
    has_correction_request: member.has_correction_request,
    program: program === null ? null : mobileProgram(program, publicUrl),
  };
}

/** What the member service answers a change of program with (the parts the seed's row is made of). */
export const ProgramChange = Type.Object({
  status: Type.String(),
  message: Type.String(),
  member: MemberRecord,
  member_program: MemberProgram,
});

/** `/program/change`: the change as the seed's Member_program row, member and program nested. */
export function mobileProgramChange(
  change: Static<typeof ProgramChange>,
  publicUrl: string,
  users: ReadonlyMap<number, SeedUserRow>,
): Static<typeof MobileProgramChangeAnswer> {
  const { status, message, member, member_program } = change;
  return {
    status,
    message,
    data: seedMemberProgramRow(member_program, {
      member: seedMemberRow(member),
      program: seedProgramRow(member_program.program, { publicUrl, users }),
    }),
  };
}

import { type Static, Type } from 'typebox';
import type { MemberRecord, Program } from '../http/members.ts';
import { Nullable } from '../http/members.ts';
import type { StaffUserRecord } from '../http/sign-in.ts';
import { hryvniasOf } from '../money.ts';
import { HttpDate, httpDateOf, httpDateOfDay } from './seed-formats.ts';

/**
 * The seed's rows as peewee's `model_to_dict` gave them to `jsonify` (seeds/000, tables
 * 2.1–2.13): every column under its field name, a foreign key as the related row nested
 * whole (recursively), DATETIME and DATE columns as RFC 1123 text. Column types decide JSON
 * types: peewee makes a BooleanField a TINYINT(1), so those columns are booleans; an INT
 * column (`has_new_request`, users' and programs' `is_active`) is an IntegerField, a number.
 * FLOAT money is a JSON number of hryvnias.
 *
 * Kasa may add fields; it never leaves one of these out or changes its type. One deliberate
 * difference: a user row never carries the password hash the seed leaked with it.
 */

const Id = Type.Integer({ minimum: 1 });
const Flag = Type.Boolean();
/** An INT column used as a flag: 1 or 0. */
const IntFlag = Type.Integer({ minimum: 0, maximum: 1 });

/** Table 2.2 (Members), as `model_to_dict(member)`. */
export const SeedMemberRow = Type.Object({
  id: Id,
  first_name: Nullable(Type.String()),
  middle_name: Nullable(Type.String()),
  last_name: Nullable(Type.String()),
  phone: Type.String(),
  email: Nullable(Type.String()),
  birth_date: Nullable(HttpDate),
  passport_data: Nullable(Type.String()),
  inn: Nullable(Type.String()),
  actual_iban: Nullable(Type.String()),
  /** The photo's file name (fetched by staff with `POST /files`). */
  photo: Nullable(Type.String()),
  /** What Diia answered when the member imported their documents from it. */
  diia_answer: Nullable(Type.String()),
  created_at: HttpDate,
  updated_at: HttpDate,
  certificate: Nullable(Type.String()),
  /** The last paid day, as the DATETIME's midnight. */
  expiration_date: Nullable(HttpDate),
  has_new_request: IntFlag,
  is_active: Flag,
  is_submited: Flag,
  has_new_program_change: Flag,
  has_new_passport_data: Flag,
});

/** Table 2.4 (Users), without the password hash. */
export const SeedUserRow = Type.Object({
  id: Id,
  login: Type.String(),
  name: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  is_active: IntFlag,
  created_at: HttpDate,
  updated_at: HttpDate,
});

/** Table 2.5 (Request_status). */
export const SeedRequestStatusRow = Type.Object({ id: Id, name: Type.String(), alias: Type.String() });

/** Table 2.10 (Payment_types). */
export const SeedPaymentTypeRow = Type.Object({ id: Id, name: Type.String() });

/** Table 2.11 (Identity_types). */
export const SeedIdentityTypeRow = Type.Object({ id: Id, name: Type.String() });

/** Table 2.7 (Programs): `program_file` is the full URL of the terms. */
export const SeedProgramRow = Type.Object({
  id: Id,
  program_name: Type.String(),
  program_file: Nullable(Type.String({ description: 'The full URL of the terms document' })),
  created_at: HttpDate,
  updated_at: HttpDate,
  created_by: Nullable(SeedUserRow),
  updated_by: Nullable(SeedUserRow),
  month_price: Type.Number({ description: 'hryvnias' }),
  is_active: IntFlag,
});

/** Table 2.6 (Requests), with its member and status nested. */
export const SeedRequestRow = Type.Object({
  id: Id,
  request_text: Type.String(),
  member: SeedMemberRow,
  created_at: HttpDate,
  updated_at: HttpDate,
  suma: Type.Number({ description: 'hryvnias granted' }),
  status: SeedRequestStatusRow,
  diagnos: Nullable(Type.String()),
});

/** Table 2.9 (Payments). */
export const SeedPaymentRow = Type.Object({
  id: Id,
  created_at: HttpDate,
  updated_at: HttpDate,
  iban: Nullable(Type.String()),
  payment_type: SeedPaymentTypeRow,
  payment_identifier: Nullable(Type.String()),
  member: SeedMemberRow,
  request: Nullable(SeedRequestRow),
  payment_date: Nullable(HttpDate),
  amount: Type.Number({ description: 'hryvnias' }),
});

/** Table 2.3 (Files). */
export const SeedFileRow = Type.Object({
  id: Id,
  filename: Type.String(),
  request: Nullable(SeedRequestRow),
  created_at: HttpDate,
  updated_at: HttpDate,
  member: Nullable(SeedMemberRow),
});

/** Table 2.1 (Request_messages): who wrote it is `member` or `user`, the other null. */
export const SeedMessageRow = Type.Object({
  id: Id,
  created_at: HttpDate,
  updated_at: HttpDate,
  message: Type.String(),
  request: SeedRequestRow,
  member: Nullable(SeedMemberRow),
  user: Nullable(SeedUserRow),
});

/** Table 2.8 (Member_program); the admin card and `/program/change` answer it. */
export const SeedMemberProgramRow = Type.Object({
  id: Id,
  member: SeedMemberRow,
  program: SeedProgramRow,
  created_at: HttpDate,
  updated_at: HttpDate,
  is_active: Flag,
  is_new: Flag,
});

/** Table 2.12 (Member_identity). */
export const SeedMemberIdentityRow = Type.Object({
  id: Id,
  member: SeedMemberRow,
  file: SeedFileRow,
  identity_type: SeedIdentityTypeRow,
  created_at: HttpDate,
  updated_at: HttpDate,
  is_active: Flag,
  is_new: Flag,
});

export type SeedMemberRow = Static<typeof SeedMemberRow>;
export type SeedUserRow = Static<typeof SeedUserRow>;
export type SeedProgramRow = Static<typeof SeedProgramRow>;
export type SeedRequestRow = Static<typeof SeedRequestRow>;
export type SeedPaymentRow = Static<typeof SeedPaymentRow>;
export type SeedFileRow = Static<typeof SeedFileRow>;
export type SeedMessageRow = Static<typeof SeedMessageRow>;
export type SeedMemberProgramRow = Static<typeof SeedMemberProgramRow>;
export type SeedMemberIdentityRow = Static<typeof SeedMemberIdentityRow>;

const dayOrNull = (day: string | null) => (day === null ? null : httpDateOfDay(day));

/** A member as the seed's rows nest one, from the member service's record. */
export function seedMemberRow(member: Static<typeof MemberRecord>): SeedMemberRow {
  return {
    ...member,
    birth_date: dayOrNull(member.birth_date),
    expiration_date: dayOrNull(member.expiration_date),
    has_new_request: member.has_new_request ? 1 : 0,
    created_at: httpDateOf(member.created_at),
    updated_at: httpDateOf(member.updated_at),
  };
}

/** A staff account as the seed's rows nest one (the auth service's record, no password hash). */
export function seedUserRow(user: Static<typeof StaffUserRecord>): SeedUserRow {
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    email: user.email,
    phone: user.phone,
    is_active: user.is_active ? 1 : 0,
    created_at: httpDateOf(user.created_at),
    updated_at: httpDateOf(user.updated_at),
  };
}

/** Where `GET /program/<filename>` serves a program's terms, as the seed stored it (table 2.7). */
export function programFileUrl(publicUrl: string, file: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/program/${encodeURIComponent(file)}`;
}

/**
 * A program as the seed's rows nest one, from the member service's record. `publicUrl` is the
 * admin gateway's (where the terms are served); `users` holds the staff who created or changed
 * programs, by id (one who is gone, or unknown, nests as null).
 */
export function seedProgramRow(
  program: Static<typeof Program>,
  { publicUrl, users }: { publicUrl: string; users: ReadonlyMap<number, SeedUserRow> },
): SeedProgramRow & { program_id: number } {
  const userOf = (id: number | null) => (id === null ? null : (users.get(id) ?? null));
  return {
    id: program.program_id,
    program_id: program.program_id,
    program_name: program.program_name,
    program_file: program.program_file === null ? null : programFileUrl(publicUrl, program.program_file),
    created_at: httpDateOf(program.created_at),
    updated_at: httpDateOf(program.updated_at),
    created_by: userOf(program.created_by),
    updated_by: userOf(program.updated_by),
    month_price: hryvniasOf(program.month_price),
    is_active: program.is_active ? 1 : 0,
  };
}

import {
  type AdminCardMemberRow,
  type AdminMemberCardAnswer,
  type AidRequest,
  hryvniasOf,
  type MemberCard,
  type MemberRecord,
  Nullable,
  type PaymentRecord,
  type Program,
  type SeedMemberRow,
  type SeedUserRow,
  seedMemberIdentityRow,
  seedMemberProgramRow,
  seedMemberRow,
  seedPaymentRow,
  seedProgramRow,
  seedRequestRow,
} from '@kasa/contracts';
import { type Static, Type } from 'typebox';

/** A program as the admin site reads it: the price in hryvnias. */
export const SiteProgram = Type.Object({
  program_id: Type.Integer(),
  program_name: Type.String(),
  program_file: Nullable(Type.String({ description: 'The terms file: GET /program/{program_file}' })),
  month_price: Type.Number({ description: 'hryvnias' }),
  is_active: Type.Boolean(),
});

export function siteProgram(program: Static<typeof Program>): Static<typeof SiteProgram> {
  return {
    program_id: program.program_id,
    program_name: program.program_name,
    program_file: program.program_file,
    month_price: hryvniasOf(program.month_price),
    is_active: program.is_active,
  };
}

/** What a program row needs besides the program: where its terms are served and who wrote it. */
export interface ProgramRowContext {
  publicUrl: string;
  users: ReadonlyMap<number, SeedUserRow>;
}

/** The card's own member: the seed's row with `birth_date` as `%Y-%m-%d` (seed `member_get`). */
export function adminCardMemberRow(member: Static<typeof MemberRecord>): Static<typeof AdminCardMemberRow> {
  return { ...seedMemberRow(member), birth_date: member.birth_date, is_active: member.is_active };
}

type Sortable = { id: number };
/** Oldest first by `key` (ISO text sorts as time does), then by id: the seed's `order_by`. */
const oldestFirst =
  <T extends Sortable>(key: (item: T) => string | null) =>
  (a: T, b: T) =>
    (key(a) ?? '').localeCompare(key(b) ?? '') || a.id - b.id;

/** What the card is built from: the member service's card, the member's requests and payments. */
export interface MemberCardSources {
  card: Static<typeof MemberCard>;
  requests: readonly Static<typeof AidRequest>[];
  payments: readonly Static<typeof PaymentRecord>[];
  programs: ProgramRowContext;
}

/**
 * The seed's `member_get` answer. Nested rows carry the member's row as `model_to_dict` nests
 * it (dates RFC 1123); requests by when they last changed and payments by payment date (an
 * unpaid checkout, with none, first), oldest first, and documents oldest changed first, as the
 * seed ordered them.
 */
export function adminMemberCard({
  card,
  requests,
  payments,
  programs,
}: MemberCardSources): Static<typeof AdminMemberCardAnswer> {
  const member: SeedMemberRow = seedMemberRow(card.member);
  const requestRows = [...requests]
    .sort(oldestFirst((one) => one.updated))
    .map((one) => seedRequestRow(one, member));
  const requestRowById = new Map(requestRows.map((row) => [row.id, row]));
  const paymentRows = [...payments].sort(oldestFirst((one) => one.paid_on)).map((one) =>
    seedPaymentRow(one, {
      member,
      request: one.request_id === null ? null : (requestRowById.get(one.request_id) ?? null),
    }),
  );
  const identities = [...card.identities]
    .sort(oldestFirst((one) => one.updated))
    .map((one) => seedMemberIdentityRow(one, member));
  const programRow = (memberProgram: Static<typeof MemberCard>['member_programs'][number]) =>
    seedMemberProgramRow(memberProgram, { member, program: seedProgramRow(memberProgram.program, programs) });
  return {
    member: adminCardMemberRow(card.member),
    actual_program: card.actual_member_program === null ? null : programRow(card.actual_member_program),
    new_program: card.new_member_program === null ? null : programRow(card.new_member_program),
    programs: card.member_programs.map(programRow),
    current_identities: identities.filter((row) => row.is_active),
    new_identities: identities.filter((row) => row.is_new),
    identities,
    requests: requestRows,
    payments: paymentRows,
    corrections: card.corrections,
  };
}

/** The staff who created or last changed the member's programs, for their rows' `created_by`/`updated_by`. */
export function programAuthorsOf(card: Static<typeof MemberCard>): (number | null)[] {
  return card.member_programs.flatMap(({ program }) => [program.created_by, program.updated_by]);
}

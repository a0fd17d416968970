import { type SeedRow, seedDateTimeOfDay, seedFlagOf, seedPhoneOf } from '@kasa/seed-import';
import type { members } from '../db/schema.ts';
import type { ProgramView } from './changes-member-programs.ts';
import { memberOfSeed, phoneStandInOf, type SeedMember } from './member-of-seed.ts';
import type { ComparedColumn } from './planned-columns.ts';

type MemberRow = typeof members.$inferSelect;

/** A member as Kasa holds them, with what the old rows of their programs and documents will say. */
export interface KasaMemberState {
  member: MemberRow;
  /** What the import makes of the member's `member_program` rows once written. */
  programs: ProgramView;
  /** Whether the import finds a document awaiting staff in their `member_identity` rows once written. */
  documentsAwaiting: boolean;
  /** Whether their `member_program` or `member_identity` rows are written: their flags go with them. */
  programsWritten: boolean;
  documentsWritten: boolean;
}

const UNKNOWN = new Date(0);
const ignore = () => {};

/** The old row as the import converts it (`memberOfSeed`), the settling of shared phones and certificates aside. */
export const convertedMember = (id: number) => (row: SeedRow) => memberOfSeed(row, id, UNKNOWN, ignore);

/** Kasa's Diia state as the seed kept it in one column: the answer, or the request's id while it is awaited. */
const diiaOf = (member: MemberRow) => member.diiaAnswer ?? member.diiaRequestId;

type Column = ComparedColumn<KasaMemberState, SeedMember>;

const text = (name: string, pick: (member: MemberRow) => string | null): Column => ({
  name,
  kasa: ({ member }) => pick(member),
  seed: (converted) => pick(converted.values as MemberRow),
  back: ({ member }) => pick(member),
});

/**
 * A member's columns a switch back compares, each as the import reads the old row. Not compared:
 * `created_at` (a member's start does not change; the import dated undated rows itself, which
 * must not go back as if known), `updated_at` (written with any change, as the seed's saves
 * stamped it) and `has_new_request` (the seed's code never wrote it and the import does not read
 * it: Kasa keeps it from the requests, which the request service takes back; a new member's row
 * gets Kasa's).
 */
export const MEMBER_COLUMNS: readonly Column[] = [
  text('first_name', (member) => member.firstName ?? null),
  text('middle_name', (member) => member.middleName ?? null),
  text('last_name', (member) => member.lastName ?? null),
  text('email', (member) => member.email ?? null),
  text('birth_date', (member) => member.birthDate ?? null),
  text('passport_data', (member) => member.passportData ?? null),
  text('inn', (member) => member.taxNumber ?? null),
  text('actual_iban', (member) => member.iban ?? null),
  {
    name: 'phone',
    kasa: ({ member }) => member.phone,
    seed: (converted) => converted.phone,
    back: ({ member }) => seedPhoneOf(member.phone),
    // The seed's phone was none, or another member's: Kasa holds a stand-in, not a phone.
    skip: ({ member }) => member.phone === phoneStandInOf(member.id),
    why: 'not a number the old rules read back as the same phone',
  },
  {
    name: 'certificate',
    kasa: ({ member }) => member.certificate,
    seed: (converted) => converted.certificate,
    back: ({ member }) => member.certificate,
    // Kasa has none where the old row has one: the import may have had to leave it (another member
    // held it first). Settled once the whole table is read (changes-since.ts).
    skip: ({ member }, row) => member.certificate === null && String(row.certificate ?? '').trim() !== '',
  },
  {
    name: 'expiration_date',
    kasa: ({ member }) => member.paidUntil,
    seed: (converted) => converted.values.paidUntil ?? null,
    back: ({ member }) => seedDateTimeOfDay(member.paidUntil),
  },
  {
    name: 'diia_answer',
    kasa: ({ member }) => diiaOf(member),
    seed: (converted) => converted.values.diiaAnswer ?? converted.diiaRequestId,
    back: ({ member }) => diiaOf(member),
  },
  {
    name: 'is_active',
    kasa: ({ member }) => member.isActive,
    seed: (converted) => converted.values.isActive,
    back: ({ member }) => seedFlagOf(member.isActive),
    why: 'blocked before staff approved the profile: the old system reads a cleared is_active on a member not approved as "sent for review"',
  },
  {
    name: 'is_submited',
    kasa: ({ member }) => member.isSubmitted,
    seed: (converted) => converted.values.isSubmitted,
    back: ({ member }) => seedFlagOf(member.isSubmitted),
  },
  {
    name: 'has_new_program_change',
    kasa: ({ member }) => member.hasNewProgramChange,
    // The import sets it from the change asked for when there is one, and from the flag otherwise.
    seed: (converted, _row, { programs }) =>
      programs.asked === null ? converted.values.hasNewProgramChange : programs.pending !== null,
    back: ({ member }) => seedFlagOf(member.hasNewProgramChange),
    // With the rows, the flag the old review list reads (the seed's change form left it as it was).
    rewrite: (converted, _row, { member, programsWritten }) =>
      programsWritten && converted.values.hasNewProgramChange !== member.hasNewProgramChange,
    why: 'the old member_program rows say otherwise',
  },
  {
    name: 'has_new_passport_data',
    kasa: ({ member }) => member.hasNewDocuments,
    seed: (converted, _row, { documentsAwaiting }) => converted.values.hasNewDocuments || documentsAwaiting,
    back: ({ member }) => seedFlagOf(member.hasNewDocuments),
    rewrite: (converted, _row, { member, documentsWritten }) =>
      documentsWritten && converted.values.hasNewDocuments !== member.hasNewDocuments,
    why: 'the old member_identity rows have a document awaiting staff',
  },
];

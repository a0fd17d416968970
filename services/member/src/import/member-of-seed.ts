import {
  dayOfSeedDateTime,
  flagOfSeed,
  phoneOfSeed,
  type SeedRow,
  seedMemberBlocked,
} from '@kasa/seed-import';
import type { members } from '../db/schema.ts';
import { normalizeIban } from '../domain/bank-details.ts';
import { calendarDayOf, changedAt, madeAt, optionalText, type Report, seedFileName } from './seed-values.ts';

export type NewMember = typeof members.$inferInsert;

/** A seed member as Kasa keeps one, before the batch settles who keeps a phone or a certificate. */
export interface SeedMember {
  values: NewMember & { id: number };
  /** The phone as Kasa keeps phones, or null when the seed's is none (reported). */
  phone: string | null;
  /** The certificate number as the seed had it (trimmed), or null. */
  certificate: string | null;
  /** A Diia request the seed was waiting on (its `diia_answer` held the request's id until the answer came). */
  diiaRequestId: string | null;
  /** The photo's bare file name in the old upload folder, or ''. */
  photo: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What stands in the phone column for a member whose seed phone cannot be kept (it is no number,
 * or another member signs in with it): not a phone, so nobody signs in with it and no text is
 * sent to it, and one per member, as the column's unique index needs. Staff see it on the card
 * and type the member's real number over it.
 */
export const phoneStandInOf = (memberId: number): string => `seed-${memberId}`;

/**
 * A seed member row (table 2.2) as the member service keeps one: every column, converted by the
 * stated rules. Its id is kept (it is the member's sign-in account's too, and every other
 * service's rows name it). Flags: NULL `is_active` is active (the seed's apps never read it),
 * NULL `is_submited` and the `has_new_*` flags are false. `has_new_request` is not the seed's
 * (its code never wrote it): the requests step sets it from the requests, as Kasa keeps it.
 */
export function memberOfSeed(row: SeedRow, id: number, runStartedAt: Date, report: Report): SeedMember {
  const where = { table: 'members', id };
  const createdAt = madeAt(row, where, runStartedAt, report);
  const updatedAt = changedAt(row, createdAt);
  const text = (column: string, maxChars: number) => optionalText(row, where, column, maxChars, report);

  const paidUntil = dayOfSeedDateTime(row.expiration_date ?? null);
  if (paidUntil === 'invalid') report({ kind: 'bad_date', ...where, column: 'expiration_date' });
  const birthDate = calendarDayOf(row.birth_date);
  if (birthDate === 'invalid') report({ kind: 'bad_date', ...where, column: 'birth_date' });

  const diia = diiaOf(row.diia_answer);
  const values: SeedMember['values'] = {
    id,
    // Settled for the batch (importMembers): the phone, or the member's stand-in.
    phone: phoneStandInOf(id),
    firstName: text('first_name', 64),
    middleName: text('middle_name', 64),
    lastName: text('last_name', 64),
    email: text('email', 254),
    birthDate: birthDate === 'invalid' ? null : birthDate,
    passportData: text('passport_data', 255),
    taxNumber: taxNumberOf(row, id, report),
    iban: ibanOf(row, id, report),
    certificate: null,
    paidUntil: paidUntil === 'invalid' ? null : paidUntil,
    isActive: !seedMemberBlocked(row),
    isSubmitted: flagOfSeed(row.is_submited ?? null, false),
    hasNewRequest: false,
    hasNewProgramChange: flagOfSeed(row.has_new_program_change ?? null, false),
    hasNewDocuments: flagOfSeed(row.has_new_passport_data ?? null, false),
    hasCorrectionRequest: false,
    diiaRequestId: null,
    diiaAnswer: diia.answer,
    createdAt,
    updatedAt,
  };
  values.profileSentAt = profileSent(values) ? updatedAt : null;
  return {
    values,
    phone: phoneOfSeed(row.phone ?? null),
    certificate: text('certificate', 32),
    diiaRequestId: diia.requestId,
    photo: seedFileName(row.photo),
  };
}

/**
 * Whether the member had sent a profile (Kasa's `profile_sent_at`, which the seed did not keep):
 * a member who only signed in has nothing but a phone, while the seed's profile form and its
 * Diia import filled names, documents' flags and the rest. When it was sent is not known; the
 * row's last change is the closest the seed tells (the form's save stamped it).
 */
function profileSent(values: SeedMember['values']): boolean {
  return (
    values.isSubmitted === true ||
    values.hasNewDocuments === true ||
    values.hasNewProgramChange === true ||
    [
      values.firstName,
      values.lastName,
      values.middleName,
      values.email,
      values.iban,
      values.passportData,
    ].some((value) => value !== null && value !== undefined) ||
    values.taxNumber != null ||
    values.birthDate != null ||
    // Diia's answer filled the profile; a request still awaited has sent nothing yet.
    values.diiaAnswer != null
  );
}

/**
 * The seed's `diia_answer`: the Diia request's id while its answer was awaited (the seed wrote
 * the deeplink's id there, then overwrote it with the answer), else the answer itself.
 */
function diiaOf(value: string | number | null | undefined): {
  requestId: string | null;
  answer: string | null;
} {
  const text = value === null || value === undefined ? '' : String(value).trim();
  if (text === '') return { requestId: null, answer: null };
  if (UUID.test(text)) return { requestId: text.toLowerCase(), answer: null };
  return { requestId: null, answer: String(value) };
}

/**
 * The tax number as the seed kept it, spaces aside: Kasa's column holds 10 characters (an РНОКПП
 * is 10 digits). Its check digit is not checked here: the number is the member's as the fund
 * accepted it, and staff correct it through Kasa's own checks.
 */
function taxNumberOf(row: SeedRow, id: number, report: Report): string | null {
  const value = row.inn;
  if (value === null || value === undefined) return null;
  const text = String(value).replace(/\s+/g, '');
  if (text === '') return null;
  if ([...text].length <= 10) return text;
  report({
    kind: 'value_replaced',
    table: 'members',
    id,
    column: 'inn',
    reason: 'longer than the 10 characters of a tax number: not kept',
  });
  return null;
}

/** The IBAN in its canonical form when it is a valid Ukrainian one, else as the seed kept it (spaces aside). */
function ibanOf(row: SeedRow, id: number, report: Report): string | null {
  const value = row.actual_iban;
  if (value === null || value === undefined) return null;
  const text = String(value).replace(/\s+/g, '');
  if (text === '') return null;
  const iban = normalizeIban(text);
  if (iban) return iban;
  if ([...text].length <= 34) return text;
  report({
    kind: 'value_replaced',
    table: 'members',
    id,
    column: 'actual_iban',
    reason: 'longer than the 34 characters of an IBAN: not kept',
  });
  return null;
}

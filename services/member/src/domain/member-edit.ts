import { isValidTaxNumber, normalizeIban, normalizePhone } from './bank-details.ts';
import type { ReviewState } from './member-review.ts';

/** What staff may write into a member's profile, in the database's terms (`birthDate` is `YYYY-MM-DD`). */
export interface ProfileFields {
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  email: string | null;
  iban: string | null;
  birthDate: string | null;
  certificate: string | null;
  passportData: string | null;
  taxNumber: string | null;
  phone: string;
}

export type ProfileEdit = Partial<ProfileFields>;

/** The names the admin site and the events use for the fields (the seed's). */
export const PROFILE_FIELD_NAMES: Readonly<Record<keyof ProfileFields, string>> = {
  firstName: 'first_name',
  middleName: 'middle_name',
  lastName: 'last_name',
  email: 'email',
  iban: 'iban',
  birthDate: 'birth_date',
  certificate: 'certificate',
  passportData: 'passport_data',
  taxNumber: 'inn',
  phone: 'phone',
};

export type CheckedEdit = { ok: true; edit: ProfileEdit } | { ok: false; code: string; message: string };

const refuse = (code: string, message: string): CheckedEdit => ({ ok: false, code, message });

/** Blank means none: the admin site sends an emptied input as an empty string. */
const textOrNull = (value: string | null) => (value === null ? null : value.trim() || null);

/**
 * A staff edit as it will be stored: trimmed, blanks as none, the IBAN, tax number and phone
 * in their one canonical form, or the first thing wrong with it in words staff understand.
 * `today` is the fund's calendar day (`YYYY-MM-DD`): nobody is born after it.
 */
export function checkProfileEdit(input: ProfileEdit, today: string): CheckedEdit {
  const edit: ProfileEdit = {};
  for (const field of ['firstName', 'lastName'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    const name = textOrNull(value);
    if (name === null) return refuse('name_required', `${PROFILE_FIELD_NAMES[field]} can not be empty`);
    edit[field] = name;
  }
  for (const field of ['middleName', 'email', 'certificate', 'passportData'] as const) {
    const value = input[field];
    if (value !== undefined) edit[field] = textOrNull(value);
  }
  if (input.iban !== undefined) {
    const text = textOrNull(input.iban);
    const iban = text === null ? null : normalizeIban(text);
    if (text !== null && iban === null) {
      return refuse('invalid_iban', 'IBAN is not a valid Ukrainian IBAN (UA and 27 digits)');
    }
    edit.iban = iban;
  }
  if (input.taxNumber !== undefined) {
    const taxNumber = textOrNull(input.taxNumber);
    if (taxNumber !== null && !isValidTaxNumber(taxNumber)) {
      return refuse('invalid_tax_number', 'The tax number (inn) must be 10 digits with a valid check digit');
    }
    edit.taxNumber = taxNumber;
  }
  if (input.birthDate !== undefined) {
    if (input.birthDate !== null && input.birthDate > today) {
      return refuse('invalid_birth_date', 'The birth date can not be in the future');
    }
    edit.birthDate = input.birthDate;
  }
  if (input.phone !== undefined) {
    const phone = normalizePhone(input.phone);
    if (phone === null) {
      return refuse('invalid_phone', 'Phone must be in international format, e.g. +380671234567');
    }
    edit.phone = phone;
  }
  return { ok: true, edit };
}

/** Only what differs: the admin site sends the whole form back, and the rest is no change. */
export function profileChanges(current: ProfileFields, edit: ProfileEdit): ProfileEdit {
  const changes: Record<string, unknown> = {};
  for (const field of Object.keys(PROFILE_FIELD_NAMES) as (keyof ProfileFields)[]) {
    const value = edit[field];
    if (value !== undefined && value !== current[field]) changes[field] = value;
  }
  return changes as ProfileEdit;
}

/**
 * Approving has something to do: the profile was never approved, or the member has since asked
 * for another program, sent documents or reported a mistake. Approving again without any of
 * these changes nothing.
 */
export function awaitsApproval(member: ReviewState): boolean {
  return (
    !member.isSubmitted ||
    member.pendingProgramId !== null ||
    member.hasNewProgramChange ||
    member.hasNewDocuments ||
    member.hasCorrectionRequest
  );
}

import { formatDay } from '../../format/format.ts';

/** The member's fields staff may edit, as the form holds them (text, birth date `dd.mm.yyyy`). */
export const EDITABLE_FIELDS = [
  'last_name',
  'first_name',
  'middle_name',
  'birth_date',
  'phone',
  'email',
  'passport_data',
  'inn',
  'iban',
  'certificate',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type EditForm = Record<EditableField, string>;

/** The member as the card reads them (`birth_date` `yyyy-mm-dd`, the IBAN as `actual_iban`). */
export interface EditedMember {
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  birth_date: string | null;
  phone: string;
  email: string | null;
  passport_data: string | null;
  inn: string | null;
  actual_iban: string | null;
  certificate: string | null;
}

/** The form filled with the member's current values. */
export function editFormOf(member: EditedMember): EditForm {
  return {
    last_name: member.last_name ?? '',
    first_name: member.first_name ?? '',
    middle_name: member.middle_name ?? '',
    birth_date: member.birth_date ? formatDay(member.birth_date) : '',
    phone: member.phone,
    email: member.email ?? '',
    passport_data: member.passport_data ?? '',
    inn: member.inn ?? '',
    iban: member.actual_iban ?? '',
    certificate: member.certificate ?? '',
  };
}

/**
 * What `PUT /member` is sent: only the fields staff changed, trimmed. The API keeps a field sent
 * empty as it was, so a cleared field is not sent either.
 */
export function changedFields(before: EditForm, after: EditForm): Partial<EditForm> {
  const changed: Partial<EditForm> = {};
  for (const field of EDITABLE_FIELDS) {
    const value = after[field].trim();
    if (value && value !== before[field].trim()) changed[field] = value;
  }
  return changed;
}

/** A birth date as staff type it: `dd.mm.yyyy` of a real day, or nothing. */
export function isBirthDate(typed: string): boolean {
  const text = typed.trim();
  if (!text) return true;
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  if (!match) return false;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

import { Type } from 'typebox';
import { Nullable, ProfileCorrection } from '../http/members.ts';
import { SeedStatusError } from './seed-errors.ts';
import { IsoDay } from './seed-formats.ts';
import {
  SeedMemberIdentityRow,
  SeedMemberProgramRow,
  SeedMemberRow,
  SeedPaymentRow,
  SeedRequestRow,
} from './seed-rows.ts';

/**
 * Admin members (SPEC §7 rows 9–12): what the admin site reads from the seed's `member_list`,
 * `generate_certificate`, `member_get` and `member_update` (seeds/000 admin-app/main.py).
 */

/**
 * The most rows the admin lists (`POST /members`, `POST /requests`) answer when the site names
 * no `limit`: the seed answered every match and its site never pages, so this is far above any
 * fund's data; it only bounds one answer's cost (`total` tells the rest). A site that wants
 * pages sends `offset` and `limit`.
 */
export const ADMIN_LIST_CAP = 10_000;

/**
 * seeds/000 admin-app/main.py member_list: `{data: [model_to_dict(m)]}`, every match (the
 * attention list for an empty query, else any word in any chosen field). Kasa adds `total`.
 */
export const AdminMembersAnswer = Type.Object({
  data: Type.Array(SeedMemberRow),
  total: Type.Integer({ minimum: 0, description: "Kasa's: how many match, beyond the page too" }),
});

/** seeds/000 admin-app/main.py generate_certificate: `{data: str(certificate)}`, digits. */
export const AdminCertificateAnswer = Type.Object({
  data: Type.String({ pattern: '^[0-9]+$', description: 'A new certificate number, as text' }),
});

/**
 * seeds/000 admin-app/main.py member_get `mdict`: `model_to_dict(member)` with `birth_date` as
 * `%Y-%m-%d` (null when unset) and `is_active` a boolean; the other dates stay RFC 1123.
 */
export const AdminCardMemberRow = Type.Object({
  ...SeedMemberRow.properties,
  birth_date: Nullable(IsoDay),
  is_active: Type.Boolean(),
});

/**
 * seeds/000 admin-app/main.py member_get: the member, their program rows (`actual_program`
 * is_active, `new_program` is_new, null when none), their identity rows (current, new, all;
 * oldest changed first), their requests (oldest changed first) and payments (by payment date).
 * The seed answered `programs` as an always empty list (`pdata` is never filled); Kasa answers
 * there every program row of the member's (the pending change first, then latest started
 * first), of the same shape. The seed's payments query was broken as written
 * (`Payments.member == member.id & (…)` binds `&` first); Kasa answers what it meant: the
 * member's payments of the three types. Kasa adds `corrections`: the mistakes the member
 * reported (`profile/wrong`) that staff have not resolved yet.
 */
export const AdminMemberCardAnswer = Type.Object({
  member: AdminCardMemberRow,
  actual_program: Nullable(SeedMemberProgramRow),
  new_program: Nullable(SeedMemberProgramRow),
  programs: Type.Array(SeedMemberProgramRow),
  current_identities: Type.Array(SeedMemberIdentityRow),
  new_identities: Type.Array(SeedMemberIdentityRow),
  identities: Type.Array(SeedMemberIdentityRow),
  requests: Type.Array(SeedRequestRow),
  payments: Type.Array(SeedPaymentRow),
  corrections: Type.Array(ProfileCorrection),
});

/** seeds/000 admin-app/main.py member_get: 404 `{status: 'error', message: 'Учасника не знайдено'}`. */
export const AdminMemberNotFound = SeedStatusError;
export const ADMIN_MEMBER_NOT_FOUND_MESSAGE = 'Учасника не знайдено';

/** seeds/000 admin-app/main.py member_update: `{status: 'success', message: …}`, 200. */
export const AdminMemberUpdateAnswer = Type.Object({
  status: Type.Literal('success'),
  message: Type.String(),
});
export const ADMIN_MEMBER_UPDATED_MESSAGE = 'Інформація про учасника успішно оновлена';

/**
 * seeds/000 admin-app/main.py member_update: every failure (an unknown member, a malformed
 * date, a duplicate phone) fell into one `except` and answered 500 `{status: 'error', message,
 * data: str(e)}`. Kasa answers the same `{status, message}` body under the status that says
 * what failed (404 unknown member, 400 invalid field, 409 nothing to approve, 422 phone or
 * certificate taken); the seed's `data` carried Python's exception text, which Kasa never shows.
 */
export const AdminMemberUpdateError = SeedStatusError;

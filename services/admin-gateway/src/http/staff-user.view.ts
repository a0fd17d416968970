import { type SeedUserRow, type StaffUser, seedUserRow } from '@kasa/contracts';
import type { Static } from 'typebox';

/** A staff account as the admin site reads it: the seed's user row, with Kasa's role and password state. */
export function siteStaffUser(user: Static<typeof StaffUser>): SeedUserRow & {
  role: Static<typeof StaffUser>['role'];
  must_change_password: boolean;
} {
  return { ...seedUserRow(user), role: user.role, must_change_password: user.must_change_password };
}

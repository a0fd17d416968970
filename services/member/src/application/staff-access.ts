import { type AuthUser, forbidden } from '@kasa/http';

/**
 * The staff rules the member service can check from the token alone (it keeps no staff
 * accounts): the admin gateway checks the same before passing the token on.
 */
export function assertStaffMayAct(user: AuthUser): void {
  if (user.must_change_password === true) {
    throw forbidden('Password must be changed', 'password_change_required');
  }
}

export function assertAdministrator(user: AuthUser): void {
  assertStaffMayAct(user);
  if (user.role !== 'admin') throw forbidden('Only administrators may do this', 'admin_only');
}

export const staffActor = (staffId: number) => ({ kind: 'staff' as const, id: String(staffId) });

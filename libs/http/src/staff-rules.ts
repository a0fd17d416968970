import { forbidden } from './errors.ts';
import type { AuthUser } from './jwt-auth.ts';

/**
 * The staff rules a service can check from the token alone (only auth keeps staff accounts):
 * the admin gateway checks the same before passing the token on.
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

/** onRequest for staff routes: a staff token whose holder is not waiting to change a one-time password. */
export const staffMayAct = {
  onRequest: async (request: { user: AuthUser }) => assertStaffMayAct(request.user),
};

/** onRequest for administrators' routes: checked before the body is read. */
export const administratorsOnly = {
  onRequest: async (request: { user: AuthUser }) => assertAdministrator(request.user),
};

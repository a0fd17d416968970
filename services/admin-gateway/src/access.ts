import { type AuthUser, forbidden, requireAuth } from '@kasa/http';

type Authenticated = { user: AuthUser };

/** onRequest: a staff token that is not waiting for its password to be changed. */
async function passwordChanged(request: Authenticated): Promise<void> {
  if (request.user.must_change_password === true) {
    throw forbidden('Password must be changed', 'password_change_required');
  }
}

async function administrator(request: Authenticated): Promise<void> {
  if (request.user.role !== 'admin') throw forbidden('Only administrators may do this', 'admin_only');
}

/**
 * Who may call what, from the token alone and before the body is read; the services check
 * again against their data.
 * `signedIn` lets a user with a one-time password through, to change it and nothing else.
 */
export const signedIn = { onRequest: [requireAuth()] };
export const staffOnly = { onRequest: [requireAuth(), passwordChanged] };
export const adminOnly = { onRequest: [requireAuth(), passwordChanged, administrator] };

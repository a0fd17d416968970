import { type AuthUser, assertAdministrator, assertStaffMayAct, requireAuth } from '@kasa/http';

type Authenticated = { user: AuthUser };

/**
 * Who may call what, from the token alone and before the body is read; the services check
 * again against their data.
 * `signedIn` lets a user with a one-time password through, to change it and nothing else.
 */
export const signedIn = { onRequest: [requireAuth()] };
export const staffOnly = {
  onRequest: [requireAuth(), async (request: Authenticated) => assertStaffMayAct(request.user)],
};
export const adminOnly = {
  onRequest: [requireAuth(), async (request: Authenticated) => assertAdministrator(request.user)],
};

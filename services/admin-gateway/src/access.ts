import type { IncomingHttpHeaders } from 'node:http';
import { ACCESS_TOKEN_HEADER, type AuthUser, forbidden, requireAuth } from '@kasa/http';

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

/** The caller's token, passed on to the service that checks it again. */
export function callerToken(request: { headers: IncomingHttpHeaders }): Record<string, string> {
  const { authorization } = request.headers;
  const accessToken = request.headers[ACCESS_TOKEN_HEADER];
  return {
    ...(typeof authorization === 'string' ? { authorization } : {}),
    ...(typeof accessToken === 'string' ? { [ACCESS_TOKEN_HEADER]: accessToken } : {}),
  };
}

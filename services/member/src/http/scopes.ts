import {
  type AuthUser,
  type HttpApp,
  registerJwtAuth,
  registerUploads,
  requireAuth,
  unauthorized,
} from '@kasa/http';
import type { MemberDeps } from '../application/member-deps.ts';
import { memberUploadSink } from '../files/member-upload-sink.ts';

type Routes = (app: HttpApp, deps: MemberDeps) => void;

/**
 * A plugin scope whose routes take one audience's tokens: the gateway checked the token
 * already and passes it on; the service checks it again, so nothing inside the network is
 * trusted by address alone. Uploads in the scope stream to the encrypted store.
 */
function scopeFor(audience: 'member' | 'staff', deps: MemberDeps, routes: Routes[]) {
  return async function scope(app: HttpApp): Promise<void> {
    await registerJwtAuth(app, {
      publicKey: deps.publicKeyPem,
      algorithms: ['EdDSA'],
      issuer: deps.context.settings.JWT_ISSUER,
      audience,
    });
    await registerUploads(app, memberUploadSink(deps.files), {
      maxFileBytes: deps.policies.document.maxBytes,
      maxFiles: deps.policies.document.maxFiles,
    });
    app.addHook('onRequest', requireAuth());
    for (const register of routes) register(app, deps);
  };
}

/** Routes for the member the token names, and no one else. */
export const memberScope = (deps: MemberDeps, ...routes: Routes[]) => scopeFor('member', deps, routes);
/** Routes for staff; roles are checked per route. */
export const staffScope = (deps: MemberDeps, ...routes: Routes[]) => scopeFor('staff', deps, routes);

/** The verified token's subject: a member's id in the member scope, a staff user's in the staff one. */
export function callerId(request: { user: AuthUser }): number {
  const id = Number(request.user.sub);
  if (!Number.isSafeInteger(id) || id < 1) throw unauthorized();
  return id;
}

import { storeUploadSink } from '@kasa/files/http';
import { type HttpApp, registerUploads, requireTokensFor } from '@kasa/http';
import type { RequestDeps } from '../application/request-deps.ts';

type Routes = (app: HttpApp, deps: RequestDeps) => void;

/**
 * A plugin scope whose routes take one audience's tokens (checked again behind the gateway);
 * uploads in the scope stream to the encrypted store.
 */
function scopeFor(audience: 'member' | 'staff', deps: RequestDeps, routes: Routes[]) {
  return async function scope(app: HttpApp): Promise<void> {
    await requireTokensFor(app, {
      publicKey: deps.publicKeyPem,
      issuer: deps.context.settings.JWT_ISSUER,
      audience,
    });
    await registerUploads(app, storeUploadSink(deps.files), {
      maxFileBytes: deps.policies.receipt.maxBytes,
      maxFiles: deps.policies.receipt.maxFiles,
    });
    for (const register of routes) register(app, deps);
  };
}

/** Routes for the member the token names, and no one else. */
export const memberScope = (deps: RequestDeps, ...routes: Routes[]) => scopeFor('member', deps, routes);
/** Routes for staff, any role. */
export const staffScope = (deps: RequestDeps, ...routes: Routes[]) => scopeFor('staff', deps, routes);

import { type HttpApp, registerUploads, requireTokensFor } from '@kasa/http';
import type { FilePolicy } from '../file-policy.ts';
import type { FileStore } from '../file-store.ts';
import { storeUploadSink } from './stored-uploads.ts';

/** What a service that keeps files needs to open a scope for one audience. */
export interface AudienceScopeDeps {
  publicKeyPem: string;
  issuer: string;
  files: FileStore;
  /** The largest file and most files a form of the scope may carry. */
  uploads: Pick<FilePolicy, 'maxBytes' | 'maxFiles'>;
}

/**
 * A plugin scope whose routes take one audience's tokens (a service checks again what its
 * gateway checked: nothing inside the network is trusted by address alone); uploads in the
 * scope stream to the encrypted store.
 */
export function audienceScope<D>(
  audience: 'member' | 'staff',
  scope: AudienceScopeDeps,
  deps: D,
  routes: readonly ((app: HttpApp, deps: D) => void)[],
) {
  return async function register(app: HttpApp): Promise<void> {
    await requireTokensFor(app, { publicKey: scope.publicKeyPem, issuer: scope.issuer, audience });
    await registerUploads(app, storeUploadSink(scope.files), {
      maxFileBytes: scope.uploads.maxBytes,
      maxFiles: scope.uploads.maxFiles,
    });
    for (const route of routes) route(app, deps);
  };
}

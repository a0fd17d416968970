import { readPem } from '@kasa/config';
import { type FileStore, openFileStore } from '@kasa/files';
import type { AudienceScopeDeps } from '@kasa/files/http';
import type { ServiceContext } from '@kasa/runtime';
import type { Static } from 'typebox';
import { type RequestFilePolicies, requestFilePolicies } from '../files/request-file-policies.ts';
import type { RequestSettings } from '../settings.ts';

export type RequestContext = ServiceContext<Static<typeof RequestSettings>>;

/** What the request use cases need beside the service context, built once per service. */
export interface RequestDeps {
  context: RequestContext;
  files: FileStore;
  policies: RequestFilePolicies;
  /** How the service's member and staff scopes check tokens and take uploads. */
  scope: AudienceScopeDeps;
}

const built = new WeakMap<RequestContext, RequestDeps>();

export function requestDeps(context: RequestContext): RequestDeps {
  const existing = built.get(context);
  if (existing) return existing;
  const { settings } = context;
  const files = openFileStore(settings);
  const policies = requestFilePolicies(settings.FILES_MAX_BYTES);
  const publicKeyPem = readPem(settings.JWT_PUBLIC_KEY);
  const deps: RequestDeps = {
    context,
    files,
    policies,
    scope: { publicKeyPem, issuer: settings.JWT_ISSUER, files, uploads: policies.receipt },
  };
  built.set(context, deps);
  return deps;
}

import { readPem } from '@kasa/config';
import { type FileStore, openFileStore } from '@kasa/files';
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
  publicKeyPem: string;
}

const built = new WeakMap<RequestContext, RequestDeps>();

export function requestDeps(context: RequestContext): RequestDeps {
  const existing = built.get(context);
  if (existing) return existing;
  const { settings } = context;
  const deps: RequestDeps = {
    context,
    files: openFileStore(settings),
    policies: requestFilePolicies(settings.FILES_MAX_BYTES),
    publicKeyPem: readPem(settings.JWT_PUBLIC_KEY),
  };
  built.set(context, deps);
  return deps;
}

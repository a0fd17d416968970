import { readPem } from '@kasa/config';
import type { Database } from '@kasa/db';
import { type FileStore, openFileStore } from '@kasa/files';
import type { AudienceScopeDeps } from '@kasa/files/http';
import type { UnitOfWork } from '@kasa/messaging';
import type { ServiceContext } from '@kasa/runtime';
import type { Static } from 'typebox';
import { type RequestFilePolicies, requestFilePolicies } from './files/request-file-policies.ts';
import type { RequestSettings } from './settings.ts';

export type RequestContext = ServiceContext<Static<typeof RequestSettings>>;

/**
 * The request service's composition root: what its routes and use cases are given, built once
 * per process by the runtime. Each use case names the few of these it needs.
 */
export interface RequestDeps {
  database: Database;
  /** A transaction with its outbox: every change and its events commit together. */
  unitOfWork: UnitOfWork;
  files: FileStore;
  policies: RequestFilePolicies;
  /** How the service's member and staff scopes check tokens and take uploads. */
  scope: AudienceScopeDeps;
  /** Kopiyky: a granted amount above it is unusual until the member's program has history. */
  usualMaxAmount: number;
}

export function buildRequestDeps({ settings, database, messaging }: RequestContext): RequestDeps {
  const files = openFileStore(settings);
  const policies = requestFilePolicies(settings.FILES_MAX_BYTES);
  const publicKeyPem = readPem(settings.JWT_PUBLIC_KEY);
  return {
    database,
    unitOfWork: messaging.unitOfWork,
    files,
    policies,
    scope: { publicKeyPem, issuer: settings.JWT_ISSUER, files, uploads: policies.receipt },
    usualMaxAmount: settings.REQUEST_USUAL_MAX_AMOUNT,
  };
}

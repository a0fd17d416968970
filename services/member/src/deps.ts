import { readPem } from '@kasa/config';
import { type FileStore, openFileStore } from '@kasa/files';
import type { AudienceScopeDeps } from '@kasa/files/http';
import type { ServiceContext } from '@kasa/runtime';
import type { Static } from 'typebox';
import { MemberSearchIndex } from './db/member-search-index.ts';
import { createDiiaClient, type DiiaClient } from './diia/diia-client.ts';
import { createDiiaDecryptor, type DiiaDecryptor } from './diia/diia-decryptor.ts';
import { type MemberFilePolicies, memberFilePolicies } from './files/member-file-policies.ts';
import { type PhoneProofReader, phoneProofReader } from './http/phone-proof-reader.ts';
import type { MemberSettings } from './settings.ts';

export type MemberContext = ServiceContext<Static<typeof MemberSettings>>;

/** What the member use cases need beside the service context, built once per service. */
export interface MemberDeps {
  context: MemberContext;
  files: FileStore;
  policies: MemberFilePolicies;
  /** Staff search's text of every member, kept in this process. */
  searchIndex: MemberSearchIndex;
  /** How the service's member and staff scopes check tokens and take uploads. */
  scope: AudienceScopeDeps;
  /** Null when Diia is not configured: members fill the profile by hand. */
  diia: DiiaClient | null;
  /** Null when no decryptor is configured: Diia's callbacks are kept and answered 503. */
  decryptor: DiiaDecryptor | null;
  /** Checks the auth service's proof that a member holds the new phone they ask for. */
  readPhoneProof: PhoneProofReader;
}

/**
 * The member service's composition root: its file store and policies, the search index it keeps
 * in this process, Diia's client and decryptor, and how tokens and phone proofs are checked.
 * Built once per process by the runtime (`deps` in service.ts).
 */
export function buildMemberDeps(context: MemberContext): MemberDeps {
  const { settings } = context;
  const files = openFileStore(settings);
  const policies = memberFilePolicies(settings.FILES_MAX_BYTES);
  const publicKeyPem = readPem(settings.JWT_PUBLIC_KEY);
  return {
    context,
    files,
    policies,
    searchIndex: new MemberSearchIndex(),
    scope: { publicKeyPem, issuer: settings.JWT_ISSUER, files, uploads: policies.document },
    diia: createDiiaClient(settings, settings.PUBLIC_URL),
    decryptor: createDiiaDecryptor(settings),
    readPhoneProof: phoneProofReader({ publicKeyPem, issuer: settings.JWT_ISSUER }),
  };
}

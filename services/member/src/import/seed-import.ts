import { loadConfig } from '@kasa/config';
import { FileStoreVariables, openFileStore, requireOneFileKey } from '@kasa/files';
import { openServiceDatabase } from '@kasa/runtime';
import type { OpenServiceImport } from '@kasa/seed-import';
import { Type } from 'typebox';
import { memberFilePolicies } from '../files/member-file-policies.ts';
import { memberService } from '../service.ts';
import { memberChangesSince } from './changes-since.ts';
import { identityDocumentSteps } from './import-identity-documents.ts';
import { memberProgramSteps } from './import-member-programs.ts';
import { memberSteps } from './import-members.ts';
import { programSteps } from './import-programs.ts';
import { requestFlagSteps } from './import-request-flags.ts';
import { newImportRun } from './import-run.ts';
import { verifyMemberImport } from './verify-member-import.ts';

/** Only the file store's variables: the import needs no token keys, Diia or public address. */
const ImportSettings = requireOneFileKey(Type.Object(FileStoreVariables));

/**
 * The member service's part of the switch-over (issue 19): programs with their terms, members
 * with every column and their photos, the programs members are on and the changes they asked
 * for, identity documents with their files, and the service's read models (the "new request"
 * flag from the requests; the search index is told to read everything again; the counts are
 * read from the members themselves). It writes only the service's own schema, through the
 * service's own store and policies, emits no event, and is idempotent: a second run writes
 * nothing and stores no file again; a run that stopped is resumed by running again. Its inverse,
 * for a switch back, is `changesSince` (changes-since.ts).
 */
export const openSeedImport: OpenServiceImport = async (env) => {
  const settings = loadConfig(ImportSettings, env);
  const run = newImportRun(openFileStore(settings), memberFilePolicies(settings.FILES_MAX_BYTES));
  const database = await openServiceDatabase(memberService, env);
  return {
    service: 'member',
    database,
    steps: [
      ...programSteps(run),
      ...memberSteps(run),
      ...memberProgramSteps(run),
      ...identityDocumentSteps(run),
      ...requestFlagSteps(run),
    ],
    keptIds: [
      { table: 'members', seedTable: 'members' },
      { table: 'programs', seedTable: 'programs' },
      { table: 'identity_documents', seedTable: 'files' },
    ],
    verify: (context) => verifyMemberImport(database, run, context),
    changesSince: (context) => memberChangesSince(database, run.files, context),
    close: () => database.close(),
  };
};

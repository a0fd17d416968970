import { loadConfig } from '@kasa/config';
import { FileStoreVariables, openFileStore, requireOneFileKey } from '@kasa/files';
import { openServiceDatabase } from '@kasa/runtime';
import type { OpenServiceImport } from '@kasa/seed-import';
import { Type } from 'typebox';
import { requestFilePolicies } from '../files/request-file-policies.ts';
import { requestService } from '../service.ts';
import { changesSince } from './changes-since.ts';
import { importMemberPrograms } from './import-member-programs.ts';
import { importMessages } from './import-messages.ts';
import { importReceipts } from './import-receipts.ts';
import { importRequests } from './import-requests.ts';
import { emptyFacts, factSteps } from './seed-facts.ts';
import { verifyRequestImport } from './verify-import.ts';

/** The receipts' store, as the service's own settings name it (its other settings play no part). */
const ReceiptStoreSettings = requireOneFileKey(Type.Object({ ...FileStoreVariables }));

/**
 * The request service's part of the switch-over (issue 19): the seed's requests with their
 * conversations and receipts, and the read models the service keeps of other services' facts
 * (what was paid out per request, the program each member is on), written as the service itself
 * would have them, through its schema and its file store, without a single event.
 *
 * First it learns what it needs of tables it does not own (statuses, which members exist,
 * payouts), in memory and afresh at every run; then it writes, each row under its seed id, rows
 * already there left as they are.
 */
export const openSeedImport: OpenServiceImport = async (env) => {
  const settings = loadConfig(ReceiptStoreSettings, env);
  const store = openFileStore(settings);
  const policy = requestFilePolicies(settings.FILES_MAX_BYTES).receipt;
  const database = await openServiceDatabase(requestService, env);
  const runStartedAt = new Date();
  const facts = emptyFacts();
  return {
    service: 'request',
    database,
    steps: [
      ...factSteps(facts),
      {
        name: 'member programs',
        table: 'member_program',
        write: (tx, rows) => importMemberPrograms(tx, rows, runStartedAt),
      },
      {
        name: 'requests',
        table: 'requests',
        write: (tx, rows, { report }) => importRequests(tx, rows, facts, runStartedAt, report),
      },
      {
        name: 'request messages',
        table: 'request_messages',
        write: (tx, rows, { report }) => importMessages(tx, rows, facts, runStartedAt, report),
      },
      {
        name: 'receipt files',
        table: 'files',
        write: (tx, rows, { filesDir, report }) =>
          importReceipts(tx, rows, { store, policy, facts, filesDir, runStartedAt, report }),
      },
    ],
    keptIds: [
      { table: 'requests', seedTable: 'requests' },
      { table: 'request_messages', seedTable: 'request_messages' },
      { table: 'request_files', seedTable: 'files' },
    ],
    verify: (context) => verifyRequestImport(database, store, context),
    changesSince: (context) => changesSince(database, store, context),
    close: () => database.close(),
  };
};

import type { Database } from '@kasa/db';
import type { FileStore } from '@kasa/files';
import type { SeedChanges, VerifyContext } from '@kasa/seed-import';
import { messageChangesSince } from './changes-messages.ts';
import { receiptChangesSince } from './changes-receipts.ts';
import { readOldStatuses, requestChangesSince } from './changes-requests.ts';

/**
 * The request service's side of a switch back (`./kasa switch-back`), the inverse of its import:
 * what it holds that the old database, as it is now, lacks: requests made in Kasa and the status,
 * granted amount, text and diagnosis of old ones, the messages members and staff wrote, and the
 * receipts members attached, with their files. Read only, in pages; once the changes are written
 * into the old database it answers none. The read models it keeps of other services' facts (what
 * was paid out, members' programs) are theirs to take back.
 */
export async function changesSince(
  database: Database,
  store: FileStore,
  context: VerifyContext,
): Promise<SeedChanges> {
  const requestColumns = context.seedColumns('requests');
  const messageColumns = context.seedColumns('request_messages');
  const statuses = await readOldStatuses(context);
  const requests = await requestChangesSince(database, context, requestColumns, statuses);
  const messages = await messageChangesSince(database, context, messageColumns.get('message'));
  const receipts = await receiptChangesSince(database, store, context);
  return {
    changes: [requests, messages, receipts]
      .flatMap(({ changes }) => changes)
      .filter(({ rows }) => rows.length > 0),
    leftBehind: [requests, messages].flatMap(({ leftBehind }) => leftBehind),
  };
}

import { placeholders, prepared } from '@kasa/db';
import { sql } from 'drizzle-orm';
import type { smsMessages, staffMessages } from './schema.ts';

/**
 * The statement that marks an attempt to reach a provider as begun, for one event: the row
 * made `sending`, or, if it is still sending (an earlier attempt's outcome unknown), counted
 * once more. A row already `sent` stays as it is, and the caller reads it back to see so.
 */
export function attemptStart(table: typeof smsMessages | typeof staffMessages) {
  return prepared<{ eventId: string; kind: string }, unknown>((db) =>
    db
      .insert(table)
      .values({ ...placeholders(['eventId', 'kind']), status: 'sending' })
      .onDuplicateKeyUpdate({
        set: {
          attempts: sql`IF(${table.status} = 'sending', ${table.attempts} + 1, ${table.attempts})`,
          updatedAt: sql`CURRENT_TIMESTAMP(3)`,
        },
      }),
  );
}

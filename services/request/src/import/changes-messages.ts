import type { Database } from '@kasa/db';
import type { SeedColumnHolds } from '@kasa/seed-import';
import {
  type LeftBehind,
  type SeedChange,
  type SeedRow,
  seedDateTimeOfInstant,
  type VerifyContext,
} from '@kasa/seed-import';
import { asc, gt } from 'drizzle-orm';
import { requestMessages } from '../db/schema.ts';
import { kasaPages } from './kasa-pages.ts';
import { heldText } from './seed-columns.ts';
import { idOf } from './seed-values.ts';

type KasaMessage = typeof requestMessages.$inferSelect;

const LEFT = {
  internal: {
    what: 'internal notes of staff',
    why: 'the old system has no internal notes: every message there is the member’s to read',
  },
  cut: { what: 'request messages', why: 'longer than the old message column holds: they go back cut' },
  noText: { what: 'request messages', why: 'the old request_messages table has no message column' },
} as const;
type Left = keyof typeof LEFT;

/**
 * The messages Kasa added to conversations, by members and by staff (`member_id` / `user_id` as
 * the service holds them), under their ids: the import moved Kasa's sequence past the seed's
 * largest id, so a message under an old row's id is that row, and any other is new. Staff's
 * internal notes stay behind: the old app would show them to the member.
 */
export async function messageChangesSince(
  database: Database,
  { seedRows }: VerifyContext,
  column: SeedColumnHolds | undefined,
): Promise<{ changes: SeedChange[]; leftBehind: LeftBehind[] }> {
  const old = new Set<number>();
  for await (const rows of seedRows('request_messages'))
    for (const row of rows) {
      const id = idOf(row.id);
      if (id !== null) old.add(id);
    }

  const inserted: SeedRow[] = [];
  const left = new Map<Left, number[]>();
  const leave = (reason: Left, id: number) => {
    const ids = left.get(reason);
    if (ids) ids.push(id);
    else left.set(reason, [id]);
  };
  const pages = kasaPages<KasaMessage>((after, size) =>
    database.db
      .select()
      .from(requestMessages)
      .where(gt(requestMessages.id, after))
      .orderBy(asc(requestMessages.id))
      .limit(size),
  );
  for await (const page of pages)
    for (const message of page) {
      if (old.has(message.id)) continue;
      if (message.internal) {
        leave('internal', message.id);
        continue;
      }
      const held = column ? heldText(message.message, column) : { text: message.message, cut: false };
      if (held.cut) leave('cut', message.id);
      if (!column && message.message !== '') leave('noText', message.id);
      const at = seedDateTimeOfInstant(message.createdAt);
      inserted.push({
        id: message.id,
        // The seed wrote both times when a message was posted, and never changed one.
        created_at: at,
        updated_at: at,
        message: held.text,
        request_id: message.requestId,
        member_id: message.memberId,
        user_id: message.userId,
      });
    }

  return {
    changes: [
      {
        what: 'request messages written in Kasa',
        table: 'request_messages',
        action: 'insert',
        rows: inserted,
      },
    ],
    leftBehind: [...left].map(([reason, ids]) => ({ ...LEFT[reason], table: 'request_messages', ids })),
  };
}

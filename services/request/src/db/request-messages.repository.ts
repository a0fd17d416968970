import type { Executor } from '@kasa/db';
import { and, asc, eq } from 'drizzle-orm';
import { requestMessages } from './schema.ts';

export type RequestMessageRow = typeof requestMessages.$inferSelect;

export type NewRequestMessage =
  | { requestId: number; memberId: number; message: string }
  | { requestId: number; userId: number; internal: boolean; message: string };

/** Adds a message to the conversation; its id. */
export async function addRequestMessage(
  tx: Executor,
  message: NewRequestMessage,
  now: Date,
): Promise<number> {
  const [result] = await tx.insert(requestMessages).values({ ...message, createdAt: now });
  return result.insertId;
}

/** The conversation, oldest first; internal notes only when asked for (staff). */
export function messagesOf(
  tx: Executor,
  requestId: number,
  withInternal: boolean,
): Promise<RequestMessageRow[]> {
  const ofRequest = eq(requestMessages.requestId, requestId);
  return tx
    .select()
    .from(requestMessages)
    .where(withInternal ? ofRequest : and(ofRequest, eq(requestMessages.internal, false)))
    .orderBy(asc(requestMessages.id));
}

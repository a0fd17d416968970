import type { Executor } from '@kasa/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DocumentType } from '../domain/documents.ts';
import { identityDocuments, memberFiles } from './schema.ts';

export interface NewIdentityDocument {
  type: DocumentType;
  fileName: string;
}

export type IdentityDocumentRow = typeof identityDocuments.$inferSelect & { mime: string };

/**
 * New documents wait for staff. A pending document of the same type sent before is
 * superseded: it goes to history, so staff review only the latest of each type.
 */
export async function addPendingDocuments(
  tx: Executor,
  memberId: number,
  documents: readonly NewIdentityDocument[],
  source: 'upload' | 'diia',
  now: Date,
): Promise<void> {
  if (documents.length === 0) return;
  await retire(
    tx,
    memberId,
    'pending',
    documents.map(({ type }) => type),
    now,
  );
  await tx.insert(identityDocuments).values(
    documents.map(({ type, fileName }) => ({
      memberId,
      type,
      fileName,
      source,
      status: 'pending' as const,
    })),
  );
}

/** On approval: the current documents of the pending ones' types go to history, the pending become current. */
export async function promotePendingDocuments(tx: Executor, memberId: number, now: Date): Promise<void> {
  const pending = await tx
    .select({ type: identityDocuments.type })
    .from(identityDocuments)
    .where(and(eq(identityDocuments.memberId, memberId), eq(identityDocuments.status, 'pending')));
  if (pending.length === 0) return;
  await retire(
    tx,
    memberId,
    'current',
    pending.map(({ type }) => type),
    now,
  );
  await tx
    .update(identityDocuments)
    .set({ status: 'current', updatedAt: now })
    .where(and(eq(identityDocuments.memberId, memberId), eq(identityDocuments.status, 'pending')));
}

/** The member's documents of these types in this status go to history, where they stay. */
async function retire(
  tx: Executor,
  memberId: number,
  status: 'pending' | 'current',
  types: readonly DocumentType[],
  now: Date,
): Promise<void> {
  await tx
    .update(identityDocuments)
    .set({ status: 'history', updatedAt: now })
    .where(
      and(
        eq(identityDocuments.memberId, memberId),
        eq(identityDocuments.status, status),
        inArray(identityDocuments.type, [...types]),
      ),
    );
}

/** All of a member's documents, oldest first, with their files' types. */
export async function listDocuments(tx: Executor, memberId: number): Promise<IdentityDocumentRow[]> {
  const rows = await tx
    .select({ document: identityDocuments, mime: memberFiles.mime })
    .from(identityDocuments)
    .innerJoin(memberFiles, eq(memberFiles.name, identityDocuments.fileName))
    .where(eq(identityDocuments.memberId, memberId))
    .orderBy(asc(identityDocuments.id));
  return rows.map(({ document, mime }) => ({ ...document, mime }));
}

import type { Executor } from '@kasa/db';
import { isStoredFileName, type StoredFile } from '@kasa/files';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/mysql-core';
import { requestFiles } from './schema.ts';

export type RequestFileRow = typeof requestFiles.$inferSelect;

/** Records stored files as the request's: from now on its member (and staff) may read them. */
export async function recordRequestFiles(
  tx: Executor,
  requestId: number,
  memberId: number,
  files: readonly StoredFile[],
  now: Date,
): Promise<void> {
  if (files.length === 0) return;
  await tx.insert(requestFiles).values(
    files.map(({ name, mime, size, sha256 }) => ({
      requestId,
      memberId,
      name,
      mime,
      size,
      sha256,
      createdAt: now,
    })),
  );
}

/** The files of some requests, oldest first, by request. */
export async function filesOfRequests(
  tx: Executor,
  requestIds: readonly number[],
): Promise<Map<number, RequestFileRow[]>> {
  const byRequest = new Map<number, RequestFileRow[]>(requestIds.map((id) => [id, []]));
  if (requestIds.length === 0) return byRequest;
  const rows = await tx
    .select()
    .from(requestFiles)
    .where(inArray(requestFiles.requestId, [...requestIds]))
    .orderBy(asc(requestFiles.id));
  for (const row of rows) byRequest.get(row.requestId)?.push(row);
  return byRequest;
}

/** The file, only if it belongs to this request (and, when given, to this member). */
export async function findRequestFile(
  tx: Executor,
  requestId: number,
  name: string,
  memberId?: number,
): Promise<RequestFileRow | undefined> {
  // The database compares names without regard to case; the store's names are exact.
  if (!isStoredFileName(name)) return undefined;
  const [row] = await tx
    .select()
    .from(requestFiles)
    .where(
      and(
        eq(requestFiles.name, name),
        eq(requestFiles.requestId, requestId),
        memberId === undefined ? undefined : eq(requestFiles.memberId, memberId),
      ),
    )
    .limit(1);
  return row;
}

/** For each file of the request whose bytes another request holds too, those requests' ids. */
export async function duplicatesOf(
  tx: Executor,
  requestId: number,
): Promise<{ filename: string; request_ids: number[] }[]> {
  const other = alias(requestFiles, 'other');
  const rows = await tx
    .selectDistinct({ name: requestFiles.name, fileId: requestFiles.id, otherRequestId: other.requestId })
    .from(requestFiles)
    .innerJoin(other, and(eq(other.sha256, requestFiles.sha256), ne(other.requestId, requestFiles.requestId)))
    .where(eq(requestFiles.requestId, requestId))
    .orderBy(asc(requestFiles.id), asc(other.requestId));
  const byFile = new Map<string, number[]>();
  for (const { name, otherRequestId } of rows) {
    const ids = byFile.get(name) ?? [];
    if (!ids.includes(otherRequestId)) ids.push(otherRequestId);
    byFile.set(name, ids);
  }
  return [...byFile].map(([filename, request_ids]) => ({ filename, request_ids }));
}

/** The file, only if it belongs to one of this member's requests. */
export async function findMemberRequestFile(
  tx: Executor,
  memberId: number,
  name: string,
): Promise<RequestFileRow | undefined> {
  if (!isStoredFileName(name)) return undefined;
  const [row] = await tx
    .select()
    .from(requestFiles)
    .where(and(eq(requestFiles.name, name), eq(requestFiles.memberId, memberId)))
    .limit(1);
  return row;
}

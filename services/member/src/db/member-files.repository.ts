import type { Executor } from '@kasa/db';
import { isStoredFileName, type StoredFile } from '@kasa/files';
import { and, eq } from 'drizzle-orm';
import { memberFiles } from './schema.ts';

export type MemberFileRow = typeof memberFiles.$inferSelect;

/** Records stored files as the member's: from now on the member (and staff) may read them. */
export async function recordMemberFiles(
  tx: Executor,
  memberId: number,
  files: readonly StoredFile[],
): Promise<void> {
  if (files.length === 0) return;
  await tx
    .insert(memberFiles)
    .values(files.map(({ name, mime, size, sha256 }) => ({ name, memberId, mime, size, sha256 })));
}

/** The file, only if it is this member's. */
export async function findMemberFile(
  tx: Executor,
  memberId: number,
  name: string,
): Promise<MemberFileRow | undefined> {
  // The database compares names without regard to case; the store's names are exact.
  if (!isStoredFileName(name)) return undefined;
  const [row] = await tx
    .select()
    .from(memberFiles)
    .where(and(eq(memberFiles.name, name), eq(memberFiles.memberId, memberId)))
    .limit(1);
  return row;
}

export async function forgetMemberFile(tx: Executor, name: string): Promise<void> {
  await tx.delete(memberFiles).where(eq(memberFiles.name, name));
}

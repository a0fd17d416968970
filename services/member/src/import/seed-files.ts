import { readFile } from 'node:fs/promises';
import type { Tx } from '@kasa/db';
import { FileError, type FilePolicy, type FileStore, FileTooLargeError, type StoredFile } from '@kasa/files';
import { findSeedFile } from '@kasa/seed-import';
import { and, eq, inArray } from 'drizzle-orm';
import { seedImports } from '../db/schema.ts';
import type { Report } from './seed-values.ts';

/** Files read, checked and encrypted at once: the work is split between disk and CPU. */
const FILES_AT_ONCE = 4;

/** A file a seed row names, to be stored as an upload of its kind would be. */
export interface SeedFile<T> {
  /** What the file is for (the row it belongs to), handed back with the stored file. */
  owner: T;
  /** The row and column naming it, for the report. */
  table: string;
  id: number | string;
  column: string;
  /** Its bare name in the old upload folder. */
  name: string;
  /** Sub-folders it may be in (the seed kept a member's uploads under `UPLOAD_FOLDER/<member id>/`). */
  folders: readonly string[];
  policy: FilePolicy;
}

/**
 * Stores the files the old upload folder has through the service's own store, typed by content,
 * stripped and encrypted under the same policies as uploads; a file missing or refused is
 * reported by row and name, and left out. A failure of the store itself (a full disk) stops the
 * import: the caller removes what was stored (`removeStored`) and its transaction rolls back.
 */
export async function storeSeedFiles<T>(
  store: FileStore,
  filesDir: string | null,
  files: readonly SeedFile<T>[],
  report: Report,
  stored: StoredFile[],
): Promise<Array<{ owner: T; file: StoredFile }>> {
  const done: Array<{ owner: T; file: StoredFile; order: number }> = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const order = next++;
      const wanted = files[order]!;
      const file = await storeOne(store, filesDir, wanted, report);
      if (file) {
        stored.push(file);
        done.push({ owner: wanted.owner, file, order });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILES_AT_ONCE, files.length) }, worker));
  return done.sort((a, b) => a.order - b.order).map(({ owner, file }) => ({ owner, file }));
}

/** Takes back the files a batch stored before it failed: its rows never named them. */
export async function removeStored(store: FileStore, stored: readonly StoredFile[]): Promise<void> {
  await Promise.allSettled(stored.map(({ name }) => store.remove(name)));
}

async function storeOne<T>(
  store: FileStore,
  filesDir: string | null,
  wanted: SeedFile<T>,
  report: Report,
): Promise<StoredFile | null> {
  const where = { table: wanted.table, id: wanted.id, column: wanted.column, file: wanted.name };
  const found = await findSeedFile(filesDir, wanted.folders, wanted.name);
  if (found === null) {
    report({ kind: 'file_missing', ...where });
    return null;
  }
  if (found.size > wanted.policy.maxBytes) {
    report({
      kind: 'file_unreadable',
      ...where,
      reason: new FileTooLargeError(wanted.policy.maxBytes).message,
    });
    return null;
  }
  // Read whole first, so that only the old folder's failures are this file's.
  let bytes: Buffer;
  try {
    bytes = await readFile(found.path);
  } catch (error) {
    report({
      kind: 'file_unreadable',
      ...where,
      reason: (error as NodeJS.ErrnoException).code ?? 'unreadable',
    });
    return null;
  }
  try {
    return await store.save(bytes, wanted.policy);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    report({ kind: 'file_unreadable', ...where, reason: error.message });
    return null;
  }
}

/** The import's own record (`seed_imports`) of one seed row or file. */
export interface ImportRecord {
  seedTable: string;
  seedKey: string;
  fileName?: string | null;
  sha256?: string | null;
}

/** Which of these keys of `seedTable` were brought over (or settled) by an earlier batch or run. */
export async function recordedKeys(tx: Tx, seedTable: string, keys: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return new Set();
  const rows = await tx
    .select({ key: seedImports.seedKey })
    .from(seedImports)
    .where(and(eq(seedImports.seedTable, seedTable), inArray(seedImports.seedKey, wanted)));
  return new Set(rows.map(({ key }) => key));
}

export async function recordImports(tx: Tx, records: readonly ImportRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx.insert(seedImports).values(
    records.map(({ seedTable, seedKey, fileName = null, sha256 = null }) => ({
      seedTable,
      seedKey,
      fileName,
      sha256,
    })),
  );
}

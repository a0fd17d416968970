import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Tx } from '@kasa/db';
import { insertInChunks } from '@kasa/db';
import { FileError, type FilePolicy, type FileStore, FileTooLargeError, type StoredFile } from '@kasa/files';
import { findSeedFile, type SeedProblem, type SeedRow } from '@kasa/seed-import';
import { requestFiles } from '../db/schema.ts';
import { idsAlreadyThere, requestsAlreadyThere } from './imported-rows.ts';
import type { SeedFacts } from './seed-facts.ts';
import { idOf, madeAt, noteOrphan } from './seed-values.ts';

/** Files stored at once: each is read, stripped, encrypted and flushed to disk on its own. */
const FILES_AT_ONCE = 8;

export interface ReceiptImport {
  store: FileStore;
  /** The request service's receipt policy: what an upload of a receipt accepts. */
  policy: FilePolicy;
  facts: SeedFacts;
  filesDir: string | null;
  runStartedAt: Date;
  report(problem: SeedProblem): void;
}

/** A receipt to store: the seed's `files` row, whose request it is, and where its file may be. */
interface Receipt {
  id: number;
  requestId: number;
  memberId: number;
  createdAt: Date;
  name: string;
  folders: readonly string[];
}

/**
 * The seed's receipts (`files` rows with a `request_id`; the others are members' documents, the
 * member service's): each file stored as an upload of a receipt would be (typed by its content,
 * stripped, encrypted, under the receipt policy) and kept as its request's file under the seed
 * row's id, with the checksum that tells the same receipt sent twice. A file missing or refused
 * is reported and its row not written, so that a run with the file restored brings it over; a
 * file stored before (its id there) is not stored again.
 */
export async function importReceipts(tx: Tx, rows: readonly SeedRow[], work: ReceiptImport): Promise<number> {
  const ofRequests = rows.filter((row) => idOf(row.request_id) !== null);
  const there = await idsAlreadyThere(
    tx,
    requestFiles,
    ofRequests.map((row) => idOf(row.id)),
  );
  const missing = ofRequests.filter((row) => !there.has(idOf(row.id) ?? -1));
  const requests = await requestsAlreadyThere(
    tx,
    missing.map((row) => idOf(row.request_id)),
  );
  const receipts = missing.map((row) => receiptOf(row, requests, work)).filter((receipt) => receipt !== null);
  const stored = await storeAll(receipts, work);
  try {
    return await insertInChunks(
      tx,
      requestFiles,
      stored.map(({ receipt, file }) => ({
        id: receipt.id,
        requestId: receipt.requestId,
        memberId: receipt.memberId,
        name: file.name,
        mime: file.mime,
        size: file.size,
        sha256: file.sha256,
        createdAt: receipt.createdAt,
      })),
    );
  } catch (error) {
    // Rows not written: their files would be no one's (the batch runs again, storing them anew).
    await Promise.allSettled(stored.map(({ file }) => work.store.remove(file.name)));
    throw error;
  }
}

/**
 * Whose receipt it is: its request's member, as the service records a request's files (the
 * member who may read them); the row's own member when its request is not there. Null, and
 * reported, when neither is known.
 */
function receiptOf(
  row: SeedRow,
  requests: ReadonlyMap<number, { memberId: number; createdAt: Date }>,
  work: ReceiptImport,
): Receipt | null {
  const id = idOf(row.id);
  const requestId = idOf(row.request_id)!;
  if (id === null) {
    work.report({ kind: 'not_imported', table: 'files', id: row.id ?? '?', reason: 'its id is no row id' });
    return null;
  }
  noteOrphan(work.report, work.facts.requestIds, {
    table: 'files',
    id,
    column: 'request_id',
    points_to: 'requests',
    value: requestId,
  });
  const request = requests.get(requestId);
  const uploader = idOf(row.member_id);
  const memberId = request?.memberId ?? uploader;
  if (memberId === null || memberId === undefined) {
    work.report({
      kind: 'not_imported',
      table: 'files',
      id,
      reason: 'neither its request nor its member is known',
    });
    return null;
  }
  const undated = request
    ? { at: request.createdAt, what: 'its request’s created_at' }
    : { at: work.runStartedAt, what: 'the import’s start' };
  // The seed saved a member's uploads in a folder named by their id (`UPLOAD_FOLDER/<id>/`).
  const folders = [...new Set([uploader, memberId].filter((owner) => owner !== null).map(String))];
  return {
    id,
    requestId,
    memberId,
    createdAt: madeAt(row, 'files', undated, work.report),
    name: seedFileName(row.filename),
    folders,
  };
}

/**
 * The name the seed kept a file under: the last part of what it stored. A bare name is taken as
 * it is (an uploaded name may hold `#`, `?` or `%`); a URL by its path, unescaped.
 */
export function seedFileName(value: string | number | null | undefined): string {
  const text = String(value ?? '').trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return basename(text.replaceAll('\\', '/'));
  let path: string;
  try {
    path = basename(new URL(text).pathname);
  } catch {
    return basename(text);
  }
  try {
    return decodeURIComponent(path);
  } catch {
    // Escapes that are no UTF-8: the name as the URL had it.
    return path;
  }
}

/** Stores the receipts, a few at a time; the ones that could not be are reported and left out. */
async function storeAll(
  receipts: readonly Receipt[],
  work: ReceiptImport,
): Promise<{ receipt: Receipt; file: StoredFile }[]> {
  const stored: { receipt: Receipt; file: StoredFile }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < receipts.length) {
      const receipt = receipts[next++]!;
      const file = await storeOne(receipt, work);
      if (file) stored.push({ receipt, file });
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILES_AT_ONCE, receipts.length) }, worker));
  return stored.sort((a, b) => a.receipt.id - b.receipt.id);
}

async function storeOne(receipt: Receipt, work: ReceiptImport): Promise<StoredFile | null> {
  const where = { table: 'files', id: receipt.id, column: 'filename', file: receipt.name };
  const found = await findSeedFile(work.filesDir, receipt.folders, receipt.name);
  if (found === null) {
    work.report({ kind: 'file_missing', ...where });
    return null;
  }
  // Read whole first, so that only the old folder's failures are this file's: the store's own
  // (a full disk) stop the import.
  if (found.size > work.policy.maxBytes) {
    work.report({
      kind: 'file_unreadable',
      ...where,
      reason: new FileTooLargeError(work.policy.maxBytes).message,
    });
    return null;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(found.path);
  } catch (error) {
    work.report({
      kind: 'file_unreadable',
      ...where,
      reason: (error as NodeJS.ErrnoException).code ?? 'unreadable',
    });
    return null;
  }
  try {
    return await work.store.save(bytes, work.policy);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    work.report({ kind: 'file_unreadable', ...where, reason: error.message });
    return null;
  }
}

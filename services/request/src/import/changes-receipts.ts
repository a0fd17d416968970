import type { Database } from '@kasa/db';
import type { FileStore } from '@kasa/files';
import {
  type SeedChange,
  type SeedFileOut,
  type SeedRow,
  seedDateTimeOfInstant,
  type VerifyContext,
} from '@kasa/seed-import';
import { asc, gt } from 'drizzle-orm';
import { requestFiles } from '../db/schema.ts';
import { kasaPages } from './kasa-pages.ts';
import { idOf } from './seed-values.ts';

type KasaReceipt = typeof requestFiles.$inferSelect;

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
};

/**
 * The seed's name for a receipt Kasa stored (`<unix seconds>_<name>`, as its app saved uploads):
 * Kasa keeps no uploaded name, so the name says what it is, and which receipt, so that two sent
 * in the same second into one member's folder do not overwrite each other, and the old table's
 * row is found again by it.
 */
export function seedReceiptName(receipt: Pick<KasaReceipt, 'id' | 'mime' | 'createdAt'>): string {
  const seconds = Math.floor(receipt.createdAt.getTime() / 1000);
  return `${seconds}_kasa-receipt-${receipt.id}.${EXTENSIONS[receipt.mime] ?? 'bin'}`;
}

/** The Kasa receipt a name of `seedReceiptName` stands for, or null for any other name. */
export function receiptIdOfSeedName(name: string | number | null | undefined): number | null {
  const match = /^[0-9]+_kasa-receipt-([0-9]+)\.[a-z]+$/.exec(String(name ?? ''));
  return match ? Number(match[1]) : null;
}

/** The old `files` table, as far as receipts go. */
interface OldFiles {
  /** The seed's own receipt rows: a Kasa receipt under one's id is the one imported from it. */
  receipts: Set<number>;
  /** Receipts a switch back wrote before, under ids of the old sequence: Kasa's id → its request. */
  writtenBack: Map<number, number>;
}

async function readOldFiles({ seedRows }: VerifyContext): Promise<OldFiles> {
  const receipts = new Set<number>();
  const writtenBack = new Map<number, number>();
  for await (const rows of seedRows('files'))
    for (const row of rows) {
      const id = idOf(row.id);
      const requestId = idOf(row.request_id);
      if (id === null || requestId === null) continue;
      const kasaId = receiptIdOfSeedName(row.filename);
      if (kasaId === null) receipts.add(id);
      else writtenBack.set(kasaId, requestId);
    }
  return { receipts, writtenBack };
}

/**
 * The receipts members attached in Kasa, as `files` rows of their request (`member_id` their
 * member, whose folder the seed kept them in) with their files, decrypted from the service's
 * store. A receipt under the id of one of the seed's own rows is the one imported from it (the
 * import moved Kasa's sequence past the seed's largest id). The others go back under new ids of
 * the old table: the `files` ids are shared with the member service's documents, whose Kasa
 * sequence overlaps this one, and nothing points at a receipt's row; each is found again by its
 * name, which holds Kasa's id.
 */
export async function receiptChangesSince(
  database: Database,
  store: FileStore,
  context: VerifyContext,
): Promise<{ changes: SeedChange[] }> {
  const old = await readOldFiles(context);
  const rows: SeedRow[] = [];
  const files: SeedFileOut[] = [];
  const pages = kasaPages<KasaReceipt>((after, size) =>
    database.db
      .select()
      .from(requestFiles)
      .where(gt(requestFiles.id, after))
      .orderBy(asc(requestFiles.id))
      .limit(size),
  );
  for await (const page of pages)
    for (const receipt of page) {
      if (old.receipts.has(receipt.id) || old.writtenBack.get(receipt.id) === receipt.requestId) continue;
      const name = seedReceiptName(receipt);
      const at = seedDateTimeOfInstant(receipt.createdAt);
      rows.push({
        filename: name,
        request_id: receipt.requestId,
        member_id: receipt.memberId,
        created_at: at,
        updated_at: at,
      });
      files.push({
        name,
        memberId: receipt.memberId,
        row: `request files ${receipt.id}`,
        bytes: async () => (await store.open(receipt.name)).bytes,
      });
    }
  return {
    changes: [{ what: 'receipts attached in Kasa', table: 'files', action: 'insert', rows, files }],
  };
}

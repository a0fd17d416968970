import { flagOfSeed, type SeedRow, seedDateTimeOfInstant, seedFlagOf } from '@kasa/seed-import';
import type { DocumentType } from '../domain/documents.ts';
import { memberIdentityKey } from './import-identity-documents.ts';
import { idOf } from './seed-values.ts';

type Status = 'pending' | 'current' | 'history';

/** A row of the old `member_identity` table of a member, as the import reads it. */
export interface OldDocumentRow {
  id: number | null;
  /** What the import recorded it by (`seed_imports`). */
  key: string;
  fileId: number | null;
  isActive: boolean;
  isNew: boolean;
}

/** An identity document Kasa holds, with what its file is. */
export interface KasaDocument {
  id: number;
  type: DocumentType;
  fileName: string;
  status: Status;
  createdAt: Date;
  updatedAt: Date;
  mime: string;
}

export interface DocumentsPlan {
  /** Old rows to change, by their id: the flags that change, and `updated_at`. */
  updates: Array<{ id: number; set: SeedRow }>;
  /** Documents the old rows lack (sent in Kasa), with their flags. */
  made: Array<{ document: KasaDocument; isActive: 0 | 1; isNew: 0 | 1 }>;
  /** Whether the import would find a document awaiting staff once written (the member's flag). */
  awaiting: boolean;
  unrepresentable: string | null;
}

export function oldDocumentRowOf(row: SeedRow): OldDocumentRow {
  return {
    id: idOf(row.id),
    key: memberIdentityKey(row),
    fileId: idOf(row.file_id),
    isActive: flagOfSeed(row.is_active ?? null),
    isNew: flagOfSeed(row.is_new ?? null),
  };
}

const statusOf = (isActive: boolean, isNew: boolean): Status =>
  isActive ? 'current' : isNew ? 'pending' : 'history';
const flagsOf = (status: Status) => ({ isActive: status === 'current', isNew: status === 'pending' });

/**
 * The import's rule (import-identity-documents.ts): a row marked active is current, one marked
 * new pending, the others history; of a member's documents of one type, the latest made stays
 * current (or pending) and the earlier ones are history.
 */
function statusesOf(
  rows: ReadonlyArray<{ document: KasaDocument; status: Status }>,
): Map<KasaDocument, Status> {
  const statuses = new Map<KasaDocument, Status>();
  const latest = new Map<string, KasaDocument>();
  const ordered = [...rows].sort(
    (a, b) =>
      a.document.createdAt.getTime() - b.document.createdAt.getTime() || a.document.id - b.document.id,
  );
  for (const { document, status } of ordered) {
    if (statuses.has(document)) continue;
    statuses.set(document, status);
    if (status === 'history') continue;
    const group = `${document.type}/${status}`;
    const before = latest.get(group);
    if (before) statuses.set(before, 'history');
    latest.set(group, document);
  }
  return statuses;
}

/**
 * How a member's old document rows come to say what Kasa holds: the rows of documents staff
 * reviewed in Kasa (approved, or replaced by a newer one) get the flags of their state, and the
 * documents sent in Kasa come as new rows. Each old row is Kasa's document by what the import
 * recorded it by, or, when a switch back wrote its file, by that file's name (`writtenDocumentOf`:
 * the Kasa document whose file an old `files` row is, by its id). Nothing is written when the rows
 * say what Kasa holds already, and nothing when they could not (the plan is checked against the
 * import's rule).
 */
export function planDocuments(
  rows: readonly OldDocumentRow[],
  documents: readonly KasaDocument[],
  importedFileOf: (key: string) => string | undefined,
  writtenDocumentOf: (fileId: number) => number | undefined,
): DocumentsPlan {
  const byFile = new Map(documents.map((document) => [document.fileName, document]));
  const byId = new Map(documents.map((document) => [document.id, document]));
  const linked: Array<{ row: OldDocumentRow; document: KasaDocument }> = [];
  for (const row of rows) {
    const written = row.fileId === null ? undefined : writtenDocumentOf(row.fileId);
    const fileName = written === undefined ? importedFileOf(row.key) : undefined;
    const document =
      written !== undefined ? byId.get(written) : fileName === undefined ? undefined : byFile.get(fileName);
    if (document) linked.push({ row, document });
  }
  const there = new Set(linked.map(({ document }) => document));
  const made = documents
    .filter((document) => !there.has(document))
    .map((document) => ({ document, status: document.status }));

  const simulate = (flags: ReadonlyMap<OldDocumentRow, Status>) => {
    const rowsAfter = linked.map(({ row, document }) => ({
      document,
      status: flags.get(row) ?? statusOf(row.isActive, row.isNew),
    }));
    const statuses = statusesOf([...rowsAfter, ...made]);
    return {
      agrees: documents.every(
        (document) => !statuses.has(document) || statuses.get(document) === document.status,
      ),
      awaiting: [...rowsAfter, ...made].some(({ status }) => status === 'pending'),
    };
  };

  // As the old rows are now (the member's flag, when nothing can be written).
  const awaitingNow = linked.some(({ row }) => statusOf(row.isActive, row.isNew) === 'pending');
  if (made.length === 0 && simulate(new Map()).agrees)
    return { updates: [], made: [], awaiting: awaitingNow, unrepresentable: null };

  // First the rows whose state the import reads otherwise; then, if that is not enough, every row
  // whose flags are not its document's state.
  const before = statusesOf(
    linked.map(({ row, document }) => ({ document, status: statusOf(row.isActive, row.isNew) })),
  );
  const attempts = [
    linked.filter(({ document }) => before.get(document) !== document.status),
    linked.filter(({ row, document }) => statusOf(row.isActive, row.isNew) !== document.status),
  ];
  for (const changing of attempts) {
    const flags = new Map(changing.map(({ row, document }) => [row, document.status]));
    const after = simulate(flags);
    if (!after.agrees) continue;
    const updates: DocumentsPlan['updates'] = [];
    for (const { row, document } of changing) {
      const { isActive, isNew } = flagsOf(document.status);
      const set: SeedRow = {};
      if (isActive !== row.isActive) set.is_active = seedFlagOf(isActive);
      if (isNew !== row.isNew) set.is_new = seedFlagOf(isNew);
      if (Object.keys(set).length === 0) continue;
      if (row.id === null)
        return refused('the old member_identity table has no ids to change its rows by', awaitingNow);
      updates.push({ id: row.id, set: { ...set, updated_at: seedDateTimeOfInstant(document.updatedAt) } });
    }
    return {
      updates,
      made: made.map(({ document }) => {
        const { isActive, isNew } = flagsOf(document.status);
        return { document, isActive: seedFlagOf(isActive), isNew: seedFlagOf(isNew) };
      }),
      awaiting: after.awaiting,
      unrepresentable: null,
    };
  }
  return refused('the old rows cannot say which documents are current, awaiting staff or past', awaitingNow);
}

const refused = (why: string, awaiting: boolean): DocumentsPlan => ({
  updates: [],
  made: [],
  awaiting,
  unrepresentable: why,
});

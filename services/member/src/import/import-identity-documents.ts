import type { Tx } from '@kasa/db';
import type { StoredFile } from '@kasa/files';
import { flagOfSeed, type ImportContext, type ImportStep, type SeedRow } from '@kasa/seed-import';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { identityDocuments, memberFiles, members } from '../db/schema.ts';
import { type DocumentType, SEED_IDENTITY_TYPE_IDS } from '../domain/documents.ts';
import { withStoredFiles } from './import-programs.ts';
import type { MemberImportRun } from './import-run.ts';
import {
  type ImportRecord,
  recordedKeys,
  recordImports,
  type SeedFile,
  storeSeedFiles,
} from './seed-files.ts';
import { changedAt, idOf, madeAt, seedFileName, seedRowKey } from './seed-values.ts';

/** The record (`seed_imports`) of a `member_identity` row brought over or settled. */
export const MEMBER_IDENTITY = 'member_identity';

const TYPE_OF_SEED_ID = new Map(
  Object.entries(SEED_IDENTITY_TYPE_IDS).map(([type, id]) => [id, type as DocumentType]),
);

type Status = 'pending' | 'current' | 'history';

interface SeedDocument {
  key: string;
  memberId: number;
  type: DocumentType;
  status: Status;
  createdAt: Date;
  updatedAt: Date;
  fileName: string;
}

/**
 * The steps that learn what the identity documents point at (identity types and files, owned
 * by no service as tables: they write nothing), then the documents themselves.
 */
export function identityDocumentSteps(run: MemberImportRun): ImportStep[] {
  return [
    {
      name: 'identity types (read)',
      table: 'identity_types',
      async write(_tx, rows) {
        for (const row of rows) {
          const id = idOf(row.id);
          if (id !== null) run.seed.identityTypeNames.set(id, String(row.name ?? ''));
        }
        return 0;
      },
    },
    {
      name: 'document files (read)',
      table: 'files',
      async write(_tx, rows) {
        for (const row of rows) {
          const id = idOf(row.id);
          if (id !== null)
            run.seed.fileById.set(id, { name: seedFileName(row.filename), memberId: idOf(row.member_id) });
        }
        return 0;
      },
    },
    {
      name: 'identity documents',
      table: 'member_identity',
      write: (tx, rows, context) =>
        withStoredFiles(run, (stored) => importDocuments(tx, rows, context, run, stored)),
    },
  ];
}

/** What tells a `member_identity` row apart (seedRowKey): its member, file and type where it has no id. */
export const memberIdentityKey = (row: SeedRow): string =>
  seedRowKey(row, ['member_id', 'file_id', 'identity_type']);

/**
 * The seed's identity documents (table 2.12 with its file, table 2.3, and type, table 2.11) as
 * Kasa keeps them: each file stored as a document upload is (typed by content, stripped,
 * encrypted) and recorded as the member's; the row the seed marks active is current, the one
 * marked new pending (staff review it: the member's flag is set), the others history. The
 * seed's type ids are Kasa's six (its code wrote them by number). Of a member's documents of one
 * type, Kasa keeps one current and one pending, as its uploads and approvals leave them: the
 * earlier ones are history. A document whose file is missing or refused is reported and tried
 * again at the next run; one that cannot be kept at all (no such type, no file row) is reported
 * once and recorded as settled.
 */
async function importDocuments(
  tx: Tx,
  rows: readonly SeedRow[],
  context: ImportContext,
  run: MemberImportRun,
  stored: StoredFile[],
): Promise<number> {
  const recorded = await recordedKeys(tx, MEMBER_IDENTITY, rows.map(memberIdentityKey));
  const settled: ImportRecord[] = [];
  const wanted: SeedFile<SeedDocument>[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const key = memberIdentityKey(row);
    if (recorded.has(key) || seen.has(key)) continue;
    seen.add(key);
    const refuse = (reason: string) => {
      context.report({ kind: 'not_imported', table: MEMBER_IDENTITY, id: key, reason });
      settled.push({ seedTable: MEMBER_IDENTITY, seedKey: key });
    };
    const memberId = idOf(row.member_id);
    if (memberId === null) {
      refuse('it names no member');
      continue;
    }
    const typeId = idOf(row.identity_type);
    const type = typeId === null ? undefined : TYPE_OF_SEED_ID.get(typeId);
    if (type === undefined) {
      const name = typeId === null ? undefined : run.seed.identityTypeNames.get(typeId);
      refuse(
        `its identity type ${row.identity_type ?? 'NULL'}${name ? ` ("${name}")` : ''} is none of the six Kasa keeps (1–6)`,
      );
      continue;
    }
    const fileId = idOf(row.file_id);
    const file = fileId === null ? undefined : run.seed.fileById.get(fileId);
    if (file === undefined || file.name === '') {
      refuse(
        file === undefined
          ? `its file ${row.file_id ?? 'NULL'} is no row of files`
          : 'its file row names no file',
      );
      continue;
    }
    const createdAt = madeAt(row, { table: MEMBER_IDENTITY, id: key }, run.runStartedAt, context.report);
    const document: SeedDocument = {
      key,
      memberId,
      type,
      status: flagOfSeed(row.is_active ?? null)
        ? 'current'
        : flagOfSeed(row.is_new ?? null)
          ? 'pending'
          : 'history',
      createdAt,
      updatedAt: changedAt(row, createdAt),
      fileName: file.name,
    };
    const folders = [...new Set([file.memberId, memberId].filter((owner) => owner !== null).map(String))];
    wanted.push({
      owner: document,
      table: 'files',
      id: fileId!,
      column: 'filename',
      name: file.name,
      folders,
      policy: run.policies.document,
    });
  }

  const files = await storeSeedFiles(run.files, context.filesDir, wanted, context.report, stored);
  if (files.length > 0) {
    const fromDiia = await diiaFileNames(
      tx,
      files.map(({ owner }) => owner.memberId),
    );
    await tx.insert(memberFiles).values(
      files.map(({ owner, file }) => ({
        name: file.name,
        memberId: owner.memberId,
        mime: file.mime,
        size: file.size,
        sha256: file.sha256,
      })),
    );
    await tx.insert(identityDocuments).values(
      files.map(({ owner, file }) => ({
        memberId: owner.memberId,
        type: owner.type,
        fileName: file.name,
        status: owner.status,
        source: fromDiia.get(owner.memberId)?.has(owner.fileName) ? ('diia' as const) : ('upload' as const),
        createdAt: owner.createdAt,
        updatedAt: owner.updatedAt,
      })),
    );
    const touched = [...new Set(files.map(({ owner }) => owner.memberId))];
    await keepOneOfEachType(tx, touched);
    const reviewing = [
      ...new Set(files.filter(({ owner }) => owner.status === 'pending').map(({ owner }) => owner.memberId)),
    ];
    if (reviewing.length > 0) {
      await tx
        .update(members)
        .set({ hasNewDocuments: true })
        .where(and(inArray(members.id, reviewing), eq(members.hasNewDocuments, false)));
    }
  }
  await recordImports(tx, [
    ...settled,
    ...files.map(({ owner, file }) => ({
      seedTable: MEMBER_IDENTITY,
      seedKey: owner.key,
      fileName: file.name,
      sha256: file.sha256,
    })),
  ]);
  return files.length;
}

/**
 * Of a member's current documents of one type, and of their pending ones, the latest made stays
 * and the others are history, as Kasa's uploads (a new pending one supersedes the last) and
 * approvals (the pending one replaces the current one) leave them.
 */
async function keepOneOfEachType(tx: Tx, memberIds: readonly number[]): Promise<void> {
  const live = await tx
    .select({
      id: identityDocuments.id,
      memberId: identityDocuments.memberId,
      type: identityDocuments.type,
      status: identityDocuments.status,
    })
    .from(identityDocuments)
    .where(
      and(
        inArray(identityDocuments.memberId, [...memberIds]),
        inArray(identityDocuments.status, ['pending', 'current']),
      ),
    )
    .orderBy(asc(identityDocuments.createdAt), asc(identityDocuments.id));
  const latest = new Map<string, number>();
  const earlier: number[] = [];
  for (const document of live) {
    const group = `${document.memberId}/${document.type}/${document.status}`;
    const before = latest.get(group);
    if (before !== undefined) earlier.push(before);
    latest.set(group, document.id);
  }
  if (earlier.length > 0)
    await tx
      .update(identityDocuments)
      .set({ status: 'history' })
      .where(inArray(identityDocuments.id, earlier));
}

/**
 * The files the members' Diia answers name, as the seed saved them (the name up to `.pdf`, then
 * `.pdf`): the documents Diia sent, not the member's uploads.
 */
async function diiaFileNames(tx: Tx, memberIds: readonly number[]): Promise<Map<number, Set<string>>> {
  const rows = await tx
    .select({ id: members.id, answer: members.diiaAnswer })
    .from(members)
    .where(and(inArray(members.id, [...new Set(memberIds)]), isNotNull(members.diiaAnswer)));
  const names = new Map<number, Set<string>>();
  for (const { id, answer } of rows) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer!);
    } catch {
      continue;
    }
    const data = (parsed as { data?: unknown } | null)?.data;
    if (typeof data !== 'object' || data === null) continue;
    const found = new Set<string>();
    for (const documents of Object.values(data)) {
      if (!Array.isArray(documents)) continue;
      for (const document of documents) {
        const fileName = (document as { fileName?: unknown } | null)?.fileName;
        if (typeof fileName !== 'string' || fileName === '') continue;
        // The seed's own cut: `f.filename[:f.filename.find(".pdf")] + ".pdf"`.
        const end = fileName.indexOf('.pdf');
        found.add(`${end === -1 ? fileName.slice(0, -1) : fileName.slice(0, end)}.pdf`);
      }
    }
    if (found.size > 0) names.set(id, found);
  }
  return names;
}

import type { Tx } from '@kasa/db';
import { insertInChunks } from '@kasa/db';
import type { StoredFile } from '@kasa/files';
import {
  flagOfSeed,
  type ImportContext,
  type ImportStep,
  kopiykyOfSeedAmount,
  type SeedRow,
} from '@kasa/seed-import';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { programs } from '../db/schema.ts';
import type { MemberImportRun } from './import-run.ts';
import {
  type ImportRecord,
  recordedKeys,
  recordImports,
  removeStored,
  type SeedFile,
  storeSeedFiles,
} from './seed-files.ts';
import { changedAt, idOf, madeAt, optionalText, type Report, seedFileName } from './seed-values.ts';

/** The record (`seed_imports`) of a program's terms file stored by the import. */
export const TERMS_FILE = 'programs.program_file';

const MAX_PRICE = 4_294_967_295;

export type NewProgram = typeof programs.$inferInsert & { id: number };

export function programSteps(run: MemberImportRun): ImportStep[] {
  return [
    {
      name: 'programs',
      table: 'programs',
      write: (tx, rows, context) =>
        withStoredFiles(run, (stored) => importPrograms(tx, rows, context, run, stored)),
    },
  ];
}

/** Runs a batch's work; if it fails, the files it stored are removed (its rows never named them). */
export async function withStoredFiles<T>(
  run: MemberImportRun,
  work: (stored: StoredFile[]) => Promise<T>,
): Promise<T> {
  const stored: StoredFile[] = [];
  try {
    return await work(stored);
  } catch (error) {
    await removeStored(run.files, stored);
    throw error;
  }
}

/**
 * The seed's programs (table 2.7), ids kept: name, month price in kopiyky, active flag, who
 * created and last changed them (staff ids, kept), and their terms, the file `program_file`'s
 * URL names in the old upload folder, stored as a terms upload is (a PDF). A program brought
 * over before is left as it is; only a terms file it still lacks (missing from an earlier run's
 * folder) is tried again, and set only if the program still has none.
 */
async function importPrograms(
  tx: Tx,
  rows: readonly SeedRow[],
  context: ImportContext,
  run: MemberImportRun,
  stored: StoredFile[],
): Promise<number> {
  const ids = rows.map((row) => idOf(row.id)).filter((id) => id !== null);
  const existing = new Map(
    ids.length === 0
      ? []
      : (
          await tx
            .select({ id: programs.id, termsFile: programs.termsFile })
            .from(programs)
            .where(inArray(programs.id, ids))
        ).map(({ id, termsFile }) => [id, termsFile] as const),
  );

  const fresh = new Map<number, NewProgram>();
  const terms: SeedFile<number>[] = [];
  for (const row of rows) {
    const id = idOf(row.id);
    if (id === null) {
      context.report({
        kind: 'not_imported',
        table: 'programs',
        id: row.id ?? '?',
        reason: 'its id is no row id',
      });
      continue;
    }
    const name = seedFileName(row.program_file);
    run.expected.programs.set(id, { terms: name !== '' });
    const there = existing.has(id);
    if (!there) fresh.set(id, programOfSeed(row, id, run.runStartedAt, context.report));
    if (name === '' || (there && existing.get(id) !== null)) continue;
    terms.push({
      owner: id,
      table: 'programs',
      id,
      column: 'program_file',
      name,
      folders: [],
      policy: run.policies.terms,
    });
  }

  const done = await recordedKeys(
    tx,
    TERMS_FILE,
    terms.map(({ owner }) => String(owner)),
  );
  const wanted = terms.filter(({ owner }) => !done.has(String(owner)));
  const files = await storeSeedFiles(run.files, context.filesDir, wanted, context.report, stored);

  const records: ImportRecord[] = [];
  let written = 0;
  for (const { owner: id, file } of files) {
    records.push({ seedTable: TERMS_FILE, seedKey: String(id), fileName: file.name, sha256: file.sha256 });
    const program = fresh.get(id);
    if (program) {
      program.termsFile = file.name;
      continue;
    }
    const [result] = await tx
      .update(programs)
      .set({ termsFile: file.name })
      .where(and(eq(programs.id, id), isNull(programs.termsFile)));
    written += result.affectedRows;
  }
  written += await insertInChunks(tx, programs, [...fresh.values()]);
  await recordImports(tx, records);
  return written;
}

/** A seed program as Kasa keeps one, its values converted by the stated rules. */
export function programOfSeed(row: SeedRow, id: number, runStartedAt: Date, report: Report): NewProgram {
  const where = { table: 'programs', id };
  const createdAt = madeAt(row, where, runStartedAt, report);
  let name = optionalText(row, where, 'program_name', 128, report);
  if (name === null) {
    name = `Програма ${id}`;
    report({
      kind: 'value_replaced',
      ...where,
      column: 'program_name',
      reason: `no name: taken as "${name}"`,
    });
  }
  return {
    id,
    name,
    monthPrice: priceOf(row, id, report),
    termsFile: null,
    // The seed listed only programs whose flag was true: NULL was not active.
    isActive: flagOfSeed(row.is_active ?? null, false),
    createdBy: idOf(row.created_by),
    updatedBy: idOf(row.updated_by),
    createdAt,
    updatedAt: changedAt(row, createdAt),
  };
}

/**
 * The month price in kopiyky by the stated rule (`kopiykyOfSeedAmount`), an inexact one reported
 * with what it became. A price Kasa cannot keep (none, negative, past an INT) is taken as 0 and
 * reported: no contribution can be priced by it (the seed could not divide by it either) until
 * staff set one.
 */
function priceOf(row: SeedRow, id: number, report: Report): number {
  const value = row.month_price ?? null;
  const replaced = (why: string) => {
    report({
      kind: 'value_replaced',
      table: 'programs',
      id,
      column: 'month_price',
      reason: `${why}: taken as 0`,
    });
    return 0;
  };
  if (value === null) return replaced('NULL');
  const { kopiyky, exact } = kopiykyOfSeedAmount(value);
  if (kopiyky === null) return replaced('no amount');
  if (!exact)
    report({ kind: 'inexact_amount', table: 'programs', id, column: 'month_price', value, kopiyky });
  if (kopiyky < 0 || kopiyky > MAX_PRICE) return replaced('no price Kasa can keep');
  return kopiyky;
}

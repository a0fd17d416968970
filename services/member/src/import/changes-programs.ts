import type { Database } from '@kasa/db';
import type { FileStore } from '@kasa/files';
import {
  kopiykyReadBack,
  type SeedFileOut,
  type SeedRow,
  seedAmountOfKopiyky,
  seedDateTimeOfInstant,
  seedFlagOf,
  type VerifyContext,
} from '@kasa/seed-import';
import { asc, eq } from 'drizzle-orm';
import { programs, seedImports } from '../db/schema.ts';
import { type NewProgram, programOfSeed, TERMS_FILE } from './import-programs.ts';
import { type ComparedColumn, plannedColumns } from './planned-columns.ts';
import { fileOut, isSeedNameOf, seedNameOfKasaFile, tagOfStoredName } from './seed-names-of-kasa-files.ts';
import { idOf, seedFileName } from './seed-values.ts';
import type { SwitchBackOut } from './switch-back-out.ts';

type ProgramRow = typeof programs.$inferSelect;

const UNKNOWN = new Date(0);
const ignore = () => {};

/** A program's columns, as the import reads them (`programOfSeed`) and as the old table holds them. */
const PROGRAM_COLUMNS: readonly ComparedColumn<ProgramRow, NewProgram>[] = [
  { name: 'program_name', kasa: (p) => p.name, seed: (c) => c.name, back: (p) => p.name },
  {
    name: 'month_price',
    kasa: (p) => p.monthPrice,
    seed: (c) => c.monthPrice,
    back: (p) => seedAmountOfKopiyky(p.monthPrice),
    unwritable: (p, column) =>
      kopiykyReadBack(p.monthPrice, column) === p.monthPrice
        ? null
        : 'the old FLOAT column would read it back as another amount',
  },
  {
    name: 'is_active',
    kasa: (p) => p.isActive,
    seed: (c) => c.isActive,
    back: (p) => seedFlagOf(p.isActive),
  },
  { name: 'created_by', kasa: (p) => p.createdBy, seed: (c) => c.createdBy, back: (p) => p.createdBy },
  { name: 'updated_by', kasa: (p) => p.updatedBy, seed: (c) => c.updatedBy, back: (p) => p.updatedBy },
];

/**
 * Programs an administrator made or changed in Kasa (name, price, active flag, who made and last
 * changed it, new terms), as rows of the old `programs` table; new terms with their file, for the
 * top of the old upload folder (where the seed kept them), named by the URL the old rows use.
 * Programs are a few: all are read at once.
 */
export async function programChangesSince(
  database: Database,
  store: FileStore,
  context: VerifyContext,
  out: SwitchBackOut,
): Promise<void> {
  const kasa = await database.db.select().from(programs).orderBy(asc(programs.id));
  const imported = new Map(
    (
      await database.db
        .select({ key: seedImports.seedKey, fileName: seedImports.fileName })
        .from(seedImports)
        .where(eq(seedImports.seedTable, TERMS_FILE))
    ).map(({ key, fileName }) => [Number(key), fileName]),
  );
  const old = new Map<number, SeedRow>();
  let folderUrl = '';
  for await (const rows of context.seedRows('programs'))
    for (const row of rows) {
      const id = idOf(row.id);
      if (id !== null) old.set(id, row);
      if (folderUrl === '') folderUrl = folderUrlOf(row.program_file);
    }

  const columns = out.columns('programs');
  for (const program of kasa) {
    const row = old.get(program.id) ?? null;
    const what = row === null ? 'programs made in Kasa' : 'programs changed in Kasa';
    const planned = plannedColumns(
      PROGRAM_COLUMNS,
      program,
      row,
      (values) => programOfSeed(values, program.id, UNKNOWN, ignore),
      columns,
      (column, why) => out.leave('programs', `${what}: ${column}`, why, program.id),
    );
    if (row === null && columns.has('program_file')) planned.program_file = null;
    const files: SeedFileOut[] = [];
    const terms = newTerms(program, row, imported.get(program.id) ?? null);
    if (terms !== null) {
      const value = `${folderUrl}${terms}`;
      if (columns.has('program_file')) {
        planned.program_file = value;
        files.push(fileOut(store, program.termsFile!, terms, null, `programs ${program.id}`));
      } else out.leave('programs', `${what}: program_file`, 'the old table has no such column', program.id);
    }
    const stamps = {
      ...(row === null && columns.has('created_at')
        ? { created_at: seedDateTimeOfInstant(program.createdAt) }
        : {}),
      ...(columns.has('updated_at') ? { updated_at: seedDateTimeOfInstant(program.updatedAt) } : {}),
    };
    if (row === null) out.add('programs', 'insert', what, { id: program.id, ...planned, ...stamps }, files);
    else if (Object.keys(planned).length > 0)
      out.add('programs', 'update', what, { id: program.id, ...planned, ...stamps }, files);
  }
}

/**
 * The seed's name for terms Kasa holds that the old row does not name: none when Kasa has no
 * terms (they were missing when it was imported), they are the terms it imported, or the old
 * row already names the file a switch back wrote for them.
 */
function newTerms(program: ProgramRow, row: SeedRow | null, imported: string | null): string | null {
  const stored = program.termsFile;
  if (stored === null || stored === imported) return null;
  const tag = tagOfStoredName(stored);
  if (row !== null && isSeedNameOf(seedFileName(row.program_file), 'terms', tag)) return null;
  return seedNameOfKasaFile('terms', tag, program.updatedAt, 'application/pdf');
}

/**
 * Where the old rows' terms live: the seed stored a full URL (`https://…/uploads/<name>`), which
 * its apps hand members as it is; new terms are named the same way. Bare names stay bare.
 */
function folderUrlOf(value: string | number | null | undefined): string {
  const text = String(value ?? '').trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return '';
  return text.slice(0, text.lastIndexOf('/') + 1);
}

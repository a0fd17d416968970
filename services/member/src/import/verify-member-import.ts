import { createHash } from 'node:crypto';
import type { Database } from '@kasa/db';
import { FileError } from '@kasa/files';
import type { VerificationLine, VerifyContext } from '@kasa/seed-import';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { memberRequests, members, programs, seedImports } from '../db/schema.ts';
import { MEMBER_IDENTITY } from './import-identity-documents.ts';
import { MEMBER_PROGRAM } from './import-member-programs.ts';
import type { MemberImportRun } from './import-run.ts';

/** Ids listed in a line's note when it does not agree; the rest are counted. */
const IDS_SHOWN = 20;
const FILES_AT_ONCE = 8;

/**
 * The member service's side of the verification report: rows per entity, the seed's against
 * Kasa's, and then, member by member, what each must hold (paid-until day, phone, certificate,
 * program, pending change, photo, the "new request" flag) against what it holds, and every file
 * the import stored opened (decrypted) against the checksum taken when it was stored. A line
 * that does not agree names the rows (ids, never values) or says where the report explains it.
 */
export async function verifyMemberImport(
  database: Database,
  run: MemberImportRun,
  { seedQuery }: VerifyContext,
): Promise<VerificationLine[]> {
  const { db } = database;
  const seedCount = async (table: string, where = '') => {
    try {
      const [row] = await seedQuery<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table} ${where}`);
      return Number(row?.n ?? 0);
    } catch {
      return null;
    }
  };
  const lines: VerificationLine[] = [];

  const programRows = await db.select({ id: programs.id, termsFile: programs.termsFile }).from(programs);
  const programById = new Map(programRows.map((row) => [row.id, row]));
  lines.push(
    presence('programs', await seedCount('programs'), run.expected.programs.keys(), programById),
    matching(
      'program terms files',
      [...run.expected.programs].filter(([, { terms }]) => terms).map(([id]) => id),
      (id) => programById.get(id)?.termsFile != null,
      'missing or refused in the old upload folder: see file_missing / file_unreadable in the report',
    ),
  );

  const memberRows = await db
    .select({
      id: members.id,
      phone: members.phone,
      certificate: members.certificate,
      paidUntil: members.paidUntil,
      photoFile: members.photoFile,
      programId: members.programId,
      pendingProgramId: members.pendingProgramId,
      hasNewRequest: members.hasNewRequest,
    })
    .from(members);
  const memberById = new Map(memberRows.map((row) => [row.id, row]));
  const expected = [...run.expected.members];
  const ofSeed = (pick: (value: (typeof expected)[number][1]) => boolean) =>
    expected.filter(([, value]) => pick(value)).map(([id]) => id);
  lines.push(
    presence('members', await seedCount('members'), run.expected.members.keys(), memberById),
    matching(
      'paid-until days',
      expected.map(([id]) => id),
      (id) => (memberById.get(id)?.paidUntil ?? null) === run.expected.members.get(id)!.paidUntil,
      'paid-until differs from the seed’s expiration_date day',
    ),
    matching(
      'phones',
      ofSeed(({ phone }) => phone !== null),
      (id) => memberById.get(id)?.phone === run.expected.members.get(id)!.phone,
      'phone differs from the seed’s',
      `${expected.length - ofSeed(({ phone }) => phone !== null).length} came over with a stand-in (bad_phone / duplicate_phone in the report)`,
    ),
    matching(
      'certificates',
      ofSeed(({ certificate }) => certificate !== null),
      (id) => memberById.get(id)?.certificate === run.expected.members.get(id)!.certificate,
      'certificate differs from the seed’s',
    ),
    matching(
      'member photos',
      ofSeed(({ photo }) => photo),
      (id) => memberById.get(id)?.photoFile != null,
      'missing or refused in the old upload folder: see file_missing / file_unreadable in the report',
    ),
  );

  const known = (id: number) => memberById.has(id);
  const current = [...run.seed.currentProgram].filter(([id]) => known(id));
  const pending = [...run.seed.pendingProgram].filter(
    ([id, choice]) => known(id) && run.seed.currentProgram.get(id)?.programId !== choice.programId,
  );
  lines.push(
    matching(
      'programs members are on',
      current.map(([id]) => id),
      (id) => memberById.get(id)?.programId === run.seed.currentProgram.get(id)!.programId,
      'program differs from the seed’s active member_program row',
    ),
    matching(
      'program changes awaiting staff',
      pending.map(([id]) => id),
      (id) => memberById.get(id)?.pendingProgramId === run.seed.pendingProgram.get(id)!.programId,
      'pending program differs from the seed’s latest new member_program row',
    ),
  );

  const recorded = async (seedTable: string, withFile: boolean) => {
    const [row] = await db
      .select({ n: count() })
      .from(seedImports)
      .where(
        withFile
          ? and(eq(seedImports.seedTable, seedTable), isNotNull(seedImports.fileName))
          : eq(seedImports.seedTable, seedTable),
      );
    return row?.n ?? 0;
  };
  const rowsOf = (what: string, seed: number | null, kasa: number, note: string): VerificationLine => ({
    what,
    seed: seed ?? 'not counted',
    kasa,
    agrees: seed === kasa,
    ...(seed === kasa ? {} : { note }),
  });
  lines.push(
    rowsOf(
      'member_program rows settled',
      await seedCount('member_program'),
      await recorded(MEMBER_PROGRAM, false),
      'rows not yet settled (a failed batch), or rows the seed holds twice over (one settles both)',
    ),
    rowsOf(
      'identity documents',
      await seedCount('member_identity'),
      await recorded(MEMBER_IDENTITY, true),
      'documents not brought over: see file_missing / file_unreadable / not_imported for member_identity in the report',
    ),
  );

  const [followed] = await db.select({ n: count() }).from(memberRequests);
  lines.push(
    rowsOf(
      'requests followed (for the "new request" flag)',
      run.expected.requests,
      followed?.n ?? 0,
      'the member service follows requests the seed does not have (made in Kasa since?), or misses some',
    ),
    matching(
      'members with a request waiting for staff',
      memberRows
        .filter(({ id, hasNewRequest }) => hasNewRequest || run.expected.waitingMembers.has(id))
        .map(({ id }) => id),
      (id) => memberById.get(id)!.hasNewRequest === run.expected.waitingMembers.has(id),
      '"new request" flag differs from the seed’s requests (opened or awaiting_agent)',
    ),
  );

  lines.push(await storedFilesLine(database, run));
  return lines;
}

/** How many of the seed's rows Kasa has by their ids. */
function presence(
  what: string,
  seed: number | null,
  ids: Iterable<number>,
  kasa: ReadonlyMap<number, unknown>,
): VerificationLine {
  const missing: number[] = [];
  let seen = 0;
  for (const id of ids) {
    seen += 1;
    if (!kasa.has(id)) missing.push(id);
  }
  const there = seen - missing.length;
  const agrees = missing.length === 0 && (seed === null || seed === seen);
  const notes: string[] = [];
  if (missing.length > 0) notes.push(`missing ids: ${listed(missing)}`);
  if (seed !== null && seed !== seen)
    notes.push(`${seed - seen} seed rows not read (no usable id: see not_imported)`);
  return { what, seed: seed ?? seen, kasa: there, agrees, ...(agrees ? {} : { note: notes.join('; ') }) };
}

/** Of the seed's rows that carry something, how many Kasa holds as the seed had it. */
function matching(
  what: string,
  ids: readonly number[],
  agreesFor: (id: number) => boolean,
  why: string,
  aside?: string,
): VerificationLine {
  const differing = ids.filter((id) => !agreesFor(id));
  const agrees = differing.length === 0;
  const notes = agrees ? [] : [`${why}: ${listed(differing)}`];
  if (aside) notes.push(aside);
  return {
    what,
    seed: ids.length,
    kasa: ids.length - differing.length,
    agrees,
    ...(notes.length === 0 ? {} : { note: notes.join('; ') }),
  };
}

const listed = (ids: readonly number[]) =>
  `${ids.slice(0, IDS_SHOWN).join(', ')}${ids.length > IDS_SHOWN ? ` and ${ids.length - IDS_SHOWN} more` : ''}`;

/** Every file the import stored, opened (decrypted and authenticated) and hashed against its record. */
async function storedFilesLine(database: Database, run: MemberImportRun): Promise<VerificationLine> {
  const files = await database.db
    .select({ name: seedImports.fileName, sha256: seedImports.sha256 })
    .from(seedImports)
    .where(isNotNull(seedImports.fileName));
  const failed: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const { name, sha256 } = files[next++]!;
      try {
        const { bytes } = await run.files.open(name!);
        if (createHash('sha256').update(bytes).digest('hex') !== sha256) failed.push(name!);
      } catch (error) {
        // Not found, changed on disk, written with another key: this file failed; anything else is the check's own.
        if (!(error instanceof FileError)) throw error;
        failed.push(name!);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILES_AT_ONCE, files.length) }, worker));
  const agrees = failed.length === 0;
  return {
    what: 'stored files opened against their checksums',
    seed: files.length,
    kasa: files.length - failed.length,
    agrees,
    ...(agrees
      ? {}
      : { note: `changed, missing or unreadable in the store: ${failed.slice(0, IDS_SHOWN).join(', ')}` }),
  };
}

import type { Tx } from '@kasa/db';
import { insertInChunks } from '@kasa/db';
import type { StoredFile } from '@kasa/files';
import type { ImportContext, ImportStep, SeedRow } from '@kasa/seed-import';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { memberFiles, members } from '../db/schema.ts';
import { withStoredFiles } from './import-programs.ts';
import type { MemberImportRun } from './import-run.ts';
import { memberOfSeed, type SeedMember } from './member-of-seed.ts';
import { recordedKeys, recordImports, type SeedFile, storeSeedFiles } from './seed-files.ts';
import { idOf } from './seed-values.ts';

/** The record (`seed_imports`) of a member's photo stored by the import. */
export const PHOTO_FILE = 'members.photo';

/** A certificate number the counter can move past: digits that make a whole number JavaScript holds. */
const NUMBERED = /^[0-9]{1,15}$/;

export function memberSteps(run: MemberImportRun): ImportStep[] {
  return [
    {
      name: 'members',
      table: 'members',
      write: (tx, rows, context) =>
        withStoredFiles(run, (stored) => importMembers(tx, rows, context, run, stored)),
    },
  ];
}

/**
 * The seed's members (table 2.2), ids kept, with every column Kasa keeps (memberOfSeed), their
 * photos stored as a photo upload is. A phone signs one member in and a certificate names one
 * member in the fund's paperwork (unique indexes): the member with the lowest id keeps it, as the
 * seed's own look-ups found that one first; the others are reported and come over without it
 * (a stand-in for the phone, no certificate). The certificate counter moves past the numbers
 * brought over, and every instance's search index is told to read the members again (their
 * `updated_at` is in the past, where its reads of recent changes would never look).
 */
async function importMembers(
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
            .select({ id: members.id, photoFile: members.photoFile })
            .from(members)
            .where(inArray(members.id, ids))
        ).map(({ id, photoFile }) => [id, photoFile] as const),
  );

  const fresh: SeedMember[] = [];
  const photos: SeedFile<number>[] = [];
  for (const row of rows) {
    const id = idOf(row.id);
    if (id === null) {
      context.report({
        kind: 'not_imported',
        table: 'members',
        id: row.id ?? '?',
        reason: 'its id is no row id',
      });
      continue;
    }
    const there = existing.has(id);
    const member = memberOfSeed(row, id, run.runStartedAt, there ? () => {} : context.report);
    noteExpected(run, member);
    if (!there) fresh.push(member);
    if (member.photo === '' || (there && existing.get(id) !== null)) continue;
    photos.push({
      owner: id,
      table: 'members',
      id,
      column: 'photo',
      name: member.photo,
      folders: [String(id)],
      policy: run.policies.photo,
    });
  }

  await settleUnique(tx, fresh, context);

  const done = await recordedKeys(
    tx,
    PHOTO_FILE,
    photos.map(({ owner }) => String(owner)),
  );
  const wanted = photos.filter(({ owner }) => !done.has(String(owner)));
  const files = await storeSeedFiles(run.files, context.filesDir, wanted, context.report, stored);
  const freshById = new Map(fresh.map((member) => [member.values.id, member]));
  let written = 0;
  const laterPhotos: Array<{ id: number; file: StoredFile }> = [];
  for (const { owner: id, file } of files) {
    const member = freshById.get(id);
    if (member) member.values.photoFile = file.name;
    else laterPhotos.push({ id, file });
  }

  written += await insertInChunks(
    tx,
    members,
    fresh.map(({ values }) => values),
    (values) => (values.diiaAnswer?.length ?? 0) + (values.passportData?.length ?? 0),
  );
  const kept = files.filter(({ owner }) => freshById.has(owner));
  for (const { id, file } of laterPhotos) {
    const [result] = await tx
      .update(members)
      .set({ photoFile: file.name })
      .where(and(eq(members.id, id), isNull(members.photoFile)));
    written += result.affectedRows;
    // The member has a photo of their own by now: theirs stays.
    if (result.affectedRows === 1) kept.push({ owner: id, file });
    else await run.files.remove(file.name);
  }
  if (kept.length > 0) {
    await tx.insert(memberFiles).values(
      kept.map(({ owner, file }) => ({
        name: file.name,
        memberId: owner,
        mime: file.mime,
        size: file.size,
        sha256: file.sha256,
      })),
    );
  }
  await recordImports(
    tx,
    kept.map(({ owner, file }) => ({
      seedTable: PHOTO_FILE,
      seedKey: String(owner),
      fileName: file.name,
      sha256: file.sha256,
    })),
  );
  await moveCertificateCounter(tx, fresh);
  if (written > 0) await bumpSearchIndexEpoch(tx);
  return written;
}

/**
 * What the verification expects of the member in Kasa: the seed's paid-until day, and its phone
 * and certificate unless a member with a lower id held them first (rows come in key order, and
 * the run remembers earlier batches').
 */
function noteExpected(run: MemberImportRun, member: SeedMember): void {
  const { id } = member.values;
  const firstHolder = (holders: Map<string, number>, value: string | null) => {
    if (value === null) return false;
    const key = value.toLowerCase();
    const holder = holders.get(key);
    if (holder === undefined) holders.set(key, id);
    return (holder ?? id) === id;
  };
  run.expected.members.set(id, {
    paidUntil: member.values.paidUntil ?? null,
    phone: firstHolder(run.seed.phoneHolders, member.phone) ? member.phone : null,
    certificate: firstHolder(run.seed.certificateHolders, member.certificate) ? member.certificate : null,
    photo: member.photo !== '',
  });
}

/**
 * Who keeps each phone, certificate and awaited Diia request of the batch: the first member to
 * hold it in the seed (the lowest id: rows come in key order, and earlier batches' members are
 * in the database already), unless a member Kasa has already holds it. The others are reported
 * by row.
 */
async function settleUnique(tx: Tx, fresh: readonly SeedMember[], context: ImportContext): Promise<void> {
  const holders = async (
    column: typeof members.phone | typeof members.certificate | typeof members.diiaRequestId,
    values: (string | null)[],
  ) => {
    const wanted = [...new Set(values.filter((value) => value !== null))];
    if (wanted.length === 0) return new Map<string, number>();
    const rows = await tx
      .select({ id: members.id, value: column })
      .from(members)
      .where(inArray(column, wanted));
    return new Map(rows.map(({ id, value }) => [String(value).toLowerCase(), id]));
  };
  const phoneHolders = await holders(
    members.phone,
    fresh.map(({ phone }) => phone),
  );
  const certificateHolders = await holders(
    members.certificate,
    fresh.map(({ certificate }) => certificate),
  );
  const diiaHolders = await holders(
    members.diiaRequestId,
    fresh.map(({ diiaRequestId }) => diiaRequestId),
  );
  for (const member of fresh) {
    const { id } = member.values;
    if (member.phone === null) {
      context.report({ kind: 'bad_phone', table: 'members', id });
    } else {
      const holder = phoneHolders.get(member.phone.toLowerCase());
      if (holder !== undefined && holder !== id) {
        context.report({ kind: 'duplicate_phone', table: 'members', ids: [holder, id] });
      } else {
        member.values.phone = member.phone;
        phoneHolders.set(member.phone.toLowerCase(), id);
      }
    }
    if (member.certificate !== null) {
      // The database compares certificates without regard to case, so the batch does too.
      const key = member.certificate.toLowerCase();
      const holder = certificateHolders.get(key);
      if (holder !== undefined && holder !== id) {
        context.report({ kind: 'duplicate_certificate', certificate: member.certificate, ids: [holder, id] });
      } else {
        member.values.certificate = member.certificate;
        certificateHolders.set(key, id);
      }
    }
    if (member.diiaRequestId !== null) {
      const holder = diiaHolders.get(member.diiaRequestId);
      if (holder !== undefined && holder !== id) {
        // Two members awaiting one Diia request: the answer can find only one; the other keeps the id as text.
        member.values.diiaAnswer = member.diiaRequestId;
      } else {
        member.values.diiaRequestId = member.diiaRequestId;
        diiaHolders.set(member.diiaRequestId, id);
      }
    }
  }
}

/**
 * The counter Kasa hands certificate numbers from moves past every number brought over, so that
 * the next one generated is new and larger (the seed's were Unix times: Kasa carries on above them).
 */
async function moveCertificateCounter(tx: Tx, fresh: readonly SeedMember[]): Promise<void> {
  let highest = 0;
  for (const { values } of fresh) {
    if (values.certificate && NUMBERED.test(values.certificate))
      highest = Math.max(highest, Number(values.certificate));
  }
  if (highest === 0) return;
  await tx.execute(
    sql`INSERT INTO certificate_counter (id, last) VALUES (1, ${highest})
        ON DUPLICATE KEY UPDATE last = GREATEST(last, VALUES(last))`,
  );
}

/** Every instance's search index reads all members again at its next search (see search_index_epoch). */
export async function bumpSearchIndexEpoch(tx: Tx): Promise<void> {
  await tx.execute(
    sql`INSERT INTO search_index_epoch (id, epoch) VALUES (1, 1) ON DUPLICATE KEY UPDATE epoch = epoch + 1`,
  );
}

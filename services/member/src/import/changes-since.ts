import type { Database } from '@kasa/db';
import type { FileStore } from '@kasa/files';
import {
  type SeedChanges,
  type SeedFileOut,
  type SeedRow,
  seedDateTimeOfInstant,
  seedFlagOf,
  seedValueUnfit,
  type VerifyContext,
} from '@kasa/seed-import';
import { and, asc, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import {
  identityDocuments,
  memberFiles,
  memberPrograms,
  members,
  seedImports,
  waitingContributions,
} from '../db/schema.ts';
import { SEED_IDENTITY_TYPE_IDS } from '../domain/documents.ts';
import {
  type KasaDocument,
  type OldDocumentRow,
  oldDocumentRowOf,
  planDocuments,
} from './changes-documents.ts';
import { type OldProgramRow, oldProgramRowOf, planMemberPrograms } from './changes-member-programs.ts';
import { convertedMember, type KasaMemberState, MEMBER_COLUMNS } from './changes-members.ts';
import { programChangesSince } from './changes-programs.ts';
import { MEMBER_IDENTITY } from './import-identity-documents.ts';
import { PHOTO_FILE } from './import-members.ts';
import { plannedColumns } from './planned-columns.ts';
import {
  fileOut,
  isSeedNameOf,
  seedNameOfKasaFile,
  tagOfSeedName,
  tagOfStoredName,
} from './seed-names-of-kasa-files.ts';
import { idOf, seedFileName } from './seed-values.ts';
import { SwitchBackOut } from './switch-back-out.ts';

type MemberRow = typeof members.$inferSelect;

/** Members compared at once: the old table's page and Kasa's rows of the same ids. */
const MEMBERS_AT_ONCE = 2_000;

const WHAT = {
  newMembers: 'members who signed up in Kasa',
  changedMembers: 'members changed in Kasa',
  newPrograms: 'member programs begun or asked for in Kasa',
  changedPrograms: 'member programs approved, left or withdrawn in Kasa',
  newFiles: 'files of identity documents sent in Kasa',
  newDocuments: 'identity documents sent in Kasa',
  changedDocuments: 'identity documents reviewed or replaced in Kasa',
} as const;

/**
 * The member service's side of a switch back (`./kasa switch-back`, issue 19): what its schema
 * holds that the old database lacks, as rows of the seed's tables, the inverse of its import.
 * Programs made or changed (with new terms), members who signed up or changed (with new
 * photos), the programs members are on and the changes they asked for, identity documents sent
 * or reviewed (with their files). Each old row is compared as the import reads it, so right after
 * an import nothing differs, and once these rows are written nothing does any more. Read only.
 *
 * The old tables are read once each, in pages where they have a key (`members`); the link tables
 * (`member_program`, `member_identity`, which the seed kept without one) are held by member, a
 * few small rows each, as the import's reader holds them too. Kasa's rows are read for one page of
 * members at a time.
 */
export async function memberChangesSince(
  database: Database,
  store: FileStore,
  context: VerifyContext,
): Promise<SeedChanges> {
  const out = new SwitchBackOut(context.seedColumns);
  await programChangesSince(database, store, context, out);

  const old: OldLinks = {
    programs: await readOldPrograms(context),
    documents: await readOldDocuments(context),
    documentFiles: await readDocumentFiles(context),
  };
  // Who has each certificate in the old table once the rows are written: its holders by id.
  const certificates = new Map<string, number[]>();
  const uncertain: Uncertain[] = [];

  let after = 0;
  for await (const rows of context.seedRows('members', MEMBERS_AT_ONCE)) {
    const byId = new Map<number, SeedRow>();
    for (const row of rows) {
      const id = idOf(row.id);
      if (id === null) continue;
      byId.set(id, row);
      const certificate = certificateKeyOf(row);
      if (certificate !== null) pushTo(certificates, certificate, id);
    }
    if (byId.size === 0) continue;
    const upTo = Math.max(...byId.keys());
    const kasa = await database.db
      .select()
      .from(members)
      .where(and(gt(members.id, after), lte(members.id, upTo)))
      .orderBy(asc(members.id));
    uncertain.push(...(await compareMembers(database, store, kasa, byId, old, certificates, out)));
    after = upTo;
  }
  // Members Kasa made past the old table's last.
  for (;;) {
    const kasa = await database.db
      .select()
      .from(members)
      .where(gt(members.id, after))
      .orderBy(asc(members.id))
      .limit(MEMBERS_AT_ONCE);
    if (kasa.length === 0) break;
    await compareMembers(database, store, kasa, new Map(), old, certificates, out);
    after = kasa.at(-1)!.id;
  }

  settleCertificates(uncertain, certificates, out);
  await leaveWaitingContributions(database, out);
  return out.result();
}

/** A member without a certificate in Kasa whose old row has one (its key), settled at the end. */
interface Uncertain {
  member: MemberRow;
  certificate: string;
}

/** The old link tables, by member, and the old `files` table as far as documents sent in Kasa go. */
interface OldLinks {
  programs: Map<number, OldProgramRow[]>;
  documents: Map<number, OldDocumentRow[]>;
  documentFiles: DocumentFiles;
}

/**
 * The `files` rows a switch back wrote before for documents sent in Kasa, found by their name
 * (`_kasa-document-<Kasa document id>`), and the ids new ones go under. A document's
 * `member_identity` row must name its file in the same write, so its id is chosen here: the next
 * past the old table's largest, one after another. The request service writes its receipts into
 * the same table afterwards (the member service's inserts come first) under the ids the old
 * table's sequence gives, which then are past these: no id is taken twice, nor one far past the
 * old system's own.
 */
interface DocumentFiles {
  /** The `files` id of each Kasa document written back, by the document's id. */
  byDocument: Map<number, number>;
  /** The Kasa document each of those rows is the file of, by the row's id. */
  documentOf: Map<number, number>;
  /** The id the next document's file goes under. */
  nextId: number;
}

async function readOldPrograms({ seedRows }: VerifyContext): Promise<Map<number, OldProgramRow[]>> {
  const byMember = new Map<number, OldProgramRow[]>();
  // Undated rows count as made when the import ran, after every dated one: now does the same.
  const undated = new Date();
  let order = 0;
  for await (const rows of seedRows('member_program'))
    for (const row of rows) {
      const parsed = oldProgramRowOf(row, order++, undated);
      if (parsed === null) continue;
      const memberId = idOf(row.member_id)!;
      pushTo(byMember, memberId, parsed);
    }
  return byMember;
}

async function readOldDocuments({ seedRows }: VerifyContext): Promise<Map<number, OldDocumentRow[]>> {
  const byMember = new Map<number, OldDocumentRow[]>();
  for await (const rows of seedRows('member_identity'))
    for (const row of rows) {
      const memberId = idOf(row.member_id);
      if (memberId === null) continue;
      pushTo(byMember, memberId, oldDocumentRowOf(row));
    }
  return byMember;
}

async function readDocumentFiles({ seedRows }: VerifyContext): Promise<DocumentFiles> {
  const byDocument = new Map<number, number>();
  const documentOf = new Map<number, number>();
  let largest = 0;
  for await (const rows of seedRows('files'))
    for (const row of rows) {
      const number = Number(row.id ?? Number.NaN);
      if (Number.isSafeInteger(number) && number > largest) largest = number;
      const id = idOf(row.id);
      const tag = tagOfSeedName(seedFileName(row.filename), 'document');
      const documentId = tag === null ? null : idOf(tag);
      if (id === null || documentId === null || String(documentId) !== tag) continue;
      documentOf.set(id, documentId);
      const before = byDocument.get(documentId);
      if (before === undefined || id < before) byDocument.set(documentId, id);
    }
  return { byDocument, documentOf, nextId: largest + 1 };
}

/** The certificate as the import keys its holders (trimmed, without regard to case), or null. */
function certificateKeyOf(row: SeedRow): string | null {
  const text = String(row.certificate ?? '').trim();
  return text === '' ? null : [...text].slice(0, 32).join('').toLowerCase();
}

/**
 * One page of members: Kasa's, against the old rows of the same ids (none for members made in
 * Kasa). Returns the members whose certificate can only be settled once the whole old table has
 * been read.
 */
async function compareMembers(
  database: Database,
  store: FileStore,
  kasa: readonly MemberRow[],
  oldById: ReadonlyMap<number, SeedRow>,
  old: OldLinks,
  certificates: Map<string, number[]>,
  out: SwitchBackOut,
): Promise<Uncertain[]> {
  if (kasa.length === 0) return [];
  const kasaOf = await readKasaOfMembers(database, kasa, old);
  const uncertain: Uncertain[] = [];
  for (const member of kasa) {
    const row = oldById.get(member.id) ?? null;
    const programs = comparePrograms(member, kasaOf.history.get(member.id) ?? [], old, out);
    const documents = compareDocuments(member.id, store, kasaOf, old, out);
    const state: KasaMemberState = {
      member,
      programs: programs.view,
      programsWritten: programs.written,
      documentsAwaiting: documents.awaiting,
      documentsWritten: documents.written,
    };
    const planned = compareMember(state, row, store, kasaOf, out);
    const certificate = row === null ? null : certificateKeyOf(row);
    if ('certificate' in planned)
      moveCertificate(certificates, member.id, certificate, certificateKeyOf(planned));
    if (member.certificate === null && certificate !== null) uncertain.push({ member, certificate });
    if (member.hasCorrectionRequest)
      out.leave(
        'members',
        'mistakes members reported in their name or birth date',
        'the old system has no place for a reported mistake awaiting staff',
        member.id,
      );
  }
  return uncertain;
}

/** What Kasa holds of a page of members beside their rows. */
interface KasaOfMembers {
  history: Map<number, Array<{ programId: number; startedAt: Date; endedAt: Date | null }>>;
  documents: Map<number, KasaDocument[]>;
  /** The file names the import stored, by its records: the photos by member, the documents by seed key. */
  importedPhotos: Map<number, string | null>;
  importedDocuments: Map<string, string | null>;
  photoFiles: Map<string, { createdAt: Date; mime: string }>;
}

async function readKasaOfMembers(
  database: Database,
  kasa: readonly MemberRow[],
  old: OldLinks,
): Promise<KasaOfMembers> {
  const { db } = database;
  const ids = kasa.map(({ id }) => id);
  const history = new Map<number, Array<{ programId: number; startedAt: Date; endedAt: Date | null }>>();
  for (const { memberId, ...row } of await db
    .select({
      memberId: memberPrograms.memberId,
      programId: memberPrograms.programId,
      startedAt: memberPrograms.startedAt,
      endedAt: memberPrograms.endedAt,
    })
    .from(memberPrograms)
    .where(inArray(memberPrograms.memberId, ids)))
    pushTo(history, memberId, row);

  const documents = new Map<number, KasaDocument[]>();
  for (const { memberId, ...document } of await db
    .select({
      memberId: identityDocuments.memberId,
      id: identityDocuments.id,
      type: identityDocuments.type,
      fileName: identityDocuments.fileName,
      status: identityDocuments.status,
      createdAt: identityDocuments.createdAt,
      updatedAt: identityDocuments.updatedAt,
      mime: memberFiles.mime,
    })
    .from(identityDocuments)
    .innerJoin(memberFiles, eq(memberFiles.name, identityDocuments.fileName))
    .where(inArray(identityDocuments.memberId, ids))
    .orderBy(asc(identityDocuments.id)))
    pushTo(documents, memberId, document);

  const recorded = async (seedTable: string, keys: string[]) =>
    keys.length === 0
      ? []
      : db
          .select({ key: seedImports.seedKey, fileName: seedImports.fileName })
          .from(seedImports)
          .where(and(eq(seedImports.seedTable, seedTable), inArray(seedImports.seedKey, keys)));
  const importedPhotos = new Map(
    (await recorded(PHOTO_FILE, ids.map(String))).map(({ key, fileName }) => [Number(key), fileName]),
  );
  const documentKeys = ids.flatMap((id) => (old.documents.get(id) ?? []).map(({ key }) => key));
  const importedDocuments = new Map(
    (await recorded(MEMBER_IDENTITY, documentKeys)).map(({ key, fileName }) => [key, fileName]),
  );

  const photos = kasa.map(({ photoFile }) => photoFile).filter((name) => name !== null);
  const photoFiles = new Map(
    (photos.length === 0
      ? []
      : await db
          .select({ name: memberFiles.name, createdAt: memberFiles.createdAt, mime: memberFiles.mime })
          .from(memberFiles)
          .where(inArray(memberFiles.name, photos))
    ).map(({ name, ...file }) => [name, file]),
  );
  return { history, documents, importedPhotos, importedDocuments, photoFiles };
}

/** The member's `member_program` rows to write; what the import will make of them. */
function comparePrograms(
  member: MemberRow,
  history: KasaOfMembers['history'] extends Map<number, infer H> ? H : never,
  old: OldLinks,
  out: SwitchBackOut,
) {
  const plan = planMemberPrograms(old.programs.get(member.id) ?? [], {
    programId: member.programId,
    pendingProgramId: member.pendingProgramId,
    changedAt: member.updatedAt,
    history,
  });
  if (plan.unrepresentable !== null)
    out.leave('member_program', 'programs of members (by member id)', plan.unrepresentable, member.id);
  for (const { id, set } of plan.updates)
    out.add('member_program', 'update', WHAT.changedPrograms, { id, ...set });
  for (const row of plan.inserts)
    out.add('member_program', 'insert', WHAT.newPrograms, { member_id: member.id, ...row });
  return { view: plan.view, written: plan.updates.length + plan.inserts.length > 0 };
}

/** The member's `member_identity` rows (and `files` rows) to write; whether one will await staff. */
function compareDocuments(
  memberId: number,
  store: FileStore,
  kasaOf: KasaOfMembers,
  old: OldLinks,
  out: SwitchBackOut,
): { awaiting: boolean; written: boolean } {
  const plan = planDocuments(
    old.documents.get(memberId) ?? [],
    kasaOf.documents.get(memberId) ?? [],
    (key) => kasaOf.importedDocuments.get(key) ?? undefined,
    (fileId) => old.documentFiles.documentOf.get(fileId),
  );
  if (plan.unrepresentable !== null)
    out.leave(
      'member_identity',
      'identity documents of members (by member id)',
      plan.unrepresentable,
      memberId,
    );
  for (const { id, set } of plan.updates)
    out.add('member_identity', 'update', WHAT.changedDocuments, { id, ...set });
  const files = old.documentFiles;
  for (const { document, isActive, isNew } of plan.made) {
    // A file written back before (found by its name) is not written again: the new row names it.
    let fileId = files.byDocument.get(document.id);
    const created = seedDateTimeOfInstant(document.createdAt);
    if (fileId === undefined) {
      fileId = files.nextId++;
      files.byDocument.set(document.id, fileId);
      files.documentOf.set(fileId, document.id);
      const name = seedNameOfKasaFile('document', document.id, document.createdAt, document.mime);
      out.add(
        'files',
        'insert',
        WHAT.newFiles,
        {
          id: fileId,
          filename: name,
          request_id: null,
          created_at: created,
          updated_at: created,
          member_id: memberId,
        },
        [fileOut(store, document.fileName, name, memberId, `files ${fileId}`)],
      );
    }
    out.add('member_identity', 'insert', WHAT.newDocuments, {
      member_id: memberId,
      file_id: fileId,
      identity_type: SEED_IDENTITY_TYPE_IDS[document.type],
      created_at: created,
      updated_at: seedDateTimeOfInstant(document.updatedAt),
      is_active: isActive,
      is_new: isNew,
    });
  }
  return { awaiting: plan.awaiting, written: plan.updates.length + plan.made.length > 0 };
}

/** The member's own row: new, or the columns Kasa changed, with a new photo's file. */
function compareMember(
  state: KasaMemberState,
  row: SeedRow | null,
  store: FileStore,
  kasaOf: KasaOfMembers,
  out: SwitchBackOut,
): SeedRow {
  const { member } = state;
  const what = row === null ? WHAT.newMembers : WHAT.changedMembers;
  const columns = out.columns('members');
  const leave = (column: string, why: string) => out.leave('members', `${what}: ${column}`, why, member.id);
  const planned = plannedColumns(MEMBER_COLUMNS, state, row, convertedMember(member.id), columns, leave);

  const files: SeedFileOut[] = [];
  const photo = newPhoto(member, row, kasaOf);
  if (photo === 'unrecorded') leave('photo', 'its file is not recorded as the member’s');
  else if (photo !== null) {
    const why = seedValueUnfit(columns.get('photo'), photo);
    if (why !== null) leave('photo', why);
    else {
      planned.photo = photo;
      files.push(fileOut(store, member.photoFile!, photo, member.id, `members ${member.id}`));
    }
  }
  const stamp = (column: string, at: Date) =>
    columns.has(column) ? { [column]: seedDateTimeOfInstant(at) } : {};
  if (row === null) {
    out.add(
      'members',
      'insert',
      what,
      {
        id: member.id,
        ...(columns.has('photo') ? { photo: null } : {}),
        ...(columns.has('has_new_request') ? { has_new_request: seedFlagOf(member.hasNewRequest) } : {}),
        ...planned,
        ...stamp('created_at', member.createdAt),
        ...stamp('updated_at', member.updatedAt),
      },
      files,
    );
  } else if (Object.keys(planned).length > 0) {
    out.add(
      'members',
      'update',
      what,
      { id: member.id, ...planned, ...stamp('updated_at', member.updatedAt) },
      files,
    );
  }
  return planned;
}

/** A certificate written: the member holds the new one in the old table, and no longer the old one. */
function moveCertificate(
  certificates: Map<string, number[]>,
  memberId: number,
  from: string | null,
  to: string | null,
): void {
  if (from !== null) {
    const holders = (certificates.get(from) ?? []).filter((id) => id !== memberId);
    if (holders.length > 0) certificates.set(from, holders);
    else certificates.delete(from);
  }
  if (to !== null) pushTo(certificates, to, memberId);
}

/**
 * The seed's name for a photo Kasa holds that the old row does not name: none when Kasa has no
 * photo (it was missing when imported), it is the one imported, or the old row already names the
 * file a switch back wrote for it.
 */
function newPhoto(
  member: MemberRow,
  row: SeedRow | null,
  kasaOf: KasaOfMembers,
): string | 'unrecorded' | null {
  const stored = member.photoFile;
  if (stored === null || kasaOf.importedPhotos.get(member.id) === stored) return null;
  const tag = tagOfStoredName(stored);
  if (row !== null && isSeedNameOf(seedFileName(row.photo), 'photo', tag)) return null;
  const file = kasaOf.photoFiles.get(stored);
  if (!file) return 'unrecorded';
  return seedNameOfKasaFile('photo', tag, file.createdAt, file.mime);
}

/**
 * A member Kasa holds no certificate for, whose old row has one: the import left it when another
 * member held it first, or staff cleared it in Kasa. Where the old table, once written, has it on
 * that member alone, it was cleared: it goes back as none. Where other members have it too, the
 * old table cannot tell: the first holder's (whom the import gave it to) is left behind.
 */
function settleCertificates(
  uncertain: readonly Uncertain[],
  certificates: ReadonlyMap<string, readonly number[]>,
  out: SwitchBackOut,
): void {
  for (const { member, certificate } of uncertain) {
    const holders = certificates.get(certificate);
    if (!holders?.includes(member.id)) continue;
    if (holders.length > 1) {
      if (Math.min(...holders) === member.id)
        out.leave(
          'members',
          `${WHAT.changedMembers}: certificate`,
          'cleared in Kasa, while other members have the same certificate in the old table',
          member.id,
        );
      continue;
    }
    const update = out.updateOf('members', member.id);
    if (update) update.certificate = null;
    else
      out.add('members', 'update', WHAT.changedMembers, {
        id: member.id,
        certificate: null,
        ...(out.columns('members').has('updated_at')
          ? { updated_at: seedDateTimeOfInstant(member.updatedAt) }
          : {}),
      });
  }
}

/**
 * Contributions Kasa holds until the member has a program to count them toward: the payment goes
 * back (the payment service's), but the old system has no state of money not yet counted.
 */
async function leaveWaitingContributions(database: Database, out: SwitchBackOut): Promise<void> {
  const waiting = await database.db
    .select({ paymentId: waitingContributions.paymentId })
    .from(waitingContributions)
    .where(and(isNull(waitingContributions.appliedAt), isNull(waitingContributions.refundedAt)))
    .orderBy(asc(waitingContributions.paymentId));
  for (const { paymentId } of waiting)
    out.leave(
      'payments',
      'contributions waiting for the member to have a program',
      'not yet counted toward a paid-until day: the old system has no such state',
      paymentId,
    );
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

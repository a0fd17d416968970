import {
  createdInstantOf,
  flagOfSeed,
  instantOfSeedDateTime,
  type SeedRow,
  seedDateTimeOfInstant,
  seedFlagOf,
} from '@kasa/seed-import';
import { idOf } from './seed-values.ts';

/** A row of the old `member_program` table, as the import reads it. */
export interface OldProgramRow {
  /** Its id, when the old table has ids. */
  id: number | null;
  programId: number;
  isActive: boolean;
  isNew: boolean;
  /** When it was made (ms), as the import takes it: the latest made is the member's. */
  at: number;
  /** Its place in the table as read: the later of two made at once is the member's. */
  order: number;
}

/** What the import makes of a member's old rows: the program they are on, and the change they asked for. */
export interface ProgramView {
  current: number | null;
  /** The change asked for the import chooses (the latest row marked new). */
  asked: number | null;
  /** That change, unless it is to the program they are on (which changes nothing, so is dropped). */
  pending: number | null;
}

/** What Kasa holds of a member's programs. */
export interface KasaMemberPrograms {
  programId: number | null;
  pendingProgramId: number | null;
  /** When the member last changed: Kasa does not date the change asked for, which changed them. */
  changedAt: Date;
  history: readonly { programId: number; startedAt: Date; endedAt: Date | null }[];
}

export interface MemberProgramsPlan {
  /** Old rows to change, by their id: only the columns that change, and `updated_at`. */
  updates: Array<{ id: number; set: SeedRow }>;
  /** New rows, without their member. */
  inserts: SeedRow[];
  /** What the import makes of the old rows once written (as they are, when nothing is). */
  view: ProgramView;
  /** Why Kasa's programs of the member cannot be written into the old rows, or null. */
  unrepresentable: string | null;
}

/** A seed `member_program` row of a member, or null when the import takes it for no one's. */
export function oldProgramRowOf(row: SeedRow, order: number, undated: Date): OldProgramRow | null {
  const programId = idOf(row.program_id);
  if (idOf(row.member_id) === null || programId === null) return null;
  return {
    id: idOf(row.id),
    programId,
    isActive: flagOfSeed(row.is_active ?? null),
    isNew: flagOfSeed(row.is_new ?? null),
    at: createdInstantOf(row, undated).at.getTime(),
    order,
  };
}

type Chosen = { view: ProgramView; currentRow: OldProgramRow | null; askedRow: OldProgramRow | null };

/**
 * The import's rule (import-member-programs.ts): a row marked active is a program the member is
 * on, and the latest made of them is theirs; a row marked new (and not active) is a change they
 * asked for, and the latest made is the one; asked for the program they are on, it is none.
 */
export function programViewOf(rows: readonly OldProgramRow[]): Chosen {
  const later = (a: OldProgramRow | null, b: OldProgramRow) =>
    a === null || b.at > a.at || (b.at === a.at && b.order > a.order) ? b : a;
  let currentRow: OldProgramRow | null = null;
  let askedRow: OldProgramRow | null = null;
  for (const row of rows) {
    if (row.isActive) currentRow = later(currentRow, row);
    else if (row.isNew) askedRow = later(askedRow, row);
  }
  const current = currentRow?.programId ?? null;
  const asked = askedRow?.programId ?? null;
  return { view: { current, asked, pending: asked === current ? null : asked }, currentRow, askedRow };
}

/** A time as the old DATETIME holds it, read back as the import reads it (whole seconds, Kyiv). */
const heldInstant = (at: Date) => (instantOfSeedDateTime(seedDateTimeOfInstant(at)) as Date).getTime();

/**
 * How the member's old rows come to say what Kasa holds, as the seed's own code would have left
 * them: a program approved in Kasa ends the rows marked active and makes the change asked for
 * active (the seed's review form did exactly that), or a new active row when the change was
 * asked in Kasa; programs the member was on and left again since go in as ended rows; a change
 * asked in Kasa takes the place of the one asked before (the seed's change form replaced it), a
 * change withdrawn or no longer asked is unmarked. Nothing is written when the old rows say what
 * Kasa holds already, and nothing when they could not say it (the plan is checked against the
 * import's rule), so that a switch back run again finds nothing to do.
 */
export function planMemberPrograms(
  rows: readonly OldProgramRow[],
  kasa: KasaMemberPrograms,
): MemberProgramsPlan {
  const before = programViewOf(rows);
  const agrees = ({ view }: Chosen) =>
    view.current === kasa.programId && view.pending === kasa.pendingProgramId;
  const refuse = (why: string): MemberProgramsPlan => ({
    updates: [],
    inserts: [],
    view: before.view,
    unrepresentable: why,
  });
  if (agrees(before)) return { updates: [], inserts: [], view: before.view, unrepresentable: null };

  const working = rows.map((row) => ({ ...row }));
  const changedAt = new Map<OldProgramRow, Date>();
  const added: Array<{ row: OldProgramRow; createdAt: Date; updatedAt: Date }> = [];
  let order = rows.reduce((last, row) => Math.max(last, row.order), -1);
  const add = (programId: number, isActive: boolean, isNew: boolean, createdAt: Date, updatedAt: Date) => {
    const row = { id: null, programId, isActive, isNew, at: heldInstant(createdAt), order: ++order };
    working.push(row);
    added.push({ row, createdAt, updatedAt });
  };
  const askedFor = (programId: number) =>
    working
      .slice(0, rows.length)
      .filter((row) => !row.isActive && row.isNew && row.programId === programId)
      .reduce<OldProgramRow | null>(
        (latest, row) =>
          latest === null || row.at > latest.at || (row.at === latest.at && row.order > latest.order)
            ? row
            : latest,
        null,
      );

  if (kasa.programId !== before.view.current) {
    if (kasa.programId === null) return refuse('Kasa has the member on no program, the old rows on one');
    const open = kasa.history
      .filter(({ endedAt, programId }) => endedAt === null && programId === kasa.programId)
      .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0];
    const movedAt = open?.startedAt ?? kasa.changedAt;
    for (const row of working)
      if (row.isActive) {
        row.isActive = false;
        changedAt.set(row, movedAt);
      }
    // The programs the member was on and left since the old rows' last one began.
    const since = before.currentRow?.at ?? rows.reduce((last, row) => Math.max(last, row.at), -Infinity);
    const left = kasa.history
      .filter(
        ({ programId, startedAt, endedAt }) =>
          endedAt !== null &&
          startedAt.getTime() > since &&
          !rows.some((row) => row.programId === programId && row.at === startedAt.getTime()),
      )
      .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    for (const { programId, startedAt, endedAt } of left) {
      const asked = askedFor(programId);
      if (asked) {
        asked.isNew = false;
        changedAt.set(asked, endedAt!);
      } else add(programId, false, false, startedAt, endedAt!);
    }
    const asked = askedFor(kasa.programId);
    if (asked) {
      asked.isActive = true;
      asked.isNew = false;
      changedAt.set(asked, movedAt);
    } else add(kasa.programId, true, false, movedAt, movedAt);
  }

  for (let round = 0; round <= working.length + 1; round++) {
    const { view, askedRow } = programViewOf(working);
    if (view.pending === kasa.pendingProgramId) break;
    if (kasa.pendingProgramId === null) {
      if (askedRow === null) break;
      askedRow.isNew = false;
      changedAt.set(askedRow, kasa.changedAt);
    } else if (askedRow !== null && rows.some((_, index) => working[index] === askedRow)) {
      askedRow.programId = kasa.pendingProgramId;
      changedAt.set(askedRow, kasa.changedAt);
    } else add(kasa.pendingProgramId, false, true, kasa.changedAt, kasa.changedAt);
  }
  const after = programViewOf(working);
  if (!agrees(after)) return refuse('the old rows cannot say which program the member is on or asked for');

  const updates: MemberProgramsPlan['updates'] = [];
  for (const [index, old] of rows.entries()) {
    const now = working[index]!;
    const set: SeedRow = {};
    if (now.programId !== old.programId) set.program_id = now.programId;
    if (now.isActive !== old.isActive) set.is_active = seedFlagOf(now.isActive);
    if (now.isNew !== old.isNew) set.is_new = seedFlagOf(now.isNew);
    if (Object.keys(set).length === 0) continue;
    if (old.id === null) return refuse('the old member_program table has no ids to change its rows by');
    set.updated_at = seedDateTimeOfInstant(changedAt.get(now) ?? kasa.changedAt);
    updates.push({ id: old.id, set });
  }
  const inserts = added.map(({ row, createdAt, updatedAt }) => ({
    program_id: row.programId,
    created_at: seedDateTimeOfInstant(createdAt),
    updated_at: seedDateTimeOfInstant(updatedAt),
    is_active: seedFlagOf(row.isActive),
    is_new: seedFlagOf(row.isNew),
  }));
  return { updates, inserts, view: after.view, unrepresentable: null };
}

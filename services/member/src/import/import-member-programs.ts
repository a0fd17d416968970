import type { Tx } from '@kasa/db';
import { insertInChunks } from '@kasa/db';
import { flagOfSeed, type ImportContext, type ImportStep, type SeedRow } from '@kasa/seed-import';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { memberPrograms, members } from '../db/schema.ts';
import type { MemberImportRun, ProgramChoice } from './import-run.ts';
import { setPerMember } from './per-member-update.ts';
import { type ImportRecord, recordedKeys, recordImports } from './seed-files.ts';
import { changedAt, idOf, madeAt, seedRowKey } from './seed-values.ts';

/** The record (`seed_imports`) of a `member_program` row brought over or settled. */
export const MEMBER_PROGRAM = 'member_program';

export function memberProgramSteps(run: MemberImportRun): ImportStep[] {
  return [
    {
      name: 'member programs',
      table: 'member_program',
      write: (tx, rows, context) => importMemberPrograms(tx, rows, context, run),
    },
  ];
}

/** What tells a `member_program` row apart (seedRowKey). */
export const memberProgramKey = (row: SeedRow): string =>
  seedRowKey(row, ['member_id', 'program_id', 'created_at', 'updated_at', 'is_active', 'is_new']);

type Kind = 'current' | 'pending' | 'history';

interface SeedMemberProgram {
  key: string;
  memberId: number;
  programId: number;
  kind: Kind;
  startedAt: Date;
  endedAt: Date;
  order: number;
}

/**
 * The seed's member programs (table 2.8) as Kasa keeps them. The row the seed marks active is the
 * program the member is on: a row of their history without an end, and the member's program.
 * The row marked new is the change they asked for: Kasa keeps it on the member (pending
 * program, and the flag that puts them on staff's list) until staff approve it. The other rows
 * are programs they left: history rows, from when the row was made to when it last changed.
 * Kasa keeps one of each: where the seed has several (its profile form added a change without
 * removing an earlier one), the latest made is the one, an earlier active one ends where the
 * next begins, and an earlier change asked for is reported (it was never approved). Every row
 * is recorded once settled, so a second run neither writes nor reports it again.
 */
async function importMemberPrograms(
  tx: Tx,
  rows: readonly SeedRow[],
  context: ImportContext,
  run: MemberImportRun,
): Promise<number> {
  const seen = new Set<string>();
  const batch: SeedMemberProgram[] = [];
  const records: ImportRecord[] = [];
  const recorded = await recordedKeys(tx, MEMBER_PROGRAM, rows.map(memberProgramKey));
  for (const row of rows) {
    const key = memberProgramKey(row);
    const order = run.seed.memberProgramRows++;
    if (seen.has(key)) continue;
    seen.add(key);
    const fresh = !recorded.has(key);
    const report = fresh ? context.report : () => {};
    const memberId = idOf(row.member_id);
    const programId = idOf(row.program_id);
    if (memberId === null || programId === null) {
      report({
        kind: 'not_imported',
        table: MEMBER_PROGRAM,
        id: key,
        reason: memberId === null ? 'it names no member' : 'it names no program',
      });
      if (fresh) records.push({ seedTable: MEMBER_PROGRAM, seedKey: key });
      continue;
    }
    const startedAt = madeAt(row, { table: MEMBER_PROGRAM, id: key }, run.runStartedAt, report);
    const kind: Kind = flagOfSeed(row.is_active ?? null)
      ? 'current'
      : flagOfSeed(row.is_new ?? null)
        ? 'pending'
        : 'history';
    const choice: ProgramChoice = { programId, at: startedAt.getTime(), order, key };
    if (kind === 'current') choose(run.seed.currentProgram, memberId, choice);
    if (kind === 'pending') {
      const replaced = choose(run.seed.pendingProgram, memberId, choice);
      // The change replaced was the member's since an earlier batch: this one takes its place.
      if (fresh && replaced && !seen.has(replaced.key)) reportReplaced(context, replaced.key);
    }
    if (fresh)
      batch.push({ key, memberId, programId, kind, startedAt, endedAt: changedAt(row, startedAt), order });
  }
  if (batch.length === 0) {
    await recordImports(tx, records);
    return 0;
  }

  const memberIds = [...new Set(batch.map(({ memberId }) => memberId))];
  const known = new Set(
    (await tx.select({ id: members.id }).from(members).where(inArray(members.id, memberIds))).map(
      ({ id }) => id,
    ),
  );

  const history = batch.filter(({ kind }) => kind !== 'pending');
  let written = await insertInChunks(
    tx,
    memberPrograms,
    history.map(({ memberId, programId, kind, startedAt, endedAt }) => ({
      memberId,
      programId,
      startedAt,
      endedAt: kind === 'current' ? null : endedAt,
    })),
  );

  const pending = new Map<number, number>();
  for (const row of batch.filter(({ kind }) => kind === 'pending')) {
    const chosen = run.seed.pendingProgram.get(row.memberId);
    if (!known.has(row.memberId)) {
      context.report({
        kind: 'not_imported',
        table: MEMBER_PROGRAM,
        id: row.key,
        reason: `a change of program asked for by member ${row.memberId}, whom the seed does not have`,
      });
    } else if (chosen?.key !== row.key) {
      reportReplaced(context, row.key);
    } else {
      pending.set(row.memberId, row.programId);
    }
  }
  written += await setPerMember(tx, 'pending_program_id', pending, sql`has_new_program_change = TRUE`);

  const onPrograms = [
    ...new Set(batch.filter(({ kind }) => kind === 'current').map(({ memberId }) => memberId)),
  ];
  await settleCurrentPrograms(
    tx,
    onPrograms.filter((id) => known.has(id)),
  );
  await dropChangesToTheSameProgram(tx, [...pending.keys(), ...onPrograms], context, run);

  await recordImports(tx, [
    ...records,
    ...batch.map(({ key }) => ({ seedTable: MEMBER_PROGRAM, seedKey: key })),
  ]);
  return written;
}

/**
 * Keeps the latest choice (made last, then read last) as the member's; the earlier one it
 * replaced, if any.
 */
function choose(
  choices: Map<number, ProgramChoice>,
  memberId: number,
  choice: ProgramChoice,
): ProgramChoice | null {
  const earlier = choices.get(memberId);
  if (earlier && (earlier.at > choice.at || (earlier.at === choice.at && earlier.order > choice.order)))
    return null;
  choices.set(memberId, choice);
  return earlier ?? null;
}

function reportReplaced(context: ImportContext, key: string): void {
  context.report({
    kind: 'not_imported',
    table: MEMBER_PROGRAM,
    id: key,
    reason: 'a change of program the member asked for and later replaced by another: Kasa keeps the latest',
  });
}

/**
 * A member has one program at a time: of their rows without an end, each earlier one ends where
 * the next began, and the last is the member's program.
 */
async function settleCurrentPrograms(tx: Tx, memberIds: readonly number[]): Promise<void> {
  if (memberIds.length === 0) return;
  const open = await tx
    .select({
      id: memberPrograms.id,
      memberId: memberPrograms.memberId,
      programId: memberPrograms.programId,
      startedAt: memberPrograms.startedAt,
    })
    .from(memberPrograms)
    .where(and(inArray(memberPrograms.memberId, [...memberIds]), isNull(memberPrograms.endedAt)))
    .orderBy(asc(memberPrograms.memberId), asc(memberPrograms.startedAt), asc(memberPrograms.id));
  const current = new Map<number, number>();
  for (let index = 0; index < open.length; index += 1) {
    const row = open[index]!;
    const next = open[index + 1];
    if (next && next.memberId === row.memberId) {
      await tx.update(memberPrograms).set({ endedAt: next.startedAt }).where(eq(memberPrograms.id, row.id));
    } else {
      current.set(row.memberId, row.programId);
    }
  }
  await setPerMember(tx, 'program_id', current);
}

/**
 * A change asked for to the program the member is on changes nothing (Kasa does not keep one,
 * as its profile form does not): it is dropped, with its flag, and reported.
 */
async function dropChangesToTheSameProgram(
  tx: Tx,
  memberIds: readonly number[],
  context: ImportContext,
  run: MemberImportRun,
): Promise<void> {
  if (memberIds.length === 0) return;
  const same = await tx
    .select({ id: members.id })
    .from(members)
    .where(
      and(inArray(members.id, [...new Set(memberIds)]), eq(members.pendingProgramId, members.programId)),
    );
  if (same.length === 0) return;
  for (const { id } of same) {
    context.report({
      kind: 'not_imported',
      table: MEMBER_PROGRAM,
      id: run.seed.pendingProgram.get(id)?.key ?? String(id),
      reason: 'a change of program to the program the member is on: nothing to change',
    });
  }
  await tx
    .update(members)
    .set({ pendingProgramId: null, hasNewProgramChange: false })
    .where(
      inArray(
        members.id,
        same.map(({ id }) => id),
      ),
    );
}

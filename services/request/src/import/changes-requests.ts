import { createHash } from 'node:crypto';
import type { Database } from '@kasa/db';
import type { SeedColumnHolds } from '@kasa/seed-import';
import {
  type LeftBehind,
  type SeedChange,
  type SeedRow,
  seedAmountOfKopiyky,
  seedDateTimeOfInstant,
  type VerifyContext,
} from '@kasa/seed-import';
import { asc, gt } from 'drizzle-orm';
import { requests } from '../db/schema.ts';
import type { RequestStatus } from '../domain/request-status.ts';
import { requestOfSeed } from './import-requests.ts';
import { kasaPages } from './kasa-pages.ts';
import { heldText, kopiykyHeldAs } from './seed-columns.ts';
import { emptyFacts, type SeedFacts } from './seed-facts.ts';
import { idOf, requestStatusOfAlias } from './seed-values.ts';

/** The old `request_status` table: its ids by the status their alias names, and the import's lookup. */
export interface OldStatuses {
  /** The first row naming each status (the seed's code looked them up by alias). */
  idOf: Map<RequestStatus, number>;
  facts: SeedFacts;
}

export async function readOldStatuses({ seedRows }: VerifyContext): Promise<OldStatuses> {
  const facts = emptyFacts();
  const ids = new Map<RequestStatus, number>();
  for await (const rows of seedRows('request_status'))
    for (const row of rows) {
      const id = idOf(row.id);
      if (id === null) continue;
      const alias = String(row.alias ?? '');
      const status = requestStatusOfAlias(alias);
      facts.statusById.set(id, { status, alias });
      if (status && !ids.has(status)) ids.set(status, id);
    }
  return { idOf: ids, facts };
}

/**
 * An old request as the import took it (`requestOfSeed`), in the few values a switch back
 * compares: texts by digest, so that 50,000 of them stay small.
 */
interface OldRequest {
  status: RequestStatus;
  text: string;
  diagnosis: string;
  granted: number | null;
}

type KasaRequest = Pick<
  typeof requests.$inferSelect,
  'id' | 'memberId' | 'status' | 'requestText' | 'diagnosis' | 'grantedAmount' | 'createdAt' | 'updatedAt'
>;

const UNKNOWN = new Date(0);
const ignore = () => {};
const digest = (text: string) => createHash('sha256').update(text).digest('base64');

async function readOldRequests({ seedRows }: VerifyContext, statuses: OldStatuses) {
  const old = new Map<number, OldRequest>();
  for await (const rows of seedRows('requests'))
    for (const row of rows) {
      const id = idOf(row.id);
      if (id === null) continue;
      const taken = requestOfSeed(row, statuses.facts, UNKNOWN, ignore);
      old.set(id, {
        status: taken?.status ?? 'opened',
        text: digest(taken?.requestText ?? ''),
        diagnosis: digest(taken?.diagnosis ?? ''),
        granted: taken?.grantedAmount ?? null,
      });
    }
  return old;
}

/** What cannot go back of the requests, by the reason, each with the ids it holds for. */
const LEFT = {
  noDiagnosis: { what: 'diagnoses', why: 'the old requests table has no diagnos column' },
  diagnosisCut: { what: 'diagnoses', why: 'longer than the old diagnos column holds: they go back cut' },
  noText: { what: 'request texts', why: 'the old requests table has no request_text column' },
  textCut: { what: 'request texts', why: 'longer than the old request_text column holds: they go back cut' },
  noAmount: { what: 'granted amounts', why: 'the old requests table has no suma column' },
  amountRounded: {
    what: 'granted amounts',
    why: 'the old suma column is a FLOAT, which from about 131,072 UAH on holds them only to the nearest 2 kopiyky or more',
  },
  noStatus: {
    what: 'request statuses',
    why: 'the old request_status table has no row for their status: they go back without one',
  },
} as const;
type Left = keyof typeof LEFT;

/**
 * The requests made in Kasa (inserted under their ids: the import moved Kasa's sequence past the
 * seed's largest id, so a request under an old row's id is that row, and any other is new) and
 * the old ones whose status, granted amount, text or diagnosis Kasa changed (`id`
 * and those columns, with the row's `updated_at`). Each value is compared with the old row as
 * the import took it, after putting Kasa's value as the old column would hold it: a request
 * nobody touched is no change, and neither is a value the old column cannot hold better; that
 * is left behind instead, every time, by request.
 */
export async function requestChangesSince(
  database: Database,
  context: VerifyContext,
  columns: ReadonlyMap<string, SeedColumnHolds>,
  statuses: OldStatuses,
): Promise<{ changes: SeedChange[]; leftBehind: LeftBehind[] }> {
  const old = await readOldRequests(context, statuses);
  const inserted: SeedRow[] = [];
  const updated: SeedRow[] = [];
  const left = new Map<Left, number[]>();
  const leave = (reason: Left, id: number) => {
    const ids = left.get(reason);
    if (ids) ids.push(id);
    else left.set(reason, [id]);
  };

  const pages = kasaPages<KasaRequest>((after, size) =>
    database.db
      .select({
        id: requests.id,
        memberId: requests.memberId,
        status: requests.status,
        requestText: requests.requestText,
        diagnosis: requests.diagnosis,
        grantedAmount: requests.grantedAmount,
        createdAt: requests.createdAt,
        updatedAt: requests.updatedAt,
      })
      .from(requests)
      .where(gt(requests.id, after))
      .orderBy(asc(requests.id))
      .limit(size),
  );
  for await (const page of pages)
    for (const request of page) {
      const before = old.get(request.id);
      const back = valuesBack(request, columns, statuses);
      for (const reason of back.lost) leave(reason, request.id);
      if (!before) {
        if (isRounded(request.grantedAmount, back)) leave('amountRounded', request.id);
        if (back.statusId === null) leave('noStatus', request.id);
        inserted.push({
          id: request.id,
          member_id: request.memberId,
          request_text: back.text ?? '',
          ...(back.diagnosis === undefined ? {} : { diagnos: back.diagnosis === '' ? null : back.diagnosis }),
          suma: back.suma,
          status_id: back.statusId,
          created_at: seedDateTimeOfInstant(request.createdAt),
          updated_at: seedDateTimeOfInstant(request.updatedAt),
        });
        continue;
      }
      const changed = changedColumns(request, before, back);
      if (changed.rounded) leave('amountRounded', request.id);
      if (request.status !== before.status && back.statusId === null) leave('noStatus', request.id);
      if (Object.keys(changed.columns).length > 0)
        updated.push({
          id: request.id,
          ...changed.columns,
          updated_at: seedDateTimeOfInstant(request.updatedAt),
        });
    }

  return {
    changes: [
      { what: 'requests made in Kasa', table: 'requests', action: 'insert', rows: inserted },
      {
        what: 'requests whose status, granted amount, text or diagnosis changed in Kasa',
        table: 'requests',
        action: 'update',
        rows: updated,
      },
    ],
    leftBehind: [...left].map(([reason, ids]) => ({ ...LEFT[reason], table: 'requests', ids })),
  };
}

/** Kasa's values as the old columns would hold them, and what they cannot hold. */
interface ValuesBack {
  /** Undefined: the old table has no such column. */
  text: string | undefined;
  diagnosis: string | undefined;
  suma: number | null;
  /** The kopiyky the old `suma` would give back for Kasa's amount; undefined without the column. */
  held: (number | null)[] | undefined;
  /** Null: the old `request_status` has no row for it. */
  statusId: number | null;
  /** What the old columns cannot hold, whether or not Kasa changed it (the import's never is). */
  lost: Left[];
}

function valuesBack(
  request: KasaRequest,
  columns: ReadonlyMap<string, SeedColumnHolds>,
  statuses: OldStatuses,
): ValuesBack {
  const lost: Left[] = [];
  const textColumn = columns.get('request_text');
  const diagnosisColumn = columns.get('diagnos');
  let text: string | undefined;
  if (textColumn) {
    const held = heldText(request.requestText, textColumn);
    if (held.cut) lost.push('textCut');
    text = held.text;
  } else if (request.requestText !== '') lost.push('noText');
  let diagnosis: string | undefined;
  if (diagnosisColumn) {
    const held = heldText(request.diagnosis, diagnosisColumn);
    if (held.cut) lost.push('diagnosisCut');
    diagnosis = held.text;
  } else if (request.diagnosis !== '') lost.push('noDiagnosis');
  const granted = request.grantedAmount;
  const sumaColumn = columns.get('suma');
  if (!sumaColumn && granted !== null) lost.push('noAmount');
  const held = sumaColumn && (granted === null ? [null] : kopiykyHeldAs(granted, sumaColumn));
  const statusId = statuses.idOf.get(request.status) ?? null;
  return { text, diagnosis, suma: seedAmountOfKopiyky(granted), held, statusId, lost };
}

/** Whether the old `suma` gives back anything but Kasa's amount for it. */
const isRounded = (granted: number | null, back: ValuesBack) =>
  back.held?.some((kopiyky) => kopiyky !== granted) ?? false;

/** The old row's columns Kasa holds otherwise, and whether its amount can only go back rounded. */
function changedColumns(
  request: KasaRequest,
  before: OldRequest,
  back: ValuesBack,
): { columns: SeedRow; rounded: boolean } {
  const columns: SeedRow = {};
  if (request.status !== before.status && back.statusId !== null) columns.status_id = back.statusId;
  if (back.text !== undefined && digest(back.text) !== before.text) columns.request_text = back.text;
  if (back.diagnosis !== undefined && digest(back.diagnosis) !== before.diagnosis)
    columns.diagnos = back.diagnosis;
  // An amount Kasa did not change is what the import read from the column: nothing to round.
  const changedAmount = request.grantedAmount !== before.granted && back.held !== undefined;
  if (changedAmount && !back.held!.includes(before.granted)) columns.suma = back.suma;
  return { columns, rounded: changedAmount && isRounded(request.grantedAmount, back) };
}

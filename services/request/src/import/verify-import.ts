import { createHash } from 'node:crypto';
import { isPayout, paymentTypeById } from '@kasa/contracts';
import type { Database } from '@kasa/db';
import type { FileStore } from '@kasa/files';
import { kopiykyOfSeedAmount, type VerificationLine, type VerifyContext } from '@kasa/seed-import';
import { asc, lte } from 'drizzle-orm';
import { memberPrograms, requestFiles, requestMessages, requests } from '../db/schema.ts';
import { MAX_GRANTED, UNKNOWN_STATUS_TAKEN } from './import-requests.ts';
import { idOf, requestStatusOfAlias } from './seed-values.ts';

const FILES_AT_ONCE = 8;
const SHOWN_IDS = 20;

type SeedQuery = VerifyContext['seedQuery'];

/**
 * The request service's side of the verification report: the seed's requests, messages,
 * receipts, payouts and current programs against what the service holds, row by row where a
 * row has a value to compare, and every stored receipt opened and checked against its checksum.
 * Only rows with seed ids are compared: what Kasa made after the switch has ids past them.
 */
export async function verifyRequestImport(
  database: Database,
  store: FileStore,
  { seedQuery }: VerifyContext,
): Promise<VerificationLine[]> {
  const checks: [string, () => Promise<VerificationLine[]>][] = [
    ['requests', () => verifyRequests(database, seedQuery)],
    ['paid out per request', () => verifyPaid(database, seedQuery)],
    ['request messages', () => verifyMessages(database, seedQuery)],
    ['receipt files', () => verifyReceipts(database, store, seedQuery)],
    ['members on a program', () => verifyMemberPrograms(database, seedQuery)],
  ];
  const lines: VerificationLine[] = [];
  for (const [what, check] of checks) {
    try {
      lines.push(...(await check()));
    } catch (error) {
      // One check that cannot run (a column spelled otherwise) leaves the others standing.
      lines.push({
        what,
        seed: '?',
        kasa: '?',
        agrees: false,
        note: `not checked: ${(error as Error).message}`,
      });
    }
  }
  return lines;
}

const numberOf = (value: unknown) => Number(value ?? 0);
/** The largest seed id (rows past it are Kasa's own); a loop, as half a million arguments overflow a spread. */
const largestId = (rows: readonly { id: number }[]) =>
  rows.reduce((most, { id }) => Math.max(most, Number(id)), 0);
const someIds = (ids: readonly number[]) =>
  `${ids.slice(0, SHOWN_IDS).join(', ')}${ids.length > SHOWN_IDS ? ` and ${ids.length - SHOWN_IDS} more` : ''}`;

/** A line that agrees when nothing is listed; otherwise its note names the rows. */
function line(
  what: string,
  seed: number,
  kasa: number,
  differing: readonly number[],
  why: string,
): VerificationLine {
  return differing.length === 0
    ? { what, seed, kasa, agrees: true }
    : { what, seed, kasa, agrees: false, note: `${why}: ${someIds(differing)}` };
}

async function verifyRequests(database: Database, seedQuery: SeedQuery): Promise<VerificationLine[]> {
  const [statuses, seedRows] = await Promise.all([
    seedQuery<{ id: number; alias: string | null }>('SELECT id, alias FROM request_status'),
    seedQuery<{ id: number; member_id: number | null; suma: number | null; status_id: number | null }>(
      'SELECT id, member_id, CAST(suma AS DOUBLE) AS suma, status_id FROM requests ORDER BY id',
    ),
  ]);
  const statusById = new Map(statuses.map(({ id, alias }) => [Number(id), requestStatusOfAlias(alias)]));
  const maxId = largestId(seedRows);
  const kasaRows = await database.db
    .select({
      id: requests.id,
      memberId: requests.memberId,
      status: requests.status,
      grantedAmount: requests.grantedAmount,
    })
    .from(requests)
    .where(lte(requests.id, maxId));
  const kasa = new Map(kasaRows.map((row) => [row.id, row]));
  const missing: number[] = [];
  const differing: number[] = [];
  for (const seed of seedRows) {
    const id = Number(seed.id);
    const held = kasa.get(id);
    if (!held) {
      missing.push(id);
      continue;
    }
    const status = statusById.get(Number(seed.status_id)) ?? UNKNOWN_STATUS_TAKEN;
    const { kopiyky } = kopiykyOfSeedAmount(seed.suma);
    const granted = kopiyky === null || kopiyky < 0 || kopiyky > MAX_GRANTED ? null : kopiyky;
    if (held.memberId !== Number(seed.member_id) || held.status !== status || held.grantedAmount !== granted)
      differing.push(id);
  }
  const present = seedRows.length - missing.length;
  return [
    line('requests', seedRows.length, present, missing, 'not in Kasa (each reported as not_imported)'),
    line(
      'requests: member, status and granted amount as in the seed',
      present,
      present - differing.length,
      differing,
      'differ',
    ),
  ];
}

async function verifyPaid(database: Database, seedQuery: SeedQuery): Promise<VerificationLine[]> {
  const payouts = await seedQuery<{ request_id: number; payment_type: number; amount: number | null }>(
    'SELECT request_id, payment_type, CAST(amount AS DOUBLE) AS amount FROM payments WHERE request_id IS NOT NULL AND request_id > 0',
  );
  const seedPaid = new Map<number, number>();
  for (const { request_id, payment_type, amount } of payouts) {
    const type = paymentTypeById(Number(payment_type));
    const { kopiyky } = kopiykyOfSeedAmount(amount);
    if (!type || !isPayout(type.kind) || kopiyky === null) continue;
    seedPaid.set(Number(request_id), (seedPaid.get(Number(request_id)) ?? 0) + kopiyky);
  }
  const held = await database.db.select({ id: requests.id, paid: requests.paidAmount }).from(requests);
  const kasaPaid = new Map(held.map(({ id, paid }) => [id, paid]));
  const differing: number[] = [];
  let seedTotal = 0;
  let kasaTotal = 0;
  for (const [id, paid] of seedPaid) {
    // A payout for a request the seed does not have: the payment service's orphan, nobody's here.
    if (!kasaPaid.has(id)) continue;
    seedTotal += paid;
    kasaTotal += kasaPaid.get(id)!;
    if (kasaPaid.get(id) !== paid) differing.push(id);
  }
  return [
    line(
      'paid out per request (kopiyky)',
      seedTotal,
      kasaTotal,
      differing.sort((a, b) => a - b),
      'requests differ',
    ),
  ];
}

async function verifyMessages(database: Database, seedQuery: SeedQuery): Promise<VerificationLine[]> {
  const seedRows = await seedQuery<{
    id: number;
    request_id: number | null;
    member_id: number | null;
    user_id: number | null;
  }>('SELECT id, request_id, member_id, user_id FROM request_messages ORDER BY id');
  const maxId = largestId(seedRows);
  const kasaRows = await database.db
    .select({
      id: requestMessages.id,
      requestId: requestMessages.requestId,
      memberId: requestMessages.memberId,
      userId: requestMessages.userId,
    })
    .from(requestMessages)
    .where(lte(requestMessages.id, maxId));
  const kasa = new Map(kasaRows.map((row) => [row.id, row]));
  const missing: number[] = [];
  const differing: number[] = [];
  for (const seed of seedRows) {
    const held = kasa.get(Number(seed.id));
    if (!held) missing.push(Number(seed.id));
    else if (
      held.requestId !== Number(seed.request_id) ||
      held.memberId !== idOf(seed.member_id) ||
      held.userId !== idOf(seed.user_id)
    )
      differing.push(held.id);
  }
  const present = seedRows.length - missing.length;
  return [
    line(
      'request messages',
      seedRows.length,
      present,
      missing,
      'not in Kasa (each reported as not_imported)',
    ),
    line(
      'request messages: request and author as in the seed',
      present,
      present - differing.length,
      differing,
      'differ',
    ),
  ];
}

async function verifyReceipts(
  database: Database,
  store: FileStore,
  seedQuery: SeedQuery,
): Promise<VerificationLine[]> {
  const seedRows = await seedQuery<{ id: number }>(
    'SELECT id FROM files WHERE request_id IS NOT NULL AND request_id > 0 ORDER BY id',
  );
  const maxId = largestId(seedRows);
  const stored = await database.db
    .select()
    .from(requestFiles)
    .where(lte(requestFiles.id, maxId))
    .orderBy(asc(requestFiles.id));
  const held = new Set(stored.map(({ id }) => id));
  const missing = seedRows.map(({ id }) => Number(id)).filter((id) => !held.has(id));
  const broken: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < stored.length) {
      const file = stored[next++]!;
      const opened = await store.open(file.name).catch(() => null);
      const sha256 = opened && createHash('sha256').update(opened.bytes).digest('hex');
      if (sha256 !== file.sha256 || opened?.mime !== file.mime) broken.push(file.id);
    }
  };
  await Promise.all(Array.from({ length: FILES_AT_ONCE }, worker));
  return [
    line(
      'receipt files',
      seedRows.length,
      seedRows.length - missing.length,
      missing,
      'not stored (each reported: file missing or unreadable, or not imported)',
    ),
    line(
      'receipt files: decrypted, match their checksum',
      stored.length,
      stored.length - broken.length,
      broken.sort((a, b) => a - b),
      'do not open or do not match',
    ),
  ];
}

async function verifyMemberPrograms(database: Database, seedQuery: SeedQuery): Promise<VerificationLine[]> {
  const seedRows = await seedQuery<{ member_id: number }>(
    'SELECT DISTINCT member_id FROM member_program WHERE is_active <> 0 AND member_id > 0 AND program_id > 0',
  );
  const held = new Set(
    (await database.db.select({ memberId: memberPrograms.memberId }).from(memberPrograms)).map(
      ({ memberId }) => memberId,
    ),
  );
  const missing = seedRows.map(({ member_id }) => numberOf(member_id)).filter((id) => !held.has(id));
  return [
    line(
      'members on a program (for what is usual per program)',
      seedRows.length,
      seedRows.length - missing.length,
      missing.sort((a, b) => a - b),
      'members without their program',
    ),
  ];
}

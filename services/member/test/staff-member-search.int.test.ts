import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@kasa/testing';
import {
  type FoundMembers,
  matchingMemberIds,
  memberSummaries,
  membersNeedingAttention,
  searchMembers,
} from '../src/db/member-search.repository.ts';
import { MemberSearchIndex, type SearchField, type WordMatch } from '../src/db/member-search-index.ts';
import { needsAttention } from '../src/domain/member-review.ts';

/**
 * The search's SQL against a plain reading of the rules, on members made up at random: any word
 * (staff's member search, as the seed's) or every word (the ids for the request and payment
 * lists) in one of the chosen fields, in any case; no words, the members `needsAttention` names.
 */
const MIGRATIONS = new URL('../migrations', import.meta.url).pathname;
const FIELDS: readonly SearchField[] = ['name', 'passport', 'inn', 'iban', 'certificate'];
const index = new MemberSearchIndex();

interface Made {
  id: number;
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  passport_data: string | null;
  tax_number: string | null;
  iban: string | null;
  certificate: string | null;
  is_submitted: boolean;
  profile_sent_at: Date | null;
  has_new_request: boolean;
  has_new_program_change: boolean;
  has_new_documents: boolean;
  has_correction_request: boolean;
  updated_at: Date;
}

// Without ґ: the database's collation takes it for г, which is no matter of case.
const NAMES = [
  'Олена',
  'ОЛЕГ',
  'олексій',
  "Дар'я",
  'Їжакевич',
  'Євген',
  'Шевченко',
  'Коваль-Шевчук',
  'Ім_я',
  'Сто%',
];
const PASSPORTS = [
  'КВ 123456, виданий Печерським РВ',
  'ID-картка № 004512345, УНЗР 19800124-01234',
  'мe 99!',
  null,
];

let seed = 20_261_124;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const digits = (length: number) => Array.from({ length }, () => Math.floor(random() * 10)).join('');
const maybe = <T>(value: T) => (random() < 0.2 ? null : value);

let database: TestDatabase;
const made: Made[] = [];

before(async () => {
  database = await createTestDatabase(MIGRATIONS);
  for (let id = 1; id <= 300; id += 1) {
    const member: Made = {
      id,
      first_name: maybe(pick(NAMES)),
      middle_name: maybe(pick(NAMES)),
      last_name: maybe(pick(NAMES)),
      passport_data: pick(PASSPORTS),
      tax_number: maybe(digits(10)),
      iban: maybe(`UA${digits(8)}${pick(['0000026007', 'ABCDEFGHJK'])}${digits(9)}`),
      certificate: random() < 0.5 ? null : `${pick(['', 'Z-', 'k_'])}${id * 7}`,
      is_submitted: random() < 0.6,
      profile_sent_at: random() < 0.7 ? new Date(Date.UTC(2026, 0, 1)) : null,
      has_new_request: random() < 0.1,
      has_new_program_change: random() < 0.1,
      has_new_documents: random() < 0.1,
      has_correction_request: random() < 0.1,
      // Few distinct times: ties are ordered by id.
      updated_at: new Date(Date.UTC(2026, 0, 1 + Math.floor(random() * 20))),
    };
    made.push(member);
    const columns = Object.keys(member);
    await database.pool.query(
      `INSERT INTO members (phone, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
      [`+38067${String(id).padStart(7, '0')}`, ...Object.values(member)],
    );
  }
});
after(() => database.drop());

const latestFirst = (a: Made, b: Made) => b.updated_at.getTime() - a.updated_at.getTime() || b.id - a.id;

function expected(
  words: readonly string[],
  fields: ReadonlySet<SearchField>,
  match: WordMatch = 'every',
): Made[] {
  const valuesOf = (member: Made, field: SearchField) =>
    ({
      name: [member.first_name, member.middle_name, member.last_name],
      passport: [member.passport_data],
      inn: [member.tax_number],
      iban: [member.iban],
      certificate: [member.certificate],
    })[field];
  const holds = (member: Made, word: string) =>
    [...fields].some((field) =>
      valuesOf(member, field).some((value) => value?.toLowerCase().includes(word.toLowerCase())),
    );
  return made
    .filter((member) =>
      match === 'every'
        ? words.every((word) => holds(member, word))
        : words.some((word) => holds(member, word)),
    )
    .sort(latestFirst);
}

const idsOf = (found: FoundMembers) => found.rows.map(({ id }) => id);

/** A piece of some member's value, in a random case: what staff type. */
function someWord(): string {
  const member = pick(made);
  const value = pick([
    member.first_name,
    member.last_name,
    member.passport_data?.split(' ')[0],
    member.tax_number,
    member.iban,
    member.certificate,
  ]);
  if (!value) return pick(['о', '%', '_', '!', 'ua', 'шевч']);
  const start = Math.floor(random() * value.length);
  const piece = value.slice(start, start + 1 + Math.floor(random() * 6));
  return random() < 0.5 ? piece.toUpperCase() : piece.toLowerCase();
}

test('any word (the search) or every word (the ids) in one of the chosen fields, in any case; wildcards are plain characters', async () => {
  for (let round = 0; round < 300; round += 1) {
    const words = Array.from({ length: 1 + Math.floor(random() * 3) }, someWord).filter(
      (word) => !/\s/.test(word),
    );
    if (words.length === 0) continue;
    const fields = new Set(round % 3 === 0 ? FIELDS.filter(() => random() < 0.5) : FIELDS);
    const want = expected(words, fields, 'any');
    const found = await searchMembers(index, database.db, words, fields, { offset: 0, limit: 500 });
    assert.deepEqual(
      idsOf(found),
      want.map(({ id }) => id),
      `any of ${JSON.stringify(words)} in ${[...fields].join(', ')}`,
    );
    assert.equal(found.total, want.length);
    const wantEvery = expected(words, fields, 'every');
    const matching = await matchingMemberIds(index, database.db, words, fields, 500);
    assert.deepEqual(
      matching.ids,
      wantEvery.slice(0, 500).map(({ id }) => id),
      `every one of ${JSON.stringify(words)} in ${[...fields].join(', ')}`,
    );
    assert.equal(matching.total, wantEvery.length);
  }
});

test('the ids alone come in the order of the search, capped, with the whole count; summaries in the order asked', async () => {
  const fields = new Set(FIELDS);
  const want = expected(['о'], fields).map(({ id }) => id);
  const capped = await matchingMemberIds(index, database.db, ['О'], fields, 10);
  assert.deepEqual(capped, { ids: want.slice(0, 10), total: want.length });
  const asked = [want[2]!, 999_999, want[0]!];
  const summaries = await memberSummaries(database.db, asked);
  assert.deepEqual(
    summaries.map(({ id }) => id),
    [want[2], want[0]],
    'unknown ids are left out, the rest keep their order',
  );
});

test('pages are slices of one order, each with the whole count', async () => {
  const fields = new Set(FIELDS);
  const want = expected(['о'], fields).map(({ id }) => id);
  assert.ok(want.length > 60);
  for (const [offset, limit] of [
    [0, 25],
    [25, 25],
    [want.length - 3, 25],
    [want.length + 10, 25],
  ] as const) {
    const found = await searchMembers(index, database.db, ['О'], fields, { offset, limit });
    assert.deepEqual(idsOf(found), want.slice(offset, offset + limit), `offset ${offset}`);
    assert.equal(found.total, want.length);
  }
});

test('no words: exactly the members the review rules say need attention, latest changed first', async () => {
  const want = made
    .filter((member) =>
      needsAttention({
        isSubmitted: member.is_submitted,
        profileSentAt: member.profile_sent_at,
        programId: null,
        pendingProgramId: null,
        hasNewRequest: member.has_new_request,
        hasNewProgramChange: member.has_new_program_change,
        hasNewDocuments: member.has_new_documents,
        hasCorrectionRequest: member.has_correction_request,
      }),
    )
    .sort(latestFirst)
    .map(({ id }) => id);
  const found = await membersNeedingAttention(database.db, { offset: 0, limit: 500 });
  assert.deepEqual(idsOf(found), want);
  assert.equal(found.total, want.length);
  const page = await membersNeedingAttention(database.db, { offset: 5, limit: 7 });
  assert.deepEqual(idsOf(page), want.slice(5, 12));
  assert.equal(page.total, want.length);
  const beyond = await membersNeedingAttention(database.db, { offset: 1000, limit: 7 });
  assert.deepEqual(beyond, { rows: [], total: want.length });
});

test('a change is found by the next search of every instance', async () => {
  const elsewhere = new MemberSearchIndex();
  const fields = new Set(FIELDS);
  const [member] = made;
  assert.ok(member);
  await searchMembers(index, database.db, ['о'], fields, { offset: 0, limit: 1 });
  await searchMembers(elsewhere, database.db, ['о'], fields, { offset: 0, limit: 1 });
  await database.pool.query('UPDATE members SET last_name = ?, updated_at = ? WHERE id = ?', [
    'Перейменованенко',
    new Date(),
    member.id,
  ]);
  for (const instance of [index, elsewhere]) {
    const found = await searchMembers(instance, database.db, ['перейменованенко'], fields, {
      offset: 0,
      limit: 5,
    });
    assert.deepEqual(idsOf(found), [member.id]);
  }
});

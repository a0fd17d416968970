import type { Executor } from '@kasa/db';
import { asc, eq, gte } from 'drizzle-orm';
import { members, searchIndexEpoch } from './schema.ts';

export type SearchField = 'name' | 'passport' | 'inn' | 'iban' | 'certificate';
export const SEARCH_FIELDS: readonly SearchField[] = ['name', 'passport', 'inn', 'iban', 'certificate'];

/** Whether a member must hold every word of a query, or any one of them. */
export type WordMatch = 'every' | 'any';

export interface Page {
  offset: number;
  limit: number;
}

/** One member as the search reads them: each field in lower case, and all of them together. */
interface Entry {
  id: number;
  updatedAt: number;
  fields: Record<SearchField, string>;
  /** The fields joined by a character no word holds, so a word never spans two of them. */
  all: string;
  /** Which pairs of neighbouring characters `all` holds (see pairsOf). */
  pairs: Uint32Array;
}

const SEPARATOR = '\u0000';
/**
 * A transaction stamps `updated_at` when it writes and commits a moment later, and instances'
 * clocks differ a little: each read goes back this far before the previous one began, so a
 * late commit is not missed.
 */
const OVERLAP_MS = 10_000;

const lower = (value: string | null) => (value ?? '').toLowerCase();

/** 1,024 bits: a member's text (~170 characters) sets about one in seven. */
const PAIR_WORDS = 32;

/**
 * A 1,024-bit sketch of the pairs of neighbouring characters in a text. A text can hold a
 * word only if its sketch has every bit of the word's: checking that costs an AND per pair
 * of the word and passes few members, so the costly substring test runs on those alone.
 */
function pairsOf(text: string, into = new Uint32Array(PAIR_WORDS)): Uint32Array {
  for (let index = 1; index < text.length; index += 1) {
    const bit = Math.imul(text.charCodeAt(index - 1) * 65_599 + text.charCodeAt(index), 0x9e3779b1) >>> 22;
    into[bit >>> 5]! |= 1 << (bit & 31);
  }
  return into;
}

/** The words of a sketch that have bits set, with those bits: what a text's sketch must hold. */
function requiredBits(sketch: Uint32Array): { index: number; bits: number }[] {
  const required: { index: number; bits: number }[] = [];
  sketch.forEach((bits, index) => {
    if (bits !== 0) required.push({ index, bits });
  });
  return required;
}

/** Whether the sketch at `offset` in `sketches` has every required bit. */
function holdsPairs(
  sketches: Uint32Array,
  offset: number,
  required: readonly { index: number; bits: number }[],
): boolean {
  for (const { index, bits } of required) {
    if ((sketches[offset + index]! & bits) >>> 0 !== bits) return false;
  }
  return true;
}

/** Latest changed first, as staff read the list. */
const latestFirst = (a: Entry, b: Entry) => b.updatedAt - a.updatedAt || b.id - a.id;

/**
 * Staff search's words are substrings (as the seed's `contains`), which no database index
 * serves: scanning 100,000 members' text costs the database 25–35 ms a query and 2 cores
 * run few at once. The searchable text is small (a few MB for 100,000 members), so each
 * service instance keeps it in memory, in the list's order, and brings it up to date before
 * every search from the rows changed since (by `updated_at`, an index range, almost always
 * empty): a search sees every change committed before it, whichever instance made it.
 * Rows written with an `updated_at` in the past (the switch-over's import) are announced by a
 * bump of `search_index_epoch`, read first: the index then reads every member again.
 */
export class MemberSearchIndex {
  #entries: Entry[] = [];
  /** The entries' sketches side by side, in the entries' order: the scan reads memory in a row. */
  #sketches = new Uint32Array(0);
  readonly #byId = new Map<number, Entry>();
  /** When the last read of changes began (this process's clock), or never. */
  #lastReadAt: number | undefined;
  /** `search_index_epoch` as the last read found it: when it moves, every member is read again. */
  #epoch = 0;
  #refreshing: Promise<void> | undefined;

  /**
   * Ids of the members with every word (or, with `match: 'any'`, any word) in one of the
   * fields, latest changed first, and how many.
   */
  async search(
    tx: Executor,
    words: readonly string[],
    fields: ReadonlySet<SearchField>,
    { offset, limit }: Page,
    match: WordMatch = 'every',
  ): Promise<{ ids: number[]; total: number }> {
    await this.#refresh(tx);
    const wanted = words.map((word) => word.toLowerCase());
    const chosen = SEARCH_FIELDS.filter((field) => fields.has(field));
    const everywhere = chosen.length === SEARCH_FIELDS.length;
    const holds = (entry: Entry, word: string) =>
      everywhere ? entry.all.includes(word) : chosen.some((field) => entry.fields[field].includes(word));
    // Every word: one sketch of all their pairs must be held. Any word: one word's sketch.
    const allPairs = new Uint32Array(PAIR_WORDS);
    for (const word of wanted) pairsOf(word, allPairs);
    const sketchesWanted =
      match === 'every' ? [requiredBits(allPairs)] : wanted.map((word) => requiredBits(pairsOf(word)));
    const matches =
      match === 'every'
        ? (entry: Entry) => wanted.every((word) => holds(entry, word))
        : (entry: Entry) => wanted.some((word) => holds(entry, word));
    const ids: number[] = [];
    let total = 0;
    // A plain loop: this runs for every member on every search.
    const entries = this.#entries;
    const sketches = this.#sketches;
    for (let position = 0; position < entries.length; position += 1) {
      let held = false;
      for (const required of sketchesWanted) {
        if (holdsPairs(sketches, position * PAIR_WORDS, required)) {
          held = true;
          break;
        }
      }
      if (!held) continue;
      const entry = entries[position]!;
      if (!matches(entry)) continue;
      if (total >= offset && ids.length < limit) ids.push(entry.id);
      total += 1;
    }
    return { ids, total };
  }

  /** Concurrent searches share one read of the changes. */
  #refresh(tx: Executor): Promise<void> {
    this.#refreshing ??= this.#readChanges(tx).finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #readChanges(tx: Executor): Promise<void> {
    const startedAt = Date.now();
    // Read before the changes: a bump committed after this read is seen by the next search.
    const [marker] = await tx
      .select({ epoch: searchIndexEpoch.epoch })
      .from(searchIndexEpoch)
      .where(eq(searchIndexEpoch.id, 1))
      .limit(1);
    const epoch = marker?.epoch ?? 0;
    const everything = this.#lastReadAt === undefined || epoch !== this.#epoch;
    const since = new Date(everything ? 0 : this.#lastReadAt! - OVERLAP_MS);
    const rows = await tx
      .select({
        id: members.id,
        updatedAt: members.updatedAt,
        firstName: members.firstName,
        middleName: members.middleName,
        lastName: members.lastName,
        passportData: members.passportData,
        taxNumber: members.taxNumber,
        iban: members.iban,
        certificate: members.certificate,
      })
      .from(members)
      .where(gte(members.updatedAt, since))
      .orderBy(asc(members.updatedAt));
    const changed = rows
      .map((row): Entry => {
        const fields = {
          name: [row.firstName, row.middleName, row.lastName].map(lower).join(SEPARATOR),
          passport: lower(row.passportData),
          inn: lower(row.taxNumber),
          iban: lower(row.iban),
          certificate: lower(row.certificate),
        };
        const all = Object.values(fields).join(SEPARATOR);
        return { id: row.id, updatedAt: row.updatedAt.getTime(), fields, all, pairs: pairsOf(all) };
      })
      // Read again within the overlap and unchanged since: nothing to do.
      .filter((entry) => {
        const known = this.#byId.get(entry.id);
        return known?.updatedAt !== entry.updatedAt || known.all !== entry.all;
      });
    if (changed.length > 0) this.#merge(changed);
    this.#lastReadAt = startedAt;
    this.#epoch = epoch;
  }

  /** The changed members leave their old place and join the list in order: one pass over it. */
  #merge(changed: Entry[]): void {
    const ids = new Set(changed.map(({ id }) => id));
    const kept = this.#entries.filter(({ id }) => !ids.has(id));
    changed.sort(latestFirst);
    const merged: Entry[] = [];
    let left = 0;
    let right = 0;
    while (left < kept.length || right < changed.length) {
      const fromChanged =
        right < changed.length && (left >= kept.length || latestFirst(changed[right]!, kept[left]!) < 0);
      merged.push(fromChanged ? changed[right++]! : kept[left++]!);
    }
    this.#entries = merged;
    const sketches = new Uint32Array(merged.length * PAIR_WORDS);
    merged.forEach((entry, position) => {
      sketches.set(entry.pairs, position * PAIR_WORDS);
    });
    this.#sketches = sketches;
    for (const entry of changed) this.#byId.set(entry.id, entry);
  }
}

import { PAYMENT_TYPES, type PaymentKindName } from '@kasa/contracts';
import type { SeedRow } from '@kasa/seed-import';

/**
 * Other names the seed's code gives the payout types: its admin site's request card looks
 * payouts up as `Виплата` and `Часткова виплата` (seeds/000, `request_get`), so a fund may
 * hold its payouts under those.
 */
const OTHER_NAMES: ReadonlyArray<readonly [string, PaymentKindName]> = [
  ['Виплата', 'payout'],
  ['Часткова виплата', 'partial_payout'],
];

const KIND_BY_NAME = new Map<string, PaymentKindName>(
  [...PAYMENT_TYPES.map(({ name, kind }) => [name, kind] as const), ...OTHER_NAMES].map(([name, kind]) => [
    nameKey(name),
    kind,
  ]),
);

/** A seed payment type (table 2.10) and the kind Kasa keeps its payments as, if any. */
export interface SeedPaymentType {
  id: number;
  name: string | null;
  kind: PaymentKindName | null;
}

/**
 * The seed's payment types as Kasa's kinds. A type is known by its name (`Поповнення` a
 * contribution, `Відшкодування` a payout, `Часткове відшкодування` a partial payout, as
 * PAYMENT_TYPES has them), so a fund whose rows were numbered otherwise keeps its meaning; a
 * type the table does not have is taken by the thesis's ids (1, 2, 3). Any other type is none
 * of Kasa's: its payments cannot come over (the schema's kind is an enum) and are reported.
 */
export class SeedPaymentKinds {
  readonly #types = new Map<number, SeedPaymentType>();

  /** Learns a row of the seed's `payment_types`. */
  learn(row: SeedRow): void {
    const id = Number(row.id);
    const name = row.name === null || row.name === undefined ? null : String(row.name);
    this.#types.set(id, { id, name, kind: name === null ? null : (KIND_BY_NAME.get(nameKey(name)) ?? null) });
  }

  /** The kind of a payment of type `typeId`, or why it has none. */
  kindOf(typeId: string | number | null | undefined): { kind: PaymentKindName } | { reason: string } {
    const id = typeId === null || typeId === undefined || typeId === '' ? Number.NaN : Number(typeId);
    const type = this.#types.get(id);
    if (type?.kind) return { kind: type.kind };
    if (type) return { reason: `its payment type ${id} (“${type.name ?? ''}”) is none of Kasa’s kinds` };
    const thesis = PAYMENT_TYPES.find((known) => known.id === id);
    if (thesis) return { kind: thesis.kind };
    return { reason: `its payment type ${String(typeId)} is none the seed or Kasa knows` };
  }

  /**
   * The seed type a payment of `kind` goes back as (a switch back): the thesis's type when the
   * table holds it under a name of that kind, else the first type of that kind, else the
   * thesis's id when the table has no row with it (kindOf reads that id back as the kind, as the
   * seed's rows without their type were read); null when the table has that id for another
   * type, so that no type says the kind.
   */
  typeIdOf(kind: PaymentKindName): number | null {
    const thesis = PAYMENT_TYPES.find((type) => type.kind === kind)!;
    const ofKind = this.types().filter((type) => type.kind === kind);
    if (ofKind.some(({ id }) => id === thesis.id)) return thesis.id;
    if (ofKind.length > 0) return ofKind[0]!.id;
    return this.#types.has(thesis.id) ? null : thesis.id;
  }

  /** The types the seed has, as learnt. */
  types(): SeedPaymentType[] {
    return [...this.#types.values()].sort((a, b) => a.id - b.id);
  }
}

/** Names compared as staff typed them: case, spaces around and between words aside. */
function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

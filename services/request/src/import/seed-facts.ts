import { isPayout, paymentTypeById } from '@kasa/contracts';
import { type ImportStep, kopiykyOfSeedAmount } from '@kasa/seed-import';
import type { RequestStatus } from '../domain/request-status.ts';
import { idOf, requestStatusOfAlias } from './seed-values.ts';

/**
 * What the request service's import reads of the seed before it writes anything: facts that
 * live in tables other services own, learnt afresh at every run (so a resumed run knows them
 * too) and kept in memory only: a few numbers per row.
 */
export interface SeedFacts {
  /** `request_status.id` → the status its alias names (null: an alias Kasa does not know). */
  statusById: Map<number, { status: RequestStatus | null; alias: string }>;
  /** The seed's members: a request of any other member is reported, and still comes over. */
  memberIds: Set<number>;
  /**
   * The seed's payouts (types 2 and 3) by the request they name: payment id → kopiyky. Keyed by
   * payment, so that reading the payments again (the same import run twice) counts each once.
   */
  payoutsByRequest: Map<number, Map<number, number>>;
  /** Every request the seed has (messages and files of others are reported). */
  requestIds: Set<number>;
}

export const emptyFacts = (): SeedFacts => ({
  statusById: new Map(),
  memberIds: new Set(),
  payoutsByRequest: new Map(),
  requestIds: new Set(),
});

/** Kopiyky paid out for a request so far, as the service's `paid_amount` keeps it. */
export function paidFor(facts: SeedFacts, requestId: number): number {
  let paid = 0;
  for (const kopiyky of facts.payoutsByRequest.get(requestId)?.values() ?? []) paid += kopiyky;
  return paid;
}

/** The steps that only learn facts: they write nothing, in any run. */
export function factSteps(facts: SeedFacts): ImportStep[] {
  return [
    {
      name: 'request statuses (read)',
      table: 'request_status',
      async write(_tx, rows) {
        for (const row of rows) {
          const id = idOf(row.id);
          if (id === null) continue;
          const alias = String(row.alias ?? '');
          facts.statusById.set(id, { status: requestStatusOfAlias(alias), alias });
        }
        return 0;
      },
    },
    {
      name: 'members (read: who exists)',
      table: 'members',
      async write(_tx, rows) {
        for (const row of rows) {
          const id = idOf(row.id);
          if (id !== null) facts.memberIds.add(id);
        }
        return 0;
      },
    },
    {
      // What the request service learns from `payout.recorded` in Kasa; the payment service's
      // import reports the amounts that are no whole kopiyky.
      name: 'payouts (read: paid per request)',
      table: 'payments',
      async write(_tx, rows) {
        for (const row of rows) {
          const paymentId = idOf(row.id);
          const requestId = idOf(row.request_id);
          const type = paymentTypeById(Number(row.payment_type));
          if (paymentId === null || requestId === null || type === undefined || !isPayout(type.kind))
            continue;
          const { kopiyky } = kopiykyOfSeedAmount(row.amount ?? null);
          if (kopiyky === null) continue;
          const payouts = facts.payoutsByRequest.get(requestId) ?? new Map<number, number>();
          payouts.set(paymentId, kopiyky);
          facts.payoutsByRequest.set(requestId, payouts);
        }
        return 0;
      },
    },
  ];
}

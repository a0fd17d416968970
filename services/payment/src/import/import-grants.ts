import type { Tx } from '@kasa/db';
import {
  createdInstantOf,
  type ImportContext,
  instantOfSeedDateTime,
  kopiykyOfSeedAmount,
  type SeedRow,
} from '@kasa/seed-import';
import { requestGrants } from '../db/schema.ts';
import { insertIgnore } from './insert-ignore.ts';
import { unsignedIdOf } from './seed-payment.ts';

type GrantRow = typeof requestGrants.$inferInsert;

const GRANT_MAX = 4_294_967_295;

/**
 * What the fund granted for each of the seed's requests (`requests.suma`, "the sum the fund
 * approved"), the payment service's read model that payouts are held to, as `request.assessed`
 * fills it: the request's member, the sum in kopiyky (NULL stays unknown, which the payout rule
 * takes as not granted, as it does 0, the seed's sum of a request not yet assessed), dated by
 * the request's last change, so that any assessment after the switch wins. Payouts the seed
 * made beyond a grant come over as they are (paymentOfSeed); only new ones are held to it.
 * The rules are the request service's for its granted amount (import-requests.ts), which owns
 * the requests and reports what of them could not come over (no member, a sum no grant can be):
 * a request it cannot keep has no grant here either, and its sum nobody could grant is none.
 */
export function grantOfSeedRequest(row: SeedRow, runStartedAt: Date): GrantRow | null {
  const memberId = unsignedIdOf(row.member_id);
  if (memberId === null || memberId === 'invalid') return null;
  const { kopiyky } = kopiykyOfSeedAmount(row.suma ?? null);
  const updated = instantOfSeedDateTime(row.updated_at ?? null);
  return {
    requestId: Number(row.id),
    memberId,
    grantedAmount: kopiyky !== null && kopiyky >= 0 && kopiyky <= GRANT_MAX ? kopiyky : null,
    assessedAt: updated instanceof Date ? updated : createdInstantOf(row, runStartedAt).at,
  };
}

/** One batch of grants, INSERT IGNORE: a grant already there (imported, or assessed since) stays. */
export async function writeGrants(
  tx: Tx,
  rows: readonly SeedRow[],
  context: ImportContext,
  runStartedAt: Date,
): Promise<number> {
  const grants = rows.flatMap((row) => grantOfSeedRequest(row, runStartedAt) ?? []);
  return insertIgnore(tx, context.database, requestGrants, grants);
}

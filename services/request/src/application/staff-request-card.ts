import type { StaffAidRequest } from '@kasa/contracts';
import type { Database } from '@kasa/db';
import type { Static } from 'typebox';
import { grantedQuantileOnProgram, programOf } from '../db/member-programs.repository.ts';
import { duplicatesOf } from '../db/request-files.repository.ts';
import { USUAL_SHARE, type UsualBasis, unusualAmount, usualBasis } from '../domain/request-flags.ts';
import { detailOf } from './member-requests.ts';
import { anyRequest } from './request-access.ts';

/** What the card reads: the database, and the amount that is usual before a program has history. */
export interface RequestCardDeps {
  database: Pick<Database, 'db'>;
  /** Kopiyky. */
  usualMaxAmount: number;
}

/** A request as the reviewer sees it: the whole conversation, and what to look at twice. */
export async function staffRequestCard(
  deps: RequestCardDeps,
  requestId: number,
): Promise<Static<typeof StaffAidRequest>> {
  const { db } = deps.database;
  const request = await anyRequest(db, requestId);
  const [detail, duplicates, basis] = await Promise.all([
    detailOf(db, request, true),
    duplicatesOf(db, requestId),
    request.grantedAmount === null ? null : usualBasisFor(deps, request.memberId, request.id),
  ]);
  return {
    ...detail,
    paid: request.paidAmount,
    flags: {
      duplicate_files: duplicates,
      unusual_amount: basis === null ? null : unusualAmount(request.grantedAmount, basis),
    },
  };
}

/** What is usual for this member's requests: on their program when it has history enough. */
async function usualBasisFor(
  deps: RequestCardDeps,
  memberId: number,
  requestId: number,
): Promise<UsualBasis> {
  const { db } = deps.database;
  const programId = await programOf(db, memberId);
  const onProgram =
    programId === null ? null : await grantedQuantileOnProgram(db, programId, USUAL_SHARE, requestId);
  return usualBasis(onProgram, deps.usualMaxAmount);
}

import type { StaffAidRequest } from '@kasa/contracts';
import type { Static } from 'typebox';
import { duplicatesOf } from '../db/request-files.repository.ts';
import { unusualAmount } from '../domain/request-flags.ts';
import { detailOf } from './member-requests.ts';
import { anyRequest } from './request-access.ts';
import type { RequestDeps } from './request-deps.ts';

/** A request as the reviewer sees it: the whole conversation, and what to look at twice. */
export async function staffRequestCard(
  deps: RequestDeps,
  requestId: number,
): Promise<Static<typeof StaffAidRequest>> {
  const { db } = deps.context.database;
  const request = await anyRequest(db, requestId);
  const [detail, duplicates] = await Promise.all([detailOf(db, request, true), duplicatesOf(db, requestId)]);
  return {
    ...detail,
    flags: {
      duplicate_files: duplicates,
      unusual_amount: unusualAmount(request.grantedAmount, deps.context.settings.REQUEST_USUAL_MAX_AMOUNT),
    },
  };
}

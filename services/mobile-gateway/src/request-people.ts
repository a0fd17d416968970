import { setTimeout as sleep } from 'node:timers/promises';
import { MemberRecord, type SeedMemberRow, seedMemberRow } from '@kasa/contracts';
import { asCaller, isAppError } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import type { FastifyRequest } from 'fastify';

/**
 * Who the seed's request rows nest: the member (every request, file and member message holds
 * their row) and the staff users who wrote in the conversation. The request service keeps only
 * their ids; the member service knows the member's row (`staffUserRowsFor` in @kasa/runtime gives
 * the staff's).
 */

/**
 * Pauses while the member service opens a new member's profile: it does so from auth's sign-up
 * event, a moment after the first sign-in, and the app may open a request at once.
 */
const NOT_READY_PAUSES_MS = [50, 100, 200, 400, 800, 1000, 1000];

/** The calling member's own row, in any state (a member writes requests before approval). */
export async function ownMemberRow(
  context: GatewayContext,
  request: FastifyRequest,
  pauses: readonly number[] = NOT_READY_PAUSES_MS,
): Promise<SeedMemberRow> {
  try {
    const record = await context.services.member.request({
      method: 'GET',
      path: '/me/record',
      ...asCaller(request),
      response: MemberRecord,
    });
    return seedMemberRow(record);
  } catch (error) {
    const [pause, ...later] = pauses;
    if (pause === undefined || !isAppError(error) || error.code !== 'member_not_ready') throw error;
    await sleep(pause);
    return ownMemberRow(context, request, later);
  }
}

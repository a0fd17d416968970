import { MemberRecord } from '@kasa/contracts';
import { asCaller, conflict } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import type { FastifyRequest } from 'fastify';

/**
 * Dues are priced by the member's program: a member who has only signed in, with none chosen,
 * is refused a checkout (409) rather than paying money no membership can be credited with.
 */
export async function assertDuesPriceable(
  { services }: GatewayContext,
  request: FastifyRequest,
): Promise<void> {
  const member = await services.member.request({
    method: 'GET',
    path: '/me/record',
    ...asCaller(request),
    response: MemberRecord,
  });
  if (member.pricing_program_id === null) {
    throw conflict(
      'Choose a program in your profile before paying dues: they are priced by its monthly price',
      'no_program',
    );
  }
}

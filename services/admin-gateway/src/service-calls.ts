import { MemberSummary, PaymentPage } from '@kasa/contracts';
import { asCaller } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';

/** Members' names for a page of requests or payments, by id. */
export async function summariesFor(
  { services }: GatewayContext,
  request: FastifyRequest,
  ids: readonly number[],
): Promise<Map<number, Static<typeof MemberSummary>>> {
  if (ids.length === 0) return new Map();
  const { data } = await services.member.request({
    method: 'POST',
    path: '/staff/members/summaries',
    body: { ids: [...new Set(ids)] },
    ...asCaller(request),
    response: Type.Object({ data: Type.Array(MemberSummary) }),
  });
  return new Map(data.map((summary) => [summary.id, summary]));
}

/** A page of the payment register (the payment service's filter names, money in kopiyky). */
export function searchPayments(
  { services }: GatewayContext,
  request: FastifyRequest,
  filter: Record<string, unknown>,
): Promise<Static<typeof PaymentPage>> {
  return services.payment.request({
    method: 'POST',
    path: '/staff/payments/search',
    body: filter,
    ...asCaller(request),
    response: PaymentPage,
  });
}

import { AidRequest, MemberRecord, PaymentPage, type SeedMemberRow, seedMemberRow } from '@kasa/contracts';
import { asCaller } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';

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

/** The seed's member rows of some members, by id, in one call (unknown ids are absent). */
export async function memberRowsFor(
  { services }: GatewayContext,
  request: FastifyRequest,
  ids: readonly number[],
): Promise<Map<number, SeedMemberRow>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const { data } = await services.member.request({
    method: 'POST',
    path: '/staff/members/records',
    body: { ids: wanted },
    ...asCaller(request),
    response: Type.Object({ data: Type.Array(MemberRecord) }),
  });
  return new Map(data.map((member) => [member.id, seedMemberRow(member)]));
}

/** Requests by id, with their files, in one call (unknown ids are absent). */
export async function requestRecordsFor(
  { services }: GatewayContext,
  request: FastifyRequest,
  ids: readonly number[],
): Promise<Static<typeof AidRequest>[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const { data } = await services.request.request({
    method: 'POST',
    path: '/staff/requests/records',
    body: { ids: wanted },
    ...asCaller(request),
    response: Type.Object({ data: Type.Array(AidRequest) }),
  });
  return data;
}

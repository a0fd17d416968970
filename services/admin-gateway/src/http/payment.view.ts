import {
  type AdminPaymentRow,
  type PaymentRecord,
  type SeedMemberRow,
  type SeedRequestRow,
  seedPaymentRow,
  seedRequestRow,
} from '@kasa/contracts';
import type { GatewayContext } from '@kasa/runtime';
import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { memberRowOrStandIn } from '../member-stand-in.ts';
import { memberRowsFor, requestRecordsFor } from '../service-calls.ts';

type Payment = Static<typeof PaymentRecord>;

/** A payment as the admin site reads it: the seed's row, and the register's own fields. */
export function adminPaymentRow(
  payment: Payment,
  nested: { member: SeedMemberRow; request: SeedRequestRow | null },
): AdminPaymentRow {
  return {
    ...seedPaymentRow(payment, nested),
    member_id: payment.member_id,
    request_id: payment.request_id,
    state: payment.state,
    source: payment.source,
    order_id: payment.order_id,
    reverses: payment.reverses,
    flag: payment.flag,
    note: payment.note,
    recorded_by: payment.recorded_by,
  };
}

/** A nested row the services no longer know: the data is inconsistent, and the answer fails. */
export function rowOf<T>(rows: ReadonlyMap<number, T>, id: number, what: string): T {
  const row = rows.get(id);
  if (row === undefined) throw new Error(`${what} ${id} is unknown to its service`);
  return row;
}

/**
 * Payments as admin rows, their members and requests fetched once for the whole list (a
 * request's member is fetched with the payments' members, and only if missing after, apart).
 * `known` are member rows the caller already has (the member card's member).
 */
export async function adminPaymentRows(
  context: GatewayContext,
  request: FastifyRequest,
  payments: readonly Payment[],
  known: ReadonlyMap<number, SeedMemberRow> = new Map(),
): Promise<AdminPaymentRow[]> {
  const requestIds = payments.flatMap(({ request_id }) => (request_id === null ? [] : [request_id]));
  const wantedMembers = payments.map(({ member_id }) => member_id).filter((id) => !known.has(id));
  const [fetched, requests] = await Promise.all([
    memberRowsFor(context, request, wantedMembers),
    requestRecordsFor(context, request, requestIds),
  ]);
  const members = new Map([...known, ...fetched]);
  const missing = requests.map(({ member_id }) => member_id).filter((id) => !members.has(id));
  for (const [id, row] of await memberRowsFor(context, request, missing)) members.set(id, row);
  const requestRows = new Map(
    requests.map((one) => [
      one.id,
      seedRequestRow(one, memberRowOrStandIn(members, one.member_id, one.created)),
    ]),
  );
  return payments.map((payment) =>
    adminPaymentRow(payment, {
      member: memberRowOrStandIn(members, payment.member_id, payment.created_at),
      // A payout for a request the request service has no record of (an old one, brought over as
      // it was) keeps its `request_id`; there is no row to nest.
      request: payment.request_id === null ? null : (requestRows.get(payment.request_id) ?? null),
    }),
  );
}

/** One payment as an admin row (a manual entry or a reversal just recorded). */
export async function adminPaymentRowOf(
  context: GatewayContext,
  request: FastifyRequest,
  payment: Payment,
  known: ReadonlyMap<number, SeedMemberRow> = new Map(),
): Promise<AdminPaymentRow> {
  const rows = await adminPaymentRows(context, request, [payment], known);
  return rowOf(new Map(rows.map((row) => [row.id, row])), payment.id, 'payment');
}

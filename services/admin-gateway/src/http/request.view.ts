import {
  type AdminPaymentRow,
  type AdminRequestCard,
  type AdminRequestListRow,
  type AidRequest,
  hryvniasOf,
  isPayout,
  kyivDateOf,
  PAYMENT_TYPES,
  type PaymentRecord,
  type SeedMemberRow,
  type SeedRequestRow,
  type SeedUserRow,
  type StaffAidRequest,
  seedDateOf,
  seedFileRow,
  seedMessageRow,
  seedRequestRow,
  shortSeedDateOfDay,
} from '@kasa/contracts';
import type { GatewayContext } from '@kasa/runtime';
import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { adminPaymentRows } from './payment.view.ts';

/** A row of `/requests`: the seed's request row, its days as the seed's list wrote them (Kyiv). */
export function adminRequestListRow(
  request: Static<typeof AidRequest>,
  member: SeedMemberRow,
): AdminRequestListRow {
  return {
    ...seedRequestRow(request, member),
    created_at: seedDateOf(new Date(request.created)),
    updated_at: seedDateOf(new Date(request.updated)),
  };
}

/**
 * The payout types the card offers. The seed looked them up by the names 'Виплата' and
 * 'Часткова виплата', which no type has; it meant these (2 Відшкодування, 3 Часткове відшкодування).
 */
const PAYOUT_TYPES = PAYMENT_TYPES.filter((type) => isPayout(type.kind)).map(({ id, name }) => ({
  id,
  name,
}));

/**
 * `POST /request`'s card: the seed's request row (`created_at` `%d.%m.%y`, `updated_at`
 * `%d.%m.%Y`), each message and file nesting that row and who wrote or sent it, the payouts,
 * the payout types; Kasa's warnings and paid-out sum in hryvnias.
 */
export function adminRequestCard(
  card: Static<typeof StaffAidRequest>,
  nested: { member: SeedMemberRow; users: ReadonlyMap<number, SeedUserRow>; charges: AdminPaymentRow[] },
): AdminRequestCard {
  const { member, users, charges } = nested;
  const row = seedRequestRow(card, member);
  // Only the request's member writes in its conversation and attaches its files.
  const memberOf = (id: number | null) => (id === member.id ? member : null);
  const unusual = card.flags.unusual_amount;
  return {
    ...row,
    created_at: shortSeedDateOfDay(kyivDateOf(new Date(card.created))),
    updated_at: seedDateOf(new Date(card.updated)),
    messages: card.messages.map((message) => ({
      ...seedMessageRow(message, {
        request: row,
        member: memberOf(message.member_id),
        user: message.user_id === null ? null : (users.get(message.user_id) ?? null),
      }),
      internal: message.internal,
    })),
    files: card.files.map((file) => seedFileRow(file, { request: row, member: memberOf(file.member_id) })),
    charges,
    types: PAYOUT_TYPES,
    paid: hryvniasOf(card.paid),
    flags: {
      duplicate_files: card.flags.duplicate_files,
      unusual_amount: unusual && {
        ...unusual,
        granted: hryvniasOf(unusual.granted),
        usual_max: hryvniasOf(unusual.usual_max),
      },
    },
  };
}

/**
 * The member card's `requests` and `payments` (admin `POST /member`): the seed's rows as
 * `model_to_dict` gave them, each nesting the member's row; payouts nest their request too.
 */
export async function memberCardRows(
  context: GatewayContext,
  request: FastifyRequest,
  member: SeedMemberRow,
  theirs: {
    requests: readonly Static<typeof AidRequest>[];
    payments: readonly Static<typeof PaymentRecord>[];
  },
): Promise<{ requests: SeedRequestRow[]; payments: AdminPaymentRow[] }> {
  return {
    requests: theirs.requests.map((one) => seedRequestRow(one, member)),
    payments: await adminPaymentRows(context, request, theirs.payments, new Map([[member.id, member]])),
  };
}

import type { Static } from 'typebox';
import type { RequestStatus } from '../events/request.ts';
import { PAYMENT_TYPES, type PaymentRecord, paymentTypeOf } from '../http/payments.ts';
import type { AidRequest, RequestFile, RequestMessage } from '../http/requests.ts';
import { hryvniasOf } from '../money.ts';
import { httpDateOf, httpDateOfDay } from './seed-formats.ts';
import type {
  SeedFileRow,
  SeedMemberRow,
  SeedMessageRow,
  SeedPaymentRow,
  SeedRequestRow,
  SeedUserRow,
} from './seed-rows.ts';

/**
 * Builders of the seed's request and payment rows (tables 2.1, 2.3, 2.5, 2.6, 2.9, 2.10) from
 * the internal services' answers, for both gateways and every route that nests them (the
 * request lists and card, the payment register, the member card, the app's own lists). A row
 * that nests another takes it already built, so a page builds each member row once.
 */

type RequestStatusAlias = Static<typeof RequestStatus>;

/**
 * Table 2.5 as the seed's fund filled it. The seed ships no rows (its code only reads the
 * aliases), so Kasa fixes the ids in the order a request goes through them and names them in
 * the admin site's language.
 */
export const SEED_REQUEST_STATUSES = [
  { id: 1, name: 'Відкрито', alias: 'opened' },
  { id: 2, name: 'Очікує відповіді фонду', alias: 'awaiting_agent' },
  { id: 3, name: 'Очікує відповіді учасника', alias: 'awaiting_client' },
  { id: 4, name: 'Закрито', alias: 'closed' },
] as const satisfies readonly { id: number; name: string; alias: RequestStatusAlias }[];

/** Table 2.10: the fund's payment types, by the ids the clients send. */
export const SEED_PAYMENT_TYPES: readonly { id: number; name: string }[] = PAYMENT_TYPES.map(
  ({ id, name }) => ({ id, name }),
);

/** The status row of an alias. */
export function seedRequestStatusRow(alias: RequestStatusAlias): { id: number; name: string; alias: string } {
  const { id, name } =
    SEED_REQUEST_STATUSES.find((status) => status.alias === alias) ?? SEED_REQUEST_STATUSES[0];
  return { id, name, alias };
}

/** What a request row is built from: the request service's answer (either side's). */
export type RequestRowSource = Pick<
  Static<typeof AidRequest>,
  'id' | 'status' | 'comment' | 'diagnos' | 'sum' | 'created' | 'updated'
>;

/** A request as `model_to_dict(request)`: its member row nested, `suma` in hryvnias. */
export function seedRequestRow(request: RequestRowSource, member: SeedMemberRow): SeedRequestRow {
  return {
    id: request.id,
    request_text: request.comment,
    member,
    created_at: httpDateOf(request.created),
    updated_at: httpDateOf(request.updated),
    suma: hryvniasOf(request.sum),
    status: seedRequestStatusRow(request.status),
    diagnos: request.diagnos,
  };
}

/** What a file row is built from: a request file (its `created` instant). */
export type FileRowSource = Pick<Static<typeof RequestFile>, 'id' | 'filename' | 'created'>;

/**
 * A file as `model_to_dict(file)`: the request and the member it belongs to nested (either may
 * be null, as for a member's own document). A file never changes: `updated_at` is `created_at`.
 */
export function seedFileRow(
  file: FileRowSource,
  owners: { request: SeedRequestRow | null; member: SeedMemberRow | null },
): SeedFileRow {
  const created = httpDateOf(file.created);
  return {
    id: file.id,
    filename: file.filename,
    request: owners.request,
    created_at: created,
    updated_at: created,
    member: owners.member,
  };
}

/** What a message row is built from. */
export type MessageRowSource = Pick<Static<typeof RequestMessage>, 'id' | 'message' | 'created_at'>;

/**
 * A message as `model_to_dict(message)`: its request nested, and who wrote it, the member or
 * the staff user, the other null. A message is never edited: `updated_at` is `created_at`.
 */
export function seedMessageRow(
  message: MessageRowSource,
  context: { request: SeedRequestRow; member: SeedMemberRow | null; user: SeedUserRow | null },
): SeedMessageRow {
  const created = httpDateOf(message.created_at);
  return {
    id: message.id,
    created_at: created,
    updated_at: created,
    message: message.message,
    request: context.request,
    member: context.member,
    user: context.user,
  };
}

/** What a payment row is built from: the payment service's record. */
export type PaymentRowSource = Pick<
  Static<typeof PaymentRecord>,
  'id' | 'kind' | 'amount' | 'paid_on' | 'order_id' | 'iban' | 'created_at' | 'updated_at'
>;

/**
 * A payment as `model_to_dict(payment)`: its type, member and request (null for a
 * contribution) nested, `amount` in hryvnias (negative on a reversing entry), `payment_date`
 * the Kyiv day the money moved as that day's midnight (null while a checkout is unpaid),
 * `payment_identifier` the LiqPay order id (null for an entry staff made).
 */
export function seedPaymentRow(
  payment: PaymentRowSource,
  context: { member: SeedMemberRow; request: SeedRequestRow | null },
): SeedPaymentRow {
  const { id, name } = paymentTypeOf(payment.kind);
  return {
    id: payment.id,
    created_at: httpDateOf(payment.created_at),
    updated_at: httpDateOf(payment.updated_at),
    iban: payment.iban,
    payment_type: { id, name },
    payment_identifier: payment.order_id,
    member: context.member,
    request: context.request,
    payment_date: payment.paid_on === null ? null : httpDateOfDay(payment.paid_on),
    amount: hryvniasOf(payment.amount),
  };
}

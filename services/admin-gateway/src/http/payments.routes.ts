import {
  AdminPaymentCreateAnswer,
  AdminPaymentsAnswer,
  hryvniasOf,
  MatchingMembers,
  MemberCard,
  PAYMENT_TYPES,
  PaymentRecord,
  PaymentStateName,
  paymentTypeById,
  SeedStatusError,
  StatusAnswer,
  seedMemberRow,
} from '@kasa/contracts';
import { asCaller, badRequest, bearerSecurity, conflict, type HttpApp } from '@kasa/http';
import { ClientAmount, ClientDay, dayOf, type GatewayContext, kopiykyOfField } from '@kasa/runtime';
import { type Static, Type } from 'typebox';
import { adminOnly, staffOnly } from '../access.ts';
import { searchPayments } from '../service-calls.ts';
import { adminPaymentRowOf, adminPaymentRows } from './payment.view.ts';

const Id = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
const TypeId = Type.Integer({
  minimum: 1,
  maximum: PAYMENT_TYPES.length,
  description: PAYMENT_TYPES.map(({ id, name }) => `${id}: ${name}`).join('; '),
});
const common = { tags: ['payments'], security: bearerSecurity };

const Entry = Type.Object({
  member: Id,
  type: TypeId,
  request: Type.Optional(Type.Union([Id, Type.Null()])),
  date: ClientDay,
  amount: ClientAmount,
  iban: Type.Optional(
    Type.String({ maxLength: 34, description: "a payout's account; the member's IBAN when left out" }),
  ),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
const Saved = AdminPaymentCreateAnswer;

const RegisterBody = Type.Object({
  type: Type.Optional(Type.Union([Type.Array(TypeId, { maxItems: PAYMENT_TYPES.length }), Type.Null()])),
  state: Type.Optional(Type.Array(PaymentStateName, { maxItems: 5 })),
  flagged: Type.Optional(
    Type.Boolean({
      description:
        'true: only payments waiting for a decision (`flag` says why: not as ordered, or a contribution ' +
        'from a member with no program to price it); false: only the others',
    }),
  ),
  date_start: Type.Optional(Type.Union([ClientDay, Type.Null()])),
  date_end: Type.Optional(Type.Union([ClientDay, Type.Null()])),
  amount_start: Type.Optional(Type.Union([ClientAmount, Type.Null()])),
  amount_end: Type.Optional(Type.Union([ClientAmount, Type.Null()])),
  certificate: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
const RegisterPage = AdminPaymentsAnswer;

/** "A full IBAN: UA and 27 digits", spaces allowed as people write them. */
function ibanOf(text: string): string {
  const iban = text.replace(/\s+/g, '').toUpperCase();
  if (!/^UA[0-9]{27}$/.test(iban))
    throw badRequest("Field 'iban' is not a Ukrainian IBAN (UA and 27 digits)", 'invalid_iban');
  return iban;
}

/**
 * SPEC §7 rows 16 and 17: manual entries and the register; reversing a mistaken entry, and
 * refunding a LiqPay contribution (administrators).
 */
export function paymentRoutes(app: HttpApp, context: GatewayContext): void {
  const { payment, member } = context.services;

  app.put(
    '/payment',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: 'Record a payment by hand: a contribution from another source, or a payout for a request',
        description:
          'A contribution (type 1) extends the membership as one through LiqPay does. A payout (type 2, ' +
          'the whole rest of what was granted) or a partial payout (type 3) needs its `request`; payouts ' +
          'never add up to more than the granted amount (409 says what is left). A contribution needs the ' +
          "member's program to price it (409 until they have chosen one). Nothing is ever edited: " +
          'a mistake is corrected by POST /payment/reverse.',
        body: Entry,
        response: { 200: Saved, 409: SeedStatusError },
      },
    },
    async (request): Promise<Static<typeof Saved>> => {
      const { body } = request;
      const type = paymentTypeById(body.type);
      if (!type) throw badRequest("Field 'type' is not a payment type", 'invalid_type');
      const amount = kopiykyOfField('amount', body.amount, { positive: true });
      const paidOn = dayOf('date', body.date);
      if (paidOn === undefined) throw badRequest("Field 'date' is required (dd.mm.yyyy)", 'invalid_date');
      // The member must exist (404 otherwise); a payout goes to their IBAN unless another is given.
      const card = await member.request({
        method: 'GET',
        path: `/staff/members/${body.member}`,
        ...asCaller(request),
        response: MemberCard,
      });
      if (type.kind === 'contribution' && card.member.pricing_program_id === null) {
        throw conflict(
          'This member has not chosen a program, so no contribution can be priced: a program comes first',
          'no_program',
        );
      }
      const iban = body.iban
        ? ibanOf(body.iban)
        : type.kind === 'contribution'
          ? null
          : card.member.actual_iban;
      const saved = await payment.request({
        method: 'POST',
        path: '/staff/payments',
        body: {
          member_id: body.member,
          kind: type.kind,
          ...(body.request ? { request_id: body.request } : {}),
          paid_on: paidOn,
          amount,
          ...(iban ? { iban: ibanOf(iban) } : {}),
          ...(body.note ? { note: body.note } : {}),
        },
        ...asCaller(request),
        response: PaymentRecord,
      });
      const known = new Map([[card.member.id, seedMemberRow(card.member)]]);
      const data = await adminPaymentRowOf(context, request, saved, known);
      return { status: 'success', message: 'Інформацію про платіж додано', data };
    },
  );

  app.post(
    '/payment/reverse',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: 'Correct a mistaken manual entry with a reversing one',
        description:
          'The reversing entry has the amount negated and today’s date; a contribution’s days are taken back, ' +
          'a payout stops counting against the grant. 409 when already reversed, or for LiqPay money ' +
          '(refund it instead).',
        body: Type.Object({
          payment: Id,
          note: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
        }),
        response: { 200: Saved },
      },
    },
    async (request): Promise<Static<typeof Saved>> => {
      const reversal = await payment.request({
        method: 'POST',
        path: `/staff/payments/${request.body.payment}/reversal`,
        body: { note: request.body.note },
        ...asCaller(request),
        response: PaymentRecord,
      });
      const data = await adminPaymentRowOf(context, request, reversal);
      return { status: 'success', message: 'Платіж сторновано', data };
    },
  );

  app.post(
    '/payments',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: 'The payment register, latest first',
        description:
          'Filters combine with AND: the types, the states, the days the money moved (Kyiv, both included), ' +
          'the amount range in hryvnias (both included), the member’s certificate (its words), and ' +
          '`flagged` for the money waiting for a decision.',
        body: RegisterBody,
        response: { 200: RegisterPage },
      },
    },
    async (request): Promise<Static<typeof RegisterPage>> => {
      const { body } = request;
      const amountMin =
        body.amount_start == null ? undefined : kopiykyOfField('amount_start', body.amount_start);
      const amountMax = body.amount_end == null ? undefined : kopiykyOfField('amount_end', body.amount_end);
      const paidFrom = dayOf('date_start', body.date_start);
      const paidTo = dayOf('date_end', body.date_end);
      let memberIds: number[] | undefined;
      const certificate = body.certificate?.trim() ?? '';
      if (certificate !== '') {
        const matching = await member.request({
          method: 'POST',
          path: '/staff/members/matching',
          body: { query: certificate, fields: { certificate: true } },
          ...asCaller(request),
          response: MatchingMembers,
        });
        if (matching.ids.length === 0) return { status: 'success', data: [], total: 0, sum: 0 };
        memberIds = matching.ids;
      }
      const page = await searchPayments(context, request, {
        ...(body.type?.length ? { kinds: body.type.map((id) => paymentTypeById(id)?.kind) } : {}),
        ...(body.state?.length ? { states: body.state } : {}),
        ...(body.flagged === undefined ? {} : { flagged: body.flagged }),
        ...(paidFrom ? { paid_from: paidFrom } : {}),
        ...(paidTo ? { paid_to: paidTo } : {}),
        ...(amountMin === undefined ? {} : { amount_min: amountMin }),
        ...(amountMax === undefined ? {} : { amount_max: amountMax }),
        ...(memberIds ? { member_ids: memberIds } : {}),
        offset: body.offset ?? 0,
        limit: body.limit ?? 50,
      });
      return {
        status: 'success',
        data: await adminPaymentRows(context, request, page.data),
        total: page.total,
        sum: hryvniasOf(page.sum),
      };
    },
  );

  app.post(
    '/payment/refund',
    {
      ...adminOnly,
      schema: {
        tags: ['payments'],
        security: bearerSecurity,
        summary: 'Return a LiqPay contribution to the member’s card (administrators)',
        description:
          'LiqPay returns the whole payment; the payment is then refunded in the register and the membership ' +
          'shortened by the days it added. 404 unknown payment; 409 for anything but a confirmed LiqPay ' +
          'contribution (a manual entry or a payout is reversed instead); 422 when LiqPay refuses, with its ' +
          'reason; 503 when LiqPay cannot be reached (nothing changes).',
        body: Type.Object({
          payment: Id,
          reason: Type.Optional(Type.String({ maxLength: 500, description: 'kept with the payment' })),
        }),
        response: { 200: StatusAnswer },
      },
    },
    async (request) => {
      const { reason } = request.body;
      const refunded = await payment.request({
        method: 'POST',
        path: `/staff/payments/${request.body.payment}/refund`,
        body: reason === undefined ? {} : { reason },
        ...asCaller(request),
        response: Type.Object({ status: Type.String(), message: Type.String() }),
      });
      return { status: refunded.status, message: refunded.message };
    },
  );
}

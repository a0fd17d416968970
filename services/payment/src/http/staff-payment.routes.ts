import {
  ContributionTotals,
  KyivDay,
  kyivDateOf,
  PAYMENT_TYPES,
  PaymentKind,
  PaymentPage,
  PaymentRecord,
  PaymentStateName,
} from '@kasa/contracts';
import { callerId, type HttpApp, staffMayAct } from '@kasa/http';
import { Type } from 'typebox';
import { recordPayment } from '../application/record-payment.ts';
import { reversePayment } from '../application/reverse-payment.ts';
import { contributionTotals } from '../db/contribution-totals.repository.ts';
import { searchRegister } from '../db/register.repository.ts';
import type { PaymentDeps } from '../deps.ts';
import { paymentRecord } from './payment.view.ts';

const Id = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
const Kopiyky = Type.Integer({ minimum: 1, maximum: 2_000_000_000, description: 'kopiyky' });
const common = { tags: ['staff: payments'] };

const Entry = Type.Object({
  member_id: Id,
  kind: PaymentKind,
  request_id: Type.Optional(Id),
  paid_on: KyivDay,
  amount: Kopiyky,
  iban: Type.Optional(Type.String({ pattern: '^UA[0-9]{27}$', description: 'the account a payout went to' })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

const Filter = Type.Object({
  kinds: Type.Optional(Type.Array(PaymentKind, { maxItems: PAYMENT_TYPES.length })),
  states: Type.Optional(Type.Array(PaymentStateName, { maxItems: 5 })),
  paid_from: Type.Optional(KyivDay),
  paid_to: Type.Optional(KyivDay),
  amount_min: Type.Optional(Type.Integer({ description: 'kopiyky' })),
  amount_max: Type.Optional(Type.Integer({ description: 'kopiyky' })),
  member_ids: Type.Optional(Type.Array(Id, { maxItems: 5_000 })),
  request_ids: Type.Optional(Type.Array(Id, { maxItems: 1_000 })),
  flagged: Type.Optional(
    Type.Boolean({
      description:
        'true: only payments waiting for a decision (`flag` says why: not as ordered, or no program ' +
        'to price a contribution); false: only the others',
    }),
  ),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  limit: Type.Integer({ minimum: 1, maximum: 1_000, default: 50 }),
});

/** The register and manual entries (SPEC §7 rows 16 and 17), for staff tokens. */
export function staffPaymentRoutes(app: HttpApp, deps: PaymentDeps): void {
  const { db } = deps.context.database;

  app.get(
    '/staff/payments/totals',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'Contributions today and this month (Kyiv calendar), for the dashboard',
        response: { 200: ContributionTotals },
      },
    },
    () => {
      const today = kyivDateOf(new Date());
      return contributionTotals(db, today, `${today.slice(0, 8)}01`);
    },
  );

  app.post(
    '/staff/payments',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'Record a payment by hand: a contribution from another source, or a payout for a request',
        description:
          'A contribution extends the membership like one through LiqPay. A payout needs its request, ' +
          'which must have a granted amount; payouts never add up to more (409 with what is left). ' +
          'A full payout is the whole rest, a partial one leaves something.',
        body: Entry,
        response: { 201: PaymentRecord },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const payment = await recordPayment(deps, callerId(request), {
        memberId: body.member_id,
        kind: body.kind,
        ...(body.request_id === undefined ? {} : { requestId: body.request_id }),
        paidOn: body.paid_on,
        amount: body.amount,
        ...(body.iban === undefined ? {} : { iban: body.iban }),
        ...(body.note === undefined ? {} : { note: body.note }),
      });
      return reply.code(201).send(paymentRecord(payment));
    },
  );

  app.post(
    '/staff/payments/:id/reversal',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'Correct a manual entry by a reversing one',
        description:
          'Payments are never edited nor deleted: the reversing entry negates the amount, and its effect ' +
          '(the days a contribution added, a payout against its grant) is undone. 409 when already reversed ' +
          'or when the payment came through LiqPay (refund it instead).',
        params: Type.Object({ id: Id }),
        body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }) }),
        response: { 201: PaymentRecord },
      },
    },
    async (request, reply) => {
      const reversal = await reversePayment(deps, callerId(request), request.params.id, request.body.note);
      return reply.code(201).send(paymentRecord(reversal));
    },
  );

  app.post(
    '/staff/payments/search',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'The payment register, latest first',
        description:
          'Every filter given narrows the list (AND). Days are the Kyiv days the money moved; a checkout ' +
          'never paid has none and is left out by a date filter.',
        body: Filter,
        response: { 200: PaymentPage },
      },
    },
    async (request) => {
      const { body } = request;
      const { rows, total, sum } = await searchRegister(
        db,
        {
          ...(body.kinds ? { kinds: body.kinds } : {}),
          ...(body.states ? { states: body.states } : {}),
          ...(body.paid_from ? { paidFrom: body.paid_from } : {}),
          ...(body.paid_to ? { paidTo: body.paid_to } : {}),
          ...(body.amount_min === undefined ? {} : { amountMin: body.amount_min }),
          ...(body.amount_max === undefined ? {} : { amountMax: body.amount_max }),
          ...(body.member_ids ? { memberIds: body.member_ids } : {}),
          ...(body.request_ids ? { requestIds: body.request_ids } : {}),
          ...(body.flagged === undefined ? {} : { flagged: body.flagged }),
        },
        { offset: body.offset, limit: body.limit },
      );
      return { data: rows.map(paymentRecord), total, sum };
    },
  );
}

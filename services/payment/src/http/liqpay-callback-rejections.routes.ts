import {
  addCalendarDays,
  type FormError,
  formRejectionOf,
  KyivDay,
  kyivDateOf,
  LiqPayCallbackRejectionDay,
  LiqPayCallbackRejectionReport,
} from '@kasa/contracts';
import { type HttpApp, staffMayAct } from '@kasa/http';
import { Type } from 'typebox';
import { countRefusedCallback, fingerprintOf } from '../application/refuse-liqpay-callback.ts';
import { rejectionsBetween } from '../db/callback-rejections.repository.ts';
import type { PaymentDeps } from '../deps.ts';

/** The days the staff list covers when not told: the last 31, today included. */
const DEFAULT_DAYS = 31;

/**
 * An `onError` hook for a route that reads LiqPay's callback form: a form it refuses (too
 * large, or not the form) is counted, as one with a wrong signature is.
 */
export function countRefusedForms(deps: PaymentDeps) {
  return async (request: { body: unknown }, _reply: unknown, error: FormError): Promise<void> => {
    const reason = formRejectionOf(error, request.body);
    if (reason === null) return;
    const data = (request.body as { data?: unknown } | undefined)?.data;
    await countRefusedCallback(deps, {
      reason,
      ...(typeof data === 'string' ? fingerprintOf(data) : { dataLength: null, dataSha256: null }),
    });
  };
}

/** The mobile gateway tells of the callbacks it refused by their form alone, to be counted here. */
export function liqpayRejectionReportRoutes(app: HttpApp, deps: PaymentDeps): void {
  app.post(
    '/liqpay/callbacks/rejections',
    {
      schema: {
        tags: ['liqpay'],
        summary: 'Count a callback the gateway refused (too large, or not the form)',
        description: 'Nothing of the callback is kept: its size and the hash of its `data` at most.',
        body: LiqPayCallbackRejectionReport,
        response: { 200: Type.Object({ status: Type.Literal('counted') }) },
      },
    },
    async (request) => {
      const { reason, data_length, data_sha256 } = request.body;
      await countRefusedCallback(deps, { reason, dataLength: data_length, dataSha256: data_sha256 });
      return { status: 'counted' as const };
    },
  );
}

/** Refused callbacks for staff: that they came, how many and when, without their content. */
export function staffCallbackRejectionRoutes(app: HttpApp, deps: PaymentDeps): void {
  const { db } = deps.context.database;
  app.get(
    '/staff/liqpay/callback-rejections',
    {
      ...staffMayAct,
      schema: {
        tags: ['staff: payments'],
        summary: 'LiqPay callbacks refused and not kept, counted per Kyiv day and reason',
        description:
          '`bad_signature`: not signed with the fund’s key; `oversized`: larger than the callback form ' +
          'allows; `malformed`: not the form (not base64, a field missing). Many of one day from LiqPay ' +
          'itself would mean a wrong key or a changed format: the reconciliation with LiqPay’s status API ' +
          `still credits those checkouts. The days from \`from\` to \`to\` (both included); the last ${DEFAULT_DAYS} ` +
          'when not given. Latest day first.',
        querystring: Type.Object({ from: Type.Optional(KyivDay), to: Type.Optional(KyivDay) }),
        response: { 200: Type.Array(LiqPayCallbackRejectionDay) },
      },
    },
    async (request) => {
      const to = request.query.to ?? kyivDateOf(new Date());
      const from = request.query.from ?? addCalendarDays(to, 1 - DEFAULT_DAYS);
      const rows = await rejectionsBetween(db, from, to);
      return rows.map((row) => ({
        day: row.day,
        reason: row.reason,
        count: row.count,
        first_at: row.firstAt.toISOString(),
        last_at: row.lastAt.toISOString(),
        last_data_length: row.lastDataLength,
        last_data_sha256: row.lastDataSha256,
      }));
    },
  );
}

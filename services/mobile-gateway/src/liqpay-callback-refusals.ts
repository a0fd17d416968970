import { createHash } from 'node:crypto';
import { type FormError, formRejectionOf, type LiqPayCallbackRejectionReport } from '@kasa/contracts';
import type { ServiceClient } from '@kasa/http';
import { type Static, Type } from 'typebox';

const Counted = Type.Object({ status: Type.Literal('counted') });

interface CallbackRequest {
  id: string;
  body: unknown;
  log: { warn(facts: object, message: string): void };
}

/**
 * An `onError` hook for LiqPay's callback: a form refused here (too large, or not the form)
 * never reaches the payment service, so the gateway tells it, to be counted with the callbacks
 * it refuses itself. Only the size and hash of `data` go; the refusal stands whatever the
 * payment service answers.
 */
export function reportRefusedForms(payment: ServiceClient) {
  return async (request: CallbackRequest, _reply: unknown, error: FormError): Promise<void> => {
    const reason = formRejectionOf(error, request.body);
    if (reason === null) return;
    const data = (request.body as { data?: unknown } | undefined)?.data;
    const report: Static<typeof LiqPayCallbackRejectionReport> = {
      reason,
      data_length: typeof data === 'string' ? data.length : null,
      data_sha256: typeof data === 'string' ? createHash('sha256').update(data).digest('hex') : null,
    };
    try {
      await payment.request({
        method: 'POST',
        path: '/liqpay/callbacks/rejections',
        body: report,
        requestId: request.id,
        response: Counted,
      });
    } catch (failure) {
      request.log.warn({ err: failure, reason }, 'A refused LiqPay callback could not be counted');
    }
  };
}

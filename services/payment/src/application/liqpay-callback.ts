import { badRequest } from '@kasa/http';
import { recordCallback } from '../db/payments.repository.ts';
import { hasValidSignature, type LiqPayParams, paramsOf, type Signed } from '../liqpay/liqpay-protocol.ts';
import { payable } from './ask-liqpay.ts';
import type { LiqPayService } from './callback-batches.ts';
import type { CallbackResult } from './liqpay-report.ts';
import { fingerprintOf, type RefusalDeps, refuseLiqPayCallback } from './refuse-liqpay-callback.ts';

/** What a callback needs: the fund's key and group commit (null without keys: 503), the database, the log. */
export interface LiqPayCallbackDeps extends RefusalDeps {
  liqpay: Pick<LiqPayService, 'account' | 'callbacks'> | null;
}

/**
 * A callback from LiqPay. The signature is checked before anything in `data` is read: one not
 * signed with the fund's key is refused and counted, never kept (anyone can send them, as many
 * as they like); every signed one is kept as it came. The order's payment is locked, so
 * repeated and concurrent callbacks take turns and the first that confirms it is the only one
 * that does.
 * A callback that does not match its order (another account, currency or amount) is flagged
 * for staff, never credited. The answer is what became of it and the parameters LiqPay signed.
 */
export async function handleLiqPayCallback(
  deps: LiqPayCallbackDeps,
  callback: Signed,
): Promise<{ result: CallbackResult; params: LiqPayParams }> {
  const liqpay = payable(deps.liqpay);
  if (!hasValidSignature(callback, liqpay.account.privateKey)) {
    await refuseLiqPayCallback(deps, { reason: 'bad_signature', ...fingerprintOf(callback.data) });
    throw badRequest('The callback is not signed with the fund’s key', 'invalid_signature');
  }
  const params = paramsOf(callback.data);
  const orderId = typeof params?.order_id === 'string' ? params.order_id.slice(0, 64) : null;
  const status = typeof params?.status === 'string' ? params.status.slice(0, 32) : null;
  if (!params || orderId === null || status === null) {
    await recordCallback(deps.context.database.db, { ...callback, signatureValid: true, orderId, status });
    throw badRequest('The callback carries no order and status', 'invalid_callback');
  }
  // Kept in the same transaction as its effect (with others that came at the same time). Should
  // the effect fail, the callback is answered 500 and LiqPay sends it again, to be kept then.
  const result = await liqpay.callbacks.apply({ callback, params, orderId, status });
  return { result, params };
}

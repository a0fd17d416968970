import type { ServiceContext } from '@kasa/runtime';
import type { Static } from 'typebox';
import { findPaymentByOrder, type PaymentRow, pendingCheckouts } from '../db/payments.repository.ts';
import { readLiqPayReport } from '../liqpay/liqpay-callback.ts';
import { LiqPayRefusedError, LiqPayUnavailableError } from '../liqpay/liqpay-client.ts';
import type { LiqPaySetup } from '../liqpay/liqpay-setup.ts';
import type { PaymentSettings } from '../settings.ts';
import { movePayment } from './payment-moves.ts';
import { settleCheckout } from './settle-checkout.ts';

/** At most this many checkouts are asked about in one round. */
const ROUND = 100;

type ReconcileSettings = Pick<
  Static<typeof PaymentSettings>,
  'RECONCILE_AFTER_SECONDS' | 'CHECKOUT_EXPIRES_AFTER_HOURS'
>;

/** What a round needs: the fund's LiqPay account (none: nothing to ask), its timings, database and log. */
export interface ReconcileDeps {
  context: Pick<ServiceContext<ReconcileSettings>, 'settings' | 'database' | 'messaging' | 'logger'>;
  liqpay: LiqPaySetup | null;
}

export interface ReconcileRound {
  asked: number;
  /** Payments whose state moved (confirmed, failed, expired…). */
  changed: number;
  /** LiqPay could not be asked: the round stopped, the next one tries again. */
  unavailable: boolean;
}

/**
 * Checkouts pending longer than RECONCILE_AFTER_SECONDS are asked about with LiqPay's `status`
 * API, and the answer is applied as a callback would be (a callback lost on its way changes
 * nothing for the member). An order LiqPay does not know after CHECKOUT_EXPIRES_AFTER_HOURS was
 * never paid: it fails as `expired`. Safe with several instances: each payment is changed
 * under its lock, and an answer applied twice changes nothing the second time.
 */
export async function reconcileCheckouts(deps: ReconcileDeps, now = new Date()): Promise<ReconcileRound> {
  const round: ReconcileRound = { asked: 0, changed: 0, unavailable: false };
  const liqpay = deps.liqpay;
  if (!liqpay) return round;
  const { settings, database, logger } = deps.context;
  const due = await pendingCheckouts(
    database.db,
    new Date(now.getTime() - settings.RECONCILE_AFTER_SECONDS * 1000),
    ROUND,
  );
  const expiresBefore = now.getTime() - settings.CHECKOUT_EXPIRES_AFTER_HOURS * 3_600_000;
  for (const payment of due) {
    round.asked += 1;
    try {
      const orderId = payment.orderId!;
      // The answer is about the order asked for, whatever LiqPay repeats of its id.
      const read = readLiqPayReport({ ...(await liqpay.client.status(orderId)), order_id: orderId }, liqpay);
      if (!read.ok) {
        logger.warn({ paymentId: payment.id, problem: read.problem }, 'LiqPay’s status answer unread');
        continue;
      }
      const result = await deps.context.messaging.unitOfWork.run(async (unit) => {
        const current = await findPaymentByOrder(unit.tx, orderId, true);
        return current ? settleCheckout(unit, current, read.report) : 'unknown_order';
      });
      if (result === 'applied' || result === 'flagged') round.changed += 1;
    } catch (error) {
      if (error instanceof LiqPayUnavailableError) {
        logger.warn({ err: error }, 'LiqPay unavailable: reconciliation resumes next round');
        round.unavailable = true;
        break;
      }
      if (!(error instanceof LiqPayRefusedError && error.code === 'payment_not_found')) throw error;
      if (payment.createdAt.getTime() < expiresBefore && (await expire(deps, payment))) round.changed += 1;
    }
  }
  if (round.asked > 0) logger.info(round, 'pending checkouts reconciled with LiqPay');
  return round;
}

/** A checkout nobody paid: failed as `expired`, unless a callback settled it meanwhile. */
function expire(deps: ReconcileDeps, payment: PaymentRow): Promise<boolean> {
  return deps.context.messaging.unitOfWork.run(async (unit) => {
    const current = await findPaymentByOrder(unit.tx, payment.orderId!, true);
    if (current?.state !== 'pending') return false;
    await movePayment(unit, current, 'failed', { liqpayStatus: 'expired' }, new Date());
    return true;
  });
}

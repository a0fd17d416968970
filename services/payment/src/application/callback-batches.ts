import type { TransactionContext, UnitOfWork } from '@kasa/messaging';
import { lockCheckouts, lockOrder, type Order } from '../db/orders.repository.ts';
import { type PaymentPatch, recordCallback, updatePayments } from '../db/payments.repository.ts';
import type { LiqPayCallback, LiqPayReport } from '../liqpay/liqpay-callback.ts';
import { recordSubscriptionCharge } from './record-subscription-charge.ts';
import { recordSubscriptionEnd } from './record-subscription-end.ts';
import type { ReportResult } from './report-result.ts';
import { checkoutSettlement, settleCheckout } from './settle-checkout.ts';

/** A signed callback, read at the edge, waiting to be kept and applied. */
type Verified = Pick<LiqPayCallback, 'form' | 'report'>;

interface Waiting extends Verified {
  resolve(result: ReportResult): void;
  reject(error: unknown): void;
}

/** Callbacks applied in one transaction at most. */
const MAX_BATCH = 64;
/** Transactions of callbacks at once. */
const MAX_RUNNING = 2;

/**
 * Group commit for LiqPay's callbacks. Under light load each callback is its own transaction,
 * at once; when callbacks arrive while others are being written, those waiting are applied
 * together in the next transaction: one commit, one insert of the callbacks as they came, one
 * lock of their checkouts, one update of their payments and one insert of the events, for up to
 * 64 of them. Each callback is kept and applied exactly as alone, in the order they came. The
 * checkouts are locked in one statement in order of their order ids, before any subscription's
 * (in the same order), so two batches never deadlock on each other. Should a batch fail, its
 * callbacks are applied one by one, so that one bad callback fails alone (a charge already
 * credited to another payment, say, which alone is flagged).
 */
export class CallbackBatches {
  readonly #unitOfWork: UnitOfWork;
  #waiting: Waiting[] = [];
  #running = 0;

  constructor(unitOfWork: UnitOfWork) {
    this.#unitOfWork = unitOfWork;
  }

  /** Keeps the callback and applies its report; the result once committed. */
  apply({ form, report }: Verified): Promise<ReportResult> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ form, report, resolve, reject });
      this.#next();
    });
  }

  #next(): void {
    while (this.#running < MAX_RUNNING && this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, MAX_BATCH);
      this.#running += 1;
      void this.#run(batch).finally(() => {
        this.#running -= 1;
        this.#next();
      });
    }
  }

  async #run(batch: Waiting[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const results = await this.#applyAll(batch);
        for (const [index, item] of batch.entries()) item.resolve(results[index]!);
        return;
      } catch {
        // One of them fails the whole: each alone, below.
      }
    }
    for (const item of batch) {
      try {
        item.resolve((await this.#applyAll([item]))[0]!);
      } catch (error) {
        item.reject(error);
      }
    }
  }

  #applyAll(batch: readonly Verified[]): Promise<ReportResult[]> {
    const orderOf = ({ report }: Verified) => report.orderId;
    const inLockOrder = batch
      .map((item, index) => ({ item, index }))
      .sort((a, b) =>
        orderOf(a.item) < orderOf(b.item) ? -1 : orderOf(a.item) > orderOf(b.item) ? 1 : a.index - b.index,
      );
    return this.#unitOfWork.run(async (unit) => {
      await recordCallback(
        unit.tx,
        batch.map(({ form, report }) => ({
          ...form,
          signatureValid: true,
          orderId: report.orderId,
          status: report.status,
        })),
      );
      const results: ReportResult[] = new Array(batch.length);
      if (batch.length === 1) {
        results[0] = await applyReport(unit, batch[0]!.report);
        return results;
      }
      // Several callbacks: their checkouts locked in one statement, before anything else, and
      // settled in memory, each report from where the one before on its order left it; their
      // payments written in one statement at the end.
      const now = new Date();
      const checkouts = await lockCheckouts(unit.tx, [
        ...new Set(inLockOrder.map(({ item }) => orderOf(item))),
      ]);
      const patches = new Map<number, PaymentPatch>();
      for (const { item, index } of inLockOrder) {
        const payment = checkouts.get(item.report.orderId);
        if (!payment) {
          results[index] = await applyReport(unit, item.report);
          continue;
        }
        const { result, after, patch, event } = checkoutSettlement(payment, item.report, now);
        checkouts.set(item.report.orderId, after);
        if (patch) patches.set(payment.id, { ...patches.get(payment.id), ...patch });
        if (event) await unit.emit(event);
        results[index] = result;
      }
      await updatePayments(
        unit.tx,
        [...patches].map(([id, patch]) => ({ id, patch })),
        now,
      );
      return results;
    });
  }
}

/**
 * A report goes to its order, locked: a checkout's settles its payment; a subscription's
 * records the charge it names, or the subscription's end.
 */
async function applyReport(unit: TransactionContext, report: LiqPayReport): Promise<ReportResult> {
  const order: Order | null = await lockOrder(unit.tx, report.orderId);
  if (!order) return 'unknown_order';
  if (order.kind === 'checkout') return settleCheckout(unit, order.payment, report);
  return report.kind === 'subscription_ended'
    ? recordSubscriptionEnd(unit, order.subscription, report)
    : recordSubscriptionCharge(unit, order.subscription, report);
}

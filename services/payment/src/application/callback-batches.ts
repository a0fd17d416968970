import type { UnitOfWork } from '@kasa/messaging';
import { recordCallback } from '../db/payments.repository.ts';
import type { LiqPayParams, Signed } from '../liqpay/liqpay-protocol.ts';
import type { LiqPaySetup } from '../liqpay/liqpay-setup.ts';
import { applyLiqPayReport, type CallbackResult } from './liqpay-report.ts';

/** A signed callback, read, waiting to be applied. */
export interface VerifiedCallback {
  callback: Signed;
  params: LiqPayParams;
  orderId: string;
  status: string;
}

/** The fund's LiqPay account, and the service's group commit of its callbacks. */
export type LiqPayService = LiqPaySetup & { callbacks: CallbackBatches };

interface Waiting extends VerifiedCallback {
  resolve(result: CallbackResult): void;
  reject(error: unknown): void;
}

/** Callbacks applied in one transaction at most. */
const MAX_BATCH = 64;
/** Transactions of callbacks at once. */
const MAX_RUNNING = 2;

/**
 * Group commit for LiqPay's callbacks. Under light load each callback is its own transaction,
 * at once; when callbacks arrive while others are being written, those waiting are applied
 * together in the next transaction: one commit, one insert of the callbacks as they came and
 * one of the events, for up to 64 of them. Each callback is kept and applied exactly as alone
 * (in the order they came; the orders' rows are locked in order of their ids, so two batches
 * never deadlock on each other). Should a batch fail, its callbacks are applied one by one, so
 * that one bad callback fails (500, and LiqPay sends it again) alone.
 */
export class CallbackBatches {
  readonly #unitOfWork: UnitOfWork;
  readonly #liqpay: LiqPaySetup;
  #waiting: Waiting[] = [];
  #running = 0;

  constructor(unitOfWork: UnitOfWork, liqpay: LiqPaySetup) {
    this.#unitOfWork = unitOfWork;
    this.#liqpay = liqpay;
  }

  /** Applies the callback; its result once committed. */
  apply(callback: VerifiedCallback): Promise<CallbackResult> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ ...callback, resolve, reject });
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

  #applyAll(batch: readonly VerifiedCallback[]): Promise<CallbackResult[]> {
    const inLockOrder = batch
      .map((item, index) => ({ item, index }))
      .sort((a, b) =>
        a.item.orderId < b.item.orderId ? -1 : a.item.orderId > b.item.orderId ? 1 : a.index - b.index,
      );
    return this.#unitOfWork.run(async (unit) => {
      await recordCallback(
        unit.tx,
        batch.map(({ callback, orderId, status }) => ({
          ...callback,
          signatureValid: true,
          orderId,
          status,
        })),
      );
      const results: CallbackResult[] = new Array(batch.length);
      for (const { item, index } of inLockOrder) {
        results[index] = await applyLiqPayReport(unit, this.#liqpay, item.params, item.orderId, item.status);
      }
      return results;
    });
  }
}

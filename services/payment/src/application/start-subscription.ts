import { randomBytes } from 'node:crypto';
import { conflict } from '@kasa/http';
import type { ServiceContext } from '@kasa/runtime';
import {
  findOpenSubscription,
  insertSubscription,
  type SubscriptionRow,
  updateSubscription,
} from '../db/subscriptions.repository.ts';
import type { LiqPaySetup } from '../liqpay/liqpay-setup.ts';
import { payable } from './ask-liqpay.ts';
import { subscribeCheckoutOf } from './liqpay-checkout.ts';

/** What a subscription's start needs: the fund's LiqPay account (null without keys: 503) and the database. */
export interface StartSubscriptionDeps {
  context: Pick<ServiceContext, 'database'>;
  liqpay: LiqPaySetup | null;
}

export interface SubscriptionCheckout {
  subscription: SubscriptionRow;
  data: string;
  signature: string;
}

/**
 * The member's automatic monthly dues of `amount` kopiyky (the program's month price): a
 * pending subscription with an order of its own, and its LiqPay `subscribe` checkout. A member
 * has one pending or active subscription at most:
 * - while one is active, another is refused (409): cancel it first;
 * - a pending one (asked for, not paid yet) of the same amount is returned again, checkout and
 *   all, so an app that retries or a member who comes back later pays one order;
 * - a pending one of another amount (the program or its price changed meanwhile) is replaced:
 *   it fails as `replaced` and a new one is made. Should LiqPay still report money on the
 *   replaced one, the charge is credited and that subscription starts all the same (money
 *   taken is never ignored).
 *
 * Two starts at once take turns: the member's subscriptions are read with a lock under
 * REPEATABLE READ, whose lock on the empty range keeps the other's insert out; the loser of
 * the deadlock that follows is run again and finds the winner's subscription.
 */
export async function startSubscription(
  deps: StartSubscriptionDeps,
  memberId: number,
  amount: number,
): Promise<SubscriptionCheckout> {
  const liqpay = payable(deps.liqpay);
  const { db } = deps.context.database;
  const subscription = await db.transaction(
    async (tx) => {
      const open = await findOpenSubscription(tx, memberId, true);
      if (open?.state === 'active') {
        throw conflict(
          'Automatic monthly dues are on already: cancel them to start new ones',
          'subscription_active',
        );
      }
      if (open?.amount === amount) return open;
      const now = new Date();
      if (open) await updateSubscription(tx, open.id, { state: 'failed', liqpayStatus: 'replaced' }, now);
      const orderId = `kasa-sub-${randomBytes(12).toString('hex')}`;
      return insertSubscription(tx, { memberId, orderId, amount }, now);
    },
    { isolationLevel: 'repeatable read' },
  );
  return { subscription, ...subscribeCheckoutOf(subscription, liqpay) };
}

import { memberActor, SubscriptionEnded } from '@kasa/contracts';
import { notFound } from '@kasa/http';
import { newEvent } from '@kasa/messaging';
import type { ServiceContext } from '@kasa/runtime';
import {
  findOpenSubscription,
  type SubscriptionRow,
  updateSubscription,
} from '../db/subscriptions.repository.ts';
import type { LiqPaySetup } from '../liqpay/liqpay-setup.ts';
import { askLiqPay, payable } from './ask-liqpay.ts';

/** What a cancellation needs: LiqPay's client (null without keys: 503) and the unit of work. */
export interface CancelSubscriptionDeps {
  context: Pick<ServiceContext, 'messaging'>;
  liqpay: Pick<LiqPaySetup, 'client'> | null;
}

/**
 * The member stops the automatic monthly dues: LiqPay's `unsubscribe` is asked while the
 * subscription is locked (its callbacks wait), and once LiqPay takes no more charges the
 * subscription is `cancelled`, with `subscription.ended` when it had started. LiqPay out of
 * reach (503) or refusing (422) changes nothing. LiqPay not knowing the order (a checkout
 * never paid) or having ended it already means no more charges either: cancelled.
 */
export async function cancelSubscription(
  deps: CancelSubscriptionDeps,
  memberId: number,
): Promise<SubscriptionRow> {
  const liqpay = payable(deps.liqpay);
  // Asked once: should the transaction be run again (a lost deadlock), LiqPay is not asked twice.
  let unsubscribed = false;
  return deps.context.messaging.unitOfWork.run(async ({ tx, emit }) => {
    const subscription = await findOpenSubscription(tx, memberId, true);
    if (!subscription) {
      throw notFound('There are no automatic monthly dues to cancel', 'subscription_not_found');
    }
    if (!unsubscribed) await unsubscribeAtLiqPay(liqpay, subscription);
    unsubscribed = true;
    const now = new Date();
    const patch = { state: 'cancelled' as const, liqpayStatus: 'unsubscribed', cancelledAt: now };
    await updateSubscription(tx, subscription.id, patch, now);
    if (subscription.state === 'active') {
      await emit(
        newEvent(
          SubscriptionEnded,
          { subscriptionId: subscription.id, memberId, reason: 'cancelled' },
          { aggregateId: subscription.id, actor: memberActor(memberId) },
        ),
      );
    }
    return { ...subscription, ...patch, updatedAt: now };
  });
}

/**
 * LiqPay's refusals that mean there is nothing left to end: an order it does not know, or one
 * unsubscribed already. (What LiqPay answers for the latter is not documented: an `ok` answer
 * with status `unsubscribed` is taken as done anyway, and so is a refusal that says so.)
 */
const NOTHING_TO_END: ReadonlySet<string> = new Set(['payment_not_found', 'unsubscribed']);

async function unsubscribeAtLiqPay(
  liqpay: Pick<LiqPaySetup, 'client'>,
  subscription: SubscriptionRow,
): Promise<void> {
  await askLiqPay(() => liqpay.client.unsubscribe(subscription.orderId), {
    refused: (code) =>
      `LiqPay refused to stop the automatic dues (${code}): try again later or contact the fund`,
    unavailable: 'LiqPay cannot be reached: the automatic dues are still on, try again later',
    done: NOTHING_TO_END,
  });
}

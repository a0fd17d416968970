import type { Tx } from '@kasa/db';
import type { AnyEvent } from '@kasa/messaging';
import { insertDeliveries } from '../db/webhook-deliveries.repository.ts';
import { type ActiveSubscriber, activeSubscribers } from '../db/webhook-subscribers.repository.ts';
import { subscribesTo } from '../domain/event-selection.ts';

/**
 * The subscribers, read once per consumer transaction: events that arrive together are applied
 * in one, and each would otherwise read the same rows again. Read in the transaction, so an
 * event is offered to exactly the subscribers enabled when it was recorded.
 */
const subscribersOf = new WeakMap<Tx, Promise<ActiveSubscriber[]>>();

/**
 * Records one delivery of `event` for each enabled subscriber of its type, in the consumer's
 * transaction (with its inbox row: an event is recorded once, however often it arrives). The
 * worker sends them; nothing leaves Kasa inside the consumer.
 */
export async function recordDeliveries(tx: Tx, event: AnyEvent, graceMs: number): Promise<void> {
  let subscribers = subscribersOf.get(tx);
  if (!subscribers) {
    subscribers = activeSubscribers(tx);
    subscribersOf.set(tx, subscribers);
  }
  const ids = (await subscribers)
    .filter(({ eventTypes }) => subscribesTo(eventTypes, event.type))
    .map(({ id }) => id);
  if (ids.length === 0) return;
  await insertDeliveries(tx, ids, event, JSON.stringify(event), graceMs);
}

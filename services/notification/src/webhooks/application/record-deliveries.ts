import type { Tx } from '@kasa/db';
import type { AnyEvent } from '@kasa/messaging';
import { insertDeliveries, type NewDelivery } from '../db/webhook-deliveries.repository.ts';
import { activeSubscribers } from '../db/webhook-subscribers.repository.ts';
import { subscribesTo } from '../domain/event-selection.ts';

/**
 * Records one delivery of each event for each enabled subscriber of its type, in the
 * consumer's transaction (with the events' inbox rows: an event is recorded once, however
 * often it arrives), set-wise for events that arrived together. The subscribers are read in
 * the transaction, so an event is offered to exactly those enabled when it was recorded. The
 * worker sends them; nothing leaves Kasa inside the consumer.
 */
export async function recordDeliveries(tx: Tx, events: readonly AnyEvent[], graceMs: number): Promise<void> {
  const subscribers = await activeSubscribers(tx);
  const deliveries: NewDelivery[] = [];
  for (const event of events) {
    const payload = JSON.stringify(event);
    for (const { id, eventTypes } of subscribers)
      if (subscribesTo(eventTypes, event.type)) deliveries.push({ subscriberId: id, event, payload });
  }
  await insertDeliveries(tx, deliveries, graceMs);
}

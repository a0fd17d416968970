import { eventsOf, type Subscription } from '@kasa/contracts';
import type { ChannelModel } from 'amqplib';
import type { TopologyNames } from './names.ts';

export interface TopologyOptions {
  names: TopologyNames;
  subscriptions: readonly Subscription[];
  /** One wait queue per delay: per-queue TTL, so a long delay never holds up a short one. */
  retryDelaysMs: readonly number[];
  /** Broker-side safety net for messages that crash their consumer before it can count. */
  deliveryLimit: number;
}

/**
 * Declares the exchange, each subscription's quorum queue with its dead-letter queue, and the
 * retry wait queues, which dead-letter back through the default exchange to the queue the
 * message came from (its routing key is that queue's name).
 */
export async function assertTopology(model: ChannelModel, options: TopologyOptions): Promise<void> {
  const { names, subscriptions, retryDelaysMs, deliveryLimit } = options;
  const channel = await model.createChannel();
  try {
    await channel.assertExchange(names.exchange, 'topic', { durable: true });
    for (const delayMs of retryDelaysMs) {
      const exchange = names.retryExchange(delayMs);
      const queue = names.retryQueue(delayMs);
      await channel.assertExchange(exchange, 'fanout', { durable: true });
      await channel.assertQueue(queue, {
        durable: true,
        arguments: { 'x-message-ttl': delayMs, 'x-dead-letter-exchange': '' },
      });
      await channel.bindQueue(queue, exchange, '');
    }
    for (const subscription of subscriptions) {
      const queue = names.queue(subscription);
      const deadLetterQueue = names.deadLetterQueue(queue);
      await channel.assertQueue(deadLetterQueue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
      await channel.assertQueue(queue, {
        durable: true,
        arguments: {
          'x-queue-type': 'quorum',
          'x-delivery-limit': deliveryLimit,
          'x-dead-letter-exchange': '',
          'x-dead-letter-routing-key': deadLetterQueue,
        },
      });
      for (const event of eventsOf(subscription)) await channel.bindQueue(queue, names.exchange, event);
    }
  } finally {
    await channel.close().catch(() => {});
  }
}

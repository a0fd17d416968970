import { eventsOf, type Subscription } from '@kasa/contracts';
import type { Channel, ChannelModel, Options } from 'amqplib';
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
 * Declares the exchange, each subscription's quorum queue with its dead-letter queue (a
 * stream's queue has a single active consumer, so its order holds across instances), and the
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
      await declareQueue(channel, queue, {
        durable: true,
        arguments: { 'x-message-ttl': delayMs, 'x-dead-letter-exchange': '' },
      });
      await channel.bindQueue(queue, exchange, '');
    }
    for (const subscription of subscriptions) {
      const queue = names.queue(subscription);
      const deadLetterQueue = names.deadLetterQueue(queue);
      await channel.assertQueue(deadLetterQueue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
      await declareQueue(channel, queue, {
        durable: true,
        arguments: {
          'x-queue-type': 'quorum',
          'x-delivery-limit': deliveryLimit,
          'x-dead-letter-exchange': '',
          'x-dead-letter-routing-key': deadLetterQueue,
          // A stream keeps its order across instances: one consumes, the others stand by.
          ...('stream' in subscription && { 'x-single-active-consumer': true }),
        },
      });
      for (const event of eventsOf(subscription)) await channel.bindQueue(queue, names.exchange, event);
    }
  } finally {
    await channel.close().catch(() => {});
  }
}

/**
 * A queue left by an earlier version with other arguments cannot be redeclared: the broker
 * refuses, and says only which argument differs. This says what to do about it.
 */
async function declareQueue(channel: Channel, queue: string, options: Options.AssertQueue): Promise<void> {
  try {
    await channel.assertQueue(queue, options);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 406) throw error;
    throw new Error(
      `Queue ${queue} exists with arguments other than this version declares (${(error as Error).message}). ` +
        `Once it is empty (rabbitmqctl list_queues name messages), stop its consumers, delete it ` +
        `(rabbitmqctl delete_queue ${queue}) and start again: it is declared anew.`,
    );
  }
}

import type { Logger } from '@kasa/log';
import type { ConfirmChannel, Options } from 'amqplib';
import type { Broker } from './broker.ts';

export interface OutgoingMessage {
  exchange: string;
  routingKey: string;
  content: Buffer;
  options: Options.Publish;
}

/** The broker message that carries an event: routed by its type, identified by its id. */
export function eventMessage(
  exchange: string,
  event: { id: string; type: string },
  payload: string = JSON.stringify(event),
): OutgoingMessage {
  return {
    exchange,
    routingKey: event.type,
    content: Buffer.from(payload),
    options: { messageId: event.id, type: event.type, contentType: 'application/json' },
  };
}

export class BrokerUnavailableError extends Error {
  constructor() {
    super('The message broker is not connected');
    this.name = 'BrokerUnavailableError';
  }
}

/** Publishes on a confirm channel: `publish` resolves only when the broker has taken every message. */
export class Publisher {
  #channel: ConfirmChannel | null = null;

  constructor(broker: Broker, logger: Logger) {
    broker.use(async (model) => {
      const channel = await model.createConfirmChannel();
      channel.on('error', (error: Error) => logger.warn({ reason: error.message }, 'publish channel error'));
      channel.on('close', () => {
        if (this.#channel === channel) this.#channel = null;
      });
      this.#channel = channel;
    });
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    const channel = this.#channel;
    if (!channel) throw new BrokerUnavailableError();
    for (const { exchange, routingKey, content, options } of messages) {
      const accepted = channel.publish(exchange, routingKey, content, { persistent: true, ...options });
      if (!accepted) await drained(channel);
    }
    await channel.waitForConfirms();
  }
}

/** Waits for a full write buffer to empty, or fails if the channel closes first. */
function drained(channel: ConfirmChannel): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      channel.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      channel.off('drain', onDrain);
      reject(new BrokerUnavailableError());
    };
    channel.once('drain', onDrain);
    channel.once('close', onClose);
  });
}

import type { EventDefinition, EventOf, ServiceName } from '@kasa/contracts';
import type { Database, Tx } from '@kasa/db';
import type { Logger } from '@kasa/log';
import type { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { Broker } from './broker.ts';
import { PermanentError } from './errors.ts';
import type { AnyEvent } from './events.ts';
import { claimEvent } from './inbox.ts';
import type { TopologyNames } from './names.ts';
import { enqueue } from './outbox.ts';

export interface HandlerContext {
  tx: Tx;
  /** Records follow-up events in the same transaction as the handler's effect. */
  emit(...events: AnyEvent[]): Promise<void>;
  logger: Logger;
  /** 1 on first delivery, growing with each retry. */
  attempt: number;
}

export type Handler<D extends EventDefinition> = (
  event: EventOf<D>,
  context: HandlerContext,
) => Promise<void>;

export interface ConsumersOptions {
  service: ServiceName;
  broker: Broker;
  database: Database;
  names: TopologyNames;
  logger: Logger;
  /** Unacknowledged messages per queue, which is also how many run at once. */
  prefetch: number;
  /** Attempts before a message is dead-lettered. */
  maxAttempts: number;
  /** Delay before retry n is retryDelaysMs[n-1] (the last one repeats). */
  retryDelaysMs: readonly number[];
  /** Told when handlers emitted events, so the outbox relay sends them at once. */
  onEmitted: () => void;
}

interface Registration {
  queue: string;
  definition: EventDefinition;
  handler: Handler<EventDefinition>;
}

const ATTEMPT_HEADER = 'x-kasa-attempt';

/**
 * Runs a service's event handlers: one channel per queue, each message applied in one
 * database transaction together with its inbox row, then acknowledged. Failures are retried
 * through the delay queues and finally dead-lettered with the error on the message.
 */
export class Consumers {
  readonly #options: ConsumersOptions;
  readonly #registrations: Registration[] = [];
  readonly #active = new Map<ConfirmChannel, string>();
  readonly #inFlight = new Set<Promise<void>>();
  #stopping = false;

  constructor(options: ConsumersOptions) {
    this.#options = options;
    options.broker.use((model) => this.#subscribeAll(model));
  }

  handle<D extends EventDefinition>(definition: D, handler: Handler<D>): void {
    const queue = this.#options.names.queue({
      consumer: this.#options.service,
      event: definition.type as never,
    });
    this.#registrations.push({ queue, definition, handler: handler as unknown as Handler<EventDefinition> });
  }

  /** The queues this service consumes (the topology must declare them). */
  get queues(): string[] {
    return this.#registrations.map((registration) => registration.queue);
  }

  async #subscribeAll(model: ChannelModel): Promise<void> {
    if (this.#stopping) return;
    for (const registration of this.#registrations) {
      const channel = await model.createConfirmChannel();
      channel.on('error', (error: Error) =>
        this.#options.logger.warn(
          { queue: registration.queue, reason: error.message },
          'consumer channel error',
        ),
      );
      channel.on('close', () => this.#active.delete(channel));
      await channel.prefetch(this.#options.prefetch);
      const { consumerTag } = await channel.consume(registration.queue, (message) => {
        if (!message) return;
        const work = this.#process(channel, registration, message).finally(() => this.#inFlight.delete(work));
        this.#inFlight.add(work);
      });
      this.#active.set(channel, consumerTag);
    }
  }

  /** Stops taking messages and waits for the ones in hand to finish. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.all([...this.#active].map(([channel, tag]) => channel.cancel(tag).catch(() => {})));
    await Promise.allSettled([...this.#inFlight]);
    await Promise.all([...this.#active.keys()].map((channel) => channel.close().catch(() => {})));
  }

  async #process(
    channel: ConfirmChannel,
    registration: Registration,
    message: ConsumeMessage,
  ): Promise<void> {
    const { logger } = this.#options;
    const attempt = Number(message.properties.headers?.[ATTEMPT_HEADER] ?? 1);
    let event: AnyEvent;
    try {
      event = this.#parse(registration.definition, message);
    } catch (error) {
      await this.#settle(channel, registration, message, error as Error, attempt, true);
      return;
    }
    const log = logger.child({ queue: registration.queue, eventId: event.id, attempt });
    let emitted: boolean;
    try {
      emitted = await this.#apply(registration, event, log, attempt);
    } catch (error) {
      const permanent = error instanceof PermanentError;
      log.warn({ err: error, permanent }, 'event handler failed');
      await this.#settle(channel, registration, message, error as Error, attempt, permanent);
      return;
    }
    if (emitted) this.#options.onEmitted();
    try {
      channel.ack(message);
    } catch {
      // The channel closed after the commit: the broker redelivers and the inbox skips it.
    }
  }

  #parse(definition: EventDefinition, message: ConsumeMessage): AnyEvent {
    let body: unknown;
    try {
      body = JSON.parse(message.content.toString('utf8'));
    } catch {
      throw new PermanentError('Message body is not JSON');
    }
    if (!definition.check(body)) {
      throw new PermanentError(
        `Event breaks the ${definition.type} contract: ${definition.errors(body).join('; ')}`,
      );
    }
    return body as AnyEvent;
  }

  async #apply(
    registration: Registration,
    event: AnyEvent,
    logger: Logger,
    attempt: number,
  ): Promise<boolean> {
    let emitted = false;
    await this.#options.database.db.transaction(async (tx) => {
      if (!(await claimEvent(tx, registration.queue, event.id))) {
        logger.debug('duplicate event skipped');
        return;
      }
      await registration.handler(event as never, {
        tx,
        logger,
        attempt,
        emit: async (...events) => {
          emitted ||= events.length > 0;
          await enqueue(tx, events);
        },
      });
    });
    return emitted;
  }

  /** Schedules a retry or dead-letters; acknowledges the original only once the copy is confirmed. */
  async #settle(
    channel: ConfirmChannel,
    registration: Registration,
    message: ConsumeMessage,
    error: Error,
    attempt: number,
    permanent: boolean,
  ): Promise<void> {
    const { names, retryDelaysMs, maxAttempts, logger } = this.#options;
    const { 'x-death': _death, 'x-delivery-count': _count, ...headers } = message.properties.headers ?? {};
    const properties = { ...message.properties, headers };
    try {
      if (!permanent && attempt < maxAttempts) {
        const delayMs = retryDelaysMs[Math.min(attempt - 1, retryDelaysMs.length - 1)]!;
        headers[ATTEMPT_HEADER] = attempt + 1;
        headers['x-kasa-last-error'] = truncate(error.message);
        channel.publish(names.retryExchange(delayMs), registration.queue, message.content, properties);
      } else {
        Object.assign(headers, {
          'x-kasa-error': truncate(error.message),
          'x-kasa-error-name': error.name,
          'x-kasa-attempts': attempt,
          'x-kasa-failed-at': new Date().toISOString(),
          'x-kasa-queue': registration.queue,
        });
        channel.sendToQueue(names.deadLetterQueue(registration.queue), message.content, properties);
        logger.error(
          { queue: registration.queue, attempts: attempt, reason: error.message },
          'event dead-lettered',
        );
      }
      await channel.waitForConfirms();
      channel.ack(message);
    } catch (settleError) {
      // The channel is gone; the broker redelivers the message and the inbox keeps it single.
      logger.warn({ reason: (settleError as Error).message }, 'could not settle a failed message');
    }
  }
}

function truncate(text: string, max = 1_000): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

import {
  EVENTS,
  type EventDefinition,
  type EventOf,
  type EventType,
  eventsOf,
  type ServiceName,
  type StreamSubscription,
  type Subscription,
} from '@kasa/contracts';
import type { Database, Tx } from '@kasa/db';
import type { Logger } from '@kasa/log';
import type { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { Broker } from './broker.ts';
import { isUnavailable, PermanentError } from './errors.ts';
import type { AnyEvent } from './events.ts';
import { claimAllEvents, claimEvent } from './inbox.ts';
import type { TopologyNames } from './names.ts';
import { PendingEvents } from './outbox.ts';

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

/** Handles any event of a stream; each was checked against its own type's contract. */
export type StreamHandler = (event: AnyEvent, context: HandlerContext) => Promise<void>;

/** What a batch handler gets beside its events: one transaction and one outbox for all. */
export type BatchContext = Omit<HandlerContext, 'attempt'>;

/**
 * Handles events of a stream that arrived together, in their order, all in one transaction;
 * given one event at a time when a batch failed and is applied one by one.
 */
export type StreamBatchHandler = (events: readonly AnyEvent[], context: BatchContext) => Promise<void>;

export interface ConsumersOptions {
  service: ServiceName;
  broker: Broker;
  database: Database;
  names: TopologyNames;
  /** The queues this process declares; a stream is handled only if it is one of them. */
  subscriptions: readonly Subscription[];
  logger: Logger;
  /** Unacknowledged messages per queue. */
  prefetch: number;
  /** Messages that arrived together are applied in one transaction, up to this many. */
  batchSize: number;
  /** Transactions in flight at once per queue. */
  concurrency: number;
  /** Attempts before a message is dead-lettered. */
  maxAttempts: number;
  /** Delay before retry n is retryDelaysMs[n-1] (the last one repeats). */
  retryDelaysMs: readonly number[];
  /** Told when handlers emitted events, so the outbox relay sends them at once. */
  onEmitted: () => void;
}

interface Registration {
  queue: string;
  /** The message's event, checked against its contract, or a PermanentError. */
  read: (body: unknown) => AnyEvent;
  /** Applies new deliveries in the caller's transaction. */
  apply: (deliveries: readonly Delivery[], tx: Tx, pending: PendingEvents) => Promise<void>;
  /** A stream's events are applied one batch at a time, in the order they arrived. */
  ordered: boolean;
}

/** A queue's deliveries waiting for a worker, and how many of its workers are busy. */
interface Lane {
  registration: Registration;
  channel: ConfirmChannel;
  waiting: ConsumeMessage[];
  busy: number;
  /** A dispatch is due once the messages of the current read are all in `waiting`. */
  dispatchDue: boolean;
}

interface Delivery {
  message: ConsumeMessage;
  event: AnyEvent;
  attempt: number;
}

const ATTEMPT_HEADER = 'x-kasa-attempt';

/**
 * Runs a service's event handlers: one channel per queue; each message is applied in a
 * database transaction together with its inbox row, then acknowledged. Messages that arrive
 * together share one transaction; if that fails they are applied one by one, so one bad
 * message never holds up the others. Failures are retried through the delay queues and
 * finally dead-lettered with the error on the message.
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
    const queue = this.#queueOf(definition);
    this.#registrations.push({
      queue,
      read: (body) => checked(definition, body),
      apply: this.#eachApplied(queue, handler as unknown as StreamHandler),
      ordered: false,
    });
  }

  /**
   * Like `handle`, but the handler takes the events of its type that arrived together at once
   * (in one transaction with their inbox rows), so it can apply them set-wise: one lock of all
   * their rows, one insert, one write of their events. When the batch fails, each event is
   * given to it alone, so one bad event never holds up the others.
   */
  handleInBatches<D extends EventDefinition>(
    definition: D,
    handler: (events: readonly EventOf<D>[], context: BatchContext) => Promise<void>,
  ): void {
    const queue = this.#queueOf(definition);
    this.#registrations.push({
      queue,
      read: (body) => checked(definition, body),
      apply: (deliveries, tx, pending) =>
        handler(
          deliveries.map(({ event }) => event as EventOf<D>),
          this.#context(tx, pending, { queue }),
        ),
      ordered: false,
    });
  }

  /**
   * Handles every event of the service's stream subscription `stream` (one queue, several
   * types, in publishing order). Each is checked against its own type's contract. Batches are
   * applied one after another, so handlers see the events in the order the queue gave them;
   * only a retried event comes after the ones behind it.
   */
  handleStream(stream: string, handler: StreamHandler): void {
    const { queue, read } = this.#stream(stream);
    this.#registrations.push({ queue, read, apply: this.#eachApplied(queue, handler), ordered: true });
  }

  /**
   * Like `handleStream`, but the handler takes the events that arrived together at once, so it
   * can write them set-wise (one statement for the batch instead of one per event).
   */
  handleStreamInBatches(stream: string, handler: StreamBatchHandler): void {
    const { queue, read } = this.#stream(stream);
    const apply: Registration['apply'] = (deliveries, tx, pending) =>
      handler(
        deliveries.map(({ event }) => event),
        this.#context(tx, pending, { queue }),
      );
    this.#registrations.push({ queue, read, apply, ordered: true });
  }

  /** The service's own queue for events of this type. */
  #queueOf(definition: EventDefinition): string {
    return this.#options.names.queue({ consumer: this.#options.service, event: definition.type as never });
  }

  /** The service's subscription to `stream`: its queue, and a reader of the types bound to it. */
  #stream(stream: string): Pick<Registration, 'queue' | 'read'> {
    const subscription = this.#options.subscriptions.find(
      (candidate): candidate is StreamSubscription =>
        'stream' in candidate && candidate.consumer === this.#options.service && candidate.stream === stream,
    );
    if (!subscription)
      throw new Error(`${this.#options.service} has no subscription to the ${stream} stream`);
    const bound = new Set<string>(eventsOf(subscription));
    return {
      queue: this.#options.names.queue(subscription),
      read: (body) => {
        const type = (body as { type?: unknown } | null)?.type;
        if (typeof type !== 'string' || !bound.has(type))
          throw new PermanentError(`Not an event of the ${stream} stream: ${String(type).slice(0, 100)}`);
        return checked(EVENTS[type as EventType], body);
      },
    };
  }

  #eachApplied(queue: string, handler: StreamHandler): Registration['apply'] {
    return async (deliveries, tx, pending) => {
      for (const { event, attempt } of deliveries) {
        const context = this.#context(tx, pending, { queue, eventId: event.id, attempt });
        await handler(event, Object.assign(context, { attempt }));
      }
    };
  }

  /** Stops taking messages and waits for the ones in hand; unstarted ones return to the queue. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.all([...this.#active].map(([channel, tag]) => channel.cancel(tag).catch(() => {})));
    await Promise.allSettled([...this.#inFlight]);
    await Promise.all([...this.#active.keys()].map((channel) => channel.close().catch(() => {})));
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
      const lane: Lane = { registration, channel, waiting: [], busy: 0, dispatchDue: false };
      const { consumerTag } = await channel.consume(registration.queue, (message) => {
        if (!message) return;
        lane.waiting.push(message);
        this.#dispatchAfterRead(lane);
      });
      this.#active.set(channel, consumerTag);
    }
  }

  /**
   * The broker hands over the messages of one read one by one, synchronously: dispatching at
   * the first would give each a worker and a transaction of its own. Dispatching once the read
   * is done (setImmediate runs after the I/O callbacks) gives the messages that came together
   * (a relay's batch) one transaction.
   */
  #dispatchAfterRead(lane: Lane): void {
    if (lane.dispatchDue) return;
    lane.dispatchDue = true;
    setImmediate(() => {
      lane.dispatchDue = false;
      this.#dispatch(lane);
    });
  }

  /** Starts workers while messages wait and slots are free; under light load batches are of one. */
  #dispatch(lane: Lane): void {
    const slots = lane.registration.ordered ? 1 : this.#options.concurrency;
    while (!this.#stopping && lane.busy < slots && lane.waiting.length > 0) {
      const batch = lane.waiting.splice(0, this.#options.batchSize);
      lane.busy += 1;
      const work = this.#processBatch(lane, batch).finally(() => {
        lane.busy -= 1;
        this.#inFlight.delete(work);
        this.#dispatch(lane);
      });
      this.#inFlight.add(work);
    }
  }

  async #processBatch(lane: Lane, messages: ConsumeMessage[]): Promise<void> {
    const batch: Delivery[] = [];
    const copies: Delivery[] = [];
    const ids = new Set<string>();
    for (const message of messages) {
      const attempt = Number(message.properties.headers?.[ATTEMPT_HEADER] ?? 1);
      try {
        const event = parse(lane.registration, message);
        // A second copy of an event in this batch goes after it, and meets the inbox.
        (ids.has(event.id) ? copies : batch).push({ message, event, attempt });
        ids.add(event.id);
      } catch (error) {
        await this.#settle(lane, message, error as Error, attempt, true);
      }
    }
    const together = batch.length > 1 && (await this.#applyTogether(lane, batch));
    for (const delivery of together ? copies : [...batch, ...copies]) await this.#processOne(lane, delivery);
  }

  /** One transaction for the whole batch; false, with nothing applied, if any part fails. */
  async #applyTogether(lane: Lane, batch: Delivery[]): Promise<boolean> {
    const { registration, channel } = lane;
    let emitted = false;
    try {
      await this.#options.database.db.transaction(async (tx) => {
        const ids = batch.map(({ event }) => event.id);
        if (!(await claimAllEvents(tx, registration.queue, ids))) throw new AppliedBefore();
        const pending = new PendingEvents();
        await registration.apply(batch, tx, pending);
        emitted = await pending.writeTo(tx);
      });
    } catch (error) {
      this.#options.logger.debug(
        { queue: registration.queue, err: error },
        'batch failed; applying one by one',
      );
      return false;
    }
    if (emitted) this.#options.onEmitted();
    for (const { message } of batch) acknowledge(channel, message);
    return true;
  }

  async #processOne(lane: Lane, delivery: Delivery): Promise<void> {
    const { registration, channel } = lane;
    const { message, event, attempt } = delivery;
    let emitted = false;
    try {
      await this.#whileUnavailable(registration.queue, () =>
        this.#options.database.db.transaction(async (tx) => {
          if (!(await claimEvent(tx, registration.queue, event.id))) return;
          const pending = new PendingEvents();
          await registration.apply([delivery], tx, pending);
          emitted = await pending.writeTo(tx);
        }),
      );
    } catch (error) {
      if (this.#stopping && isUnavailable(error)) return; // unacknowledged: redelivered later
      const permanent = error instanceof PermanentError;
      this.#options.logger.warn(
        { err: error, permanent, queue: registration.queue, eventId: event.id, attempt },
        'event handler failed',
      );
      await this.#settle(lane, message, error as Error, attempt, permanent);
      return;
    }
    if (emitted) this.#options.onEmitted();
    acknowledge(channel, message);
  }

  /**
   * Runs `work` again, with backoff, for as long as the database is unreachable: the message
   * waits unacknowledged instead of spending its attempts on an outage.
   */
  async #whileUnavailable<T>(queue: string, work: () => Promise<T>): Promise<T> {
    for (let waits = 0; ; waits += 1) {
      try {
        return await work();
      } catch (error) {
        if (!isUnavailable(error) || this.#stopping) throw error;
        const delayMs = Math.min(250 * 2 ** waits, 5_000);
        if (waits === 0 || waits % 10 === 0) {
          this.#options.logger.warn({ queue, err: error, retryInMs: delayMs }, 'database unavailable');
        }
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }

  /** A handler's transaction, its outbox and a logger with `bindings`. */
  #context(tx: Tx, pending: PendingEvents, bindings: Record<string, unknown>): BatchContext {
    const parent = this.#options.logger;
    let logger: Logger | undefined;
    return {
      tx,
      // Built on first use: most handlers never log, and a child logger costs on every event.
      get logger() {
        logger ??= parent.child(bindings);
        return logger;
      },
      emit: async (...events) => pending.add(events),
    };
  }

  /** Schedules a retry or dead-letters; acknowledges the original only once the copy is confirmed. */
  async #settle(lane: Lane, message: ConsumeMessage, error: Error, attempt: number, permanent: boolean) {
    const { names, retryDelaysMs, maxAttempts, logger } = this.#options;
    const { channel, registration } = lane;
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

function parse(registration: Registration, message: ConsumeMessage): AnyEvent {
  let body: unknown;
  try {
    body = JSON.parse(message.content.toString('utf8'));
  } catch {
    throw new PermanentError('Message body is not JSON');
  }
  return registration.read(body);
}

function checked(definition: EventDefinition, body: unknown): AnyEvent {
  if (!definition.check(body)) {
    throw new PermanentError(
      `Event breaks the ${definition.type} contract: ${definition.errors(body).join('; ')}`,
    );
  }
  return body as AnyEvent;
}

/** After a commit, a closed channel is harmless: the broker redelivers and the inbox skips it. */
function acknowledge(channel: ConfirmChannel, message: ConsumeMessage): void {
  try {
    channel.ack(message);
  } catch {
    // Redelivered later; the inbox row makes it a no-op.
  }
}

function truncate(text: string, max = 1_000): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A batch in which some event was applied before: rolled back, and gone through one by one. */
class AppliedBefore extends Error {
  constructor() {
    super('an event of the batch was applied before');
  }
}

import { type ServiceName, SUBSCRIPTIONS, type Subscription } from '@kasa/contracts';
import type { Database } from '@kasa/db';
import type { Logger } from '@kasa/log';
import { Broker } from './broker.ts';
import { Consumers } from './consumer.ts';
import { topologyNames } from './names.ts';
import { UnitOfWork } from './outbox.ts';
import { OutboxRelay } from './outbox-relay.ts';
import { Publisher } from './publisher.ts';
import { assertTopology } from './topology.ts';

export interface MessagingOptions {
  service: ServiceName;
  url: string;
  database: Database;
  logger: Logger;
  /** The whole bus's wiring; defaults to the contracts' SUBSCRIPTIONS. */
  subscriptions?: readonly Subscription[];
  /** Prefix for every name on the broker (tests). */
  namespace?: string;
  prefetch?: number;
  batchSize?: number;
  concurrency?: number;
  maxAttempts?: number;
  retryDelaysMs?: readonly number[];
  deliveryLimit?: number;
  relay?: { batchSize?: number; idlePollMs?: number; lingerMs?: number; retentionMs?: number };
}

export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000, 600_000] as const;

/** Everything a service needs on the bus, wired once: broker, topology, outbox relay, consumers. */
export class Messaging {
  readonly broker: Broker;
  readonly publisher: Publisher;
  readonly relay: OutboxRelay;
  readonly consumers: Consumers;
  readonly unitOfWork: UnitOfWork;

  constructor(options: MessagingOptions) {
    const { service, database, logger } = options;
    const names = topologyNames(options.namespace);
    const subscriptions = options.subscriptions ?? SUBSCRIPTIONS;
    const retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.broker = new Broker({ url: options.url, clientName: service, logger });
    this.broker.use((model) =>
      assertTopology(model, {
        names,
        subscriptions,
        retryDelaysMs,
        deliveryLimit: options.deliveryLimit ?? 20,
      }),
    );
    this.publisher = new Publisher(this.broker, logger);
    this.relay = new OutboxRelay({
      database,
      publisher: this.publisher,
      exchange: names.exchange,
      logger,
      ...options.relay,
    });
    const wake = () => this.relay.wake();
    this.unitOfWork = new UnitOfWork(database, wake);
    this.consumers = new Consumers({
      service,
      broker: this.broker,
      database,
      names,
      subscriptions,
      logger,
      prefetch: options.prefetch ?? 200,
      batchSize: options.batchSize ?? 50,
      concurrency: options.concurrency ?? 4,
      maxAttempts: options.maxAttempts ?? 6,
      retryDelaysMs,
      onEmitted: wake,
    });
  }

  get ready(): boolean {
    return this.broker.connected;
  }

  /** Connects (waiting up to `waitMs` for the broker) and starts relaying; consumers start on connect. */
  async start(waitMs?: number): Promise<void> {
    await this.broker.start(waitMs);
    this.relay.start();
  }

  /** Stops in the order that loses nothing: consumers finish, the relay stops, the connection closes. */
  async stop(): Promise<void> {
    await this.consumers.stop();
    await this.relay.stop();
    await this.broker.close();
  }
}

import type { Logger } from '@kasa/log';
import amqplib, { type ChannelModel, type RecoveringChannelModel } from 'amqplib';

export type SetupStep = (model: ChannelModel) => Promise<void>;

export interface BrokerOptions {
  url: string;
  /** Shown in the broker's connection list. */
  clientName: string;
  logger: Logger;
}

/**
 * One recovering connection per process. Everything that lives on the broker (topology,
 * channels, consumers) registers a setup step; the steps run in order after every
 * (re)connect, so a broker restart rebuilds the whole picture.
 */
export class Broker {
  readonly #options: BrokerOptions;
  readonly #steps: SetupStep[] = [];
  #connection: RecoveringChannelModel | null = null;
  #connected = false;

  constructor(options: BrokerOptions) {
    this.#options = options;
  }

  get connected(): boolean {
    return this.#connected;
  }

  use(step: SetupStep): void {
    if (this.#connection) throw new Error('Register broker setup steps before start()');
    this.#steps.push(step);
  }

  /** Connects in the background; resolves once connected or after `waitMs`, whichever is first. */
  async start(waitMs = 10_000): Promise<void> {
    const { url, clientName, logger } = this.#options;
    const connection = await amqplib.connect(url, {
      // Small frames (a publish, its confirm, an ack) go out at once: with Nagle's algorithm
      // each waited for the broker's delayed ACK, some 40 ms an event on every hop.
      noDelay: true,
      clientProperties: { connection_name: clientName },
      recovery: {
        initialDelay: 200,
        maxDelay: 5_000,
        maxRetries: Number.POSITIVE_INFINITY,
        waitForConnect: false,
        setup: async (model: ChannelModel) => {
          model.on('error', (error: Error) => logger.warn({ err: error }, 'broker connection error'));
          for (const step of this.#steps) await step(model);
        },
      },
    });
    this.#connection = connection;
    connection.on('connect', () => {
      this.#connected = true;
      logger.info('broker connected');
    });
    connection.on('disconnect', (error: Error) => {
      this.#connected = false;
      logger.warn({ reason: error.message }, 'broker disconnected; reconnecting');
    });
    connection.on('connect-failed', (error: Error) =>
      logger.warn({ reason: error.message }, 'broker unavailable'),
    );
    connection.on('error', (error: Error) => logger.warn({ reason: error.message }, 'broker error'));
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, waitMs).unref());
    await Promise.race([connection.waitForConnect().then(() => undefined), timeout]);
  }

  async close(): Promise<void> {
    const connection = this.#connection;
    this.#connected = false;
    if (connection) await connection.close().catch(() => {});
  }
}

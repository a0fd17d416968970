import { topologyNames } from '@kasa/messaging';
import amqplib from 'amqplib';

/** When each event of the watched types reached the benchmark, by the payment it names. */
export interface BusTap {
  /** performance.now() of every arrival, by payment id: two entries are an event published twice. */
  arrivals(type: string): ReadonlyMap<number, readonly number[]>;
  /** Payments with at least one event of this type. */
  distinct(type: string): number;
  close(): Promise<void>;
}

/**
 * Listens to the events exchange with a queue of the benchmark's own (exclusive, not durable,
 * gone with its connection), bound to `types`: an event arrives here only once the service
 * that wrote it has committed it and its relay has published it, so its arrival is the
 * moment it is "committed" as far as anyone else can tell.
 */
export async function tapEvents(
  amqpUrl: string,
  namespace: string,
  types: readonly string[],
): Promise<BusTap> {
  const connection = await amqplib.connect(amqpUrl, { noDelay: true });
  const channel = await connection.createChannel();
  const { exchange } = topologyNames(namespace);
  // The services declare it too, with the same arguments.
  await channel.assertExchange(exchange, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, durable: false, autoDelete: true });
  const seen = new Map<string, Map<number, number[]>>(types.map((type) => [type, new Map()]));
  for (const type of types) await channel.bindQueue(queue, exchange, type);
  await channel.consume(
    queue,
    (message) => {
      if (!message) return;
      const at = performance.now();
      const event = JSON.parse(message.content.toString('utf8')) as {
        type: string;
        data: { paymentId?: number };
      };
      const byPayment = seen.get(event.type);
      const paymentId = event.data.paymentId;
      if (!byPayment || typeof paymentId !== 'number') return;
      const times = byPayment.get(paymentId);
      if (times) times.push(at);
      else byPayment.set(paymentId, [at]);
    },
    { noAck: true },
  );
  const of = (type: string) => {
    const byPayment = seen.get(type);
    if (!byPayment) throw new Error(`not watching ${type}`);
    return byPayment;
  };
  return {
    arrivals: of,
    distinct: (type) => of(type).size,
    async close() {
      await connection.close().catch(() => {});
    },
  };
}

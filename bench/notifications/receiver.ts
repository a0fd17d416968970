import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The subscriber's end: a receiver on 127.0.0.1 as an external system runs one. It checks each
 * request's X-Data-Hash, counts what arrived per event id and per object (in the order the
 * events happened), and answers 200 at once.
 */
export interface BenchReceiver {
  url: string;
  /** performance.now() of each event's first arrival, by event id. */
  readonly firstAt: Map<string, number>;
  /** Arrivals of an event already received. */
  repeats: number;
  /** Requests whose X-Data-Hash did not match the body and the secret. */
  badHashes: number;
  /** Events that arrived after a later event of their object. */
  outOfOrder: number;
  /** Arrival times, in order (performance.now()). */
  readonly arrivals: number[];
  setSecret(secret: string): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<BenchReceiver> {
  let secret = '';
  /** The latest event time seen per object (the benchmark's events of one object are a millisecond apart). */
  const latest = new Map<string, string>();
  const receiver = {
    url: '',
    firstAt: new Map<string, number>(),
    repeats: 0,
    badHashes: 0,
    outOfOrder: 0,
    arrivals: [] as number[],
    setSecret(value: string) {
      secret = value;
    },
    close: async () => {},
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const now = performance.now();
      const body = Buffer.concat(chunks);
      const hash = createHash('sha512').update(body).update(secret).digest('hex');
      if (hash !== request.headers['x-data-hash']) receiver.badHashes += 1;
      const event = JSON.parse(body.toString('utf8')) as {
        id: string;
        aggregateId: string;
        occurredAt: string;
      };
      if (receiver.firstAt.has(event.id)) receiver.repeats += 1;
      else {
        receiver.firstAt.set(event.id, now);
        receiver.arrivals.push(now);
        const before = latest.get(event.aggregateId);
        if (before !== undefined && before > event.occurredAt) receiver.outOfOrder += 1;
        else latest.set(event.aggregateId, event.occurredAt);
      }
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/kasa`;
  receiver.close = async () => {
    server.closeAllConnections();
    server.close();
  };
  return receiver;
}

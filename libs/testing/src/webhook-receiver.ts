import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text as readText } from 'node:stream/consumers';

/** What the receiver answers one request with. */
export interface ReceiverAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  /** The answer's status. */
  status: number;
  /** Date.now() when it arrived. */
  at: number;
}

export interface WebhookReceiver {
  url: string;
  /** Every request, in arrival order. */
  requests: ReceivedRequest[];
  /** The bodies it accepted (answered 2xx), parsed, in arrival order. */
  accepted(): { id: string; aggregateId: string; occurredAt: string; type: string }[];
  /** How requests are answered from now on (200 `ok` until told otherwise). */
  answer(rule: (request: { id: string; seen: number }) => ReceiverAnswer): void;
  close(): Promise<void>;
}

/**
 * The WEBHOOK_ALLOWED_TARGETS entry that lets a notification service under test reach these
 * receivers: 127.0.0.1 on every port, as each receiver listens on a free one. Webhooks reach
 * no loopback address without it, in any mode.
 */
export const WEBHOOK_RECEIVER_TARGETS = '127.0.0.1';

/**
 * A webhook receiver on 127.0.0.1, as an external system runs one: it records every request and
 * answers by a rule that can look at the message's id and how often it came before.
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const seen = new Map<string, number>();
  let rule: (request: { id: string; seen: number }) => ReceiverAnswer = () => ({ status: 200, body: 'ok' });
  const server = createServer(async (request, response) => {
    const body = await readText(request);
    const id = String(request.headers['webhook-id']);
    const count = seen.get(id) ?? 0;
    seen.set(id, count + 1);
    const answer = rule({ id, seen: count });
    requests.push({
      headers: request.headers,
      body,
      status: answer.status,
      at: Date.now(),
    });
    response.writeHead(answer.status, answer.headers).end(answer.body ?? '');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/kasa`,
    requests,
    accepted: () =>
      requests.filter(({ status }) => status >= 200 && status < 300).map(({ body }) => JSON.parse(body)),
    answer(next) {
      rule = next;
    },
    async close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

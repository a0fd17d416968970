/**
 * The third parties of the whole-system payments benchmark, in a process of their own (see
 * fakes.ts, which starts it): Twilio and Telegram's Bot API as libs/testing fakes them, and a
 * webhook receiver that checks each delivery's X-Data-Hash and the order of each object's
 * events. Apart from the load generator, so their CPU is counted on their own line and their
 * work never delays the benchmark's clock. Talks to its parent over the IPC channel only.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeTelegram, startFakeTwilio } from '@kasa/testing';
import type { FakeCounts, FromFakes, ToFakes } from './fakes.ts';

/** The staff chat: a group's id, as TELEGRAM_CHAT_ID takes it. */
const CHAT_ID = '-1001234567890';

/** Counts what reached the receiver; an event is known by its id, an object by its kind and id. */
async function startReceiver() {
  let secret = '';
  const firstSeen = new Set<string>();
  /** The latest occurredAt delivered per object (`payment:42`, `membership:7`). */
  const latest = new Map<string, string>();
  const counts = { byType: {} as Record<string, number>, repeats: 0, badHashes: 0, outOfOrder: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const hash = createHash('sha512').update(body).update(secret).digest('hex');
      if (hash !== request.headers['x-data-hash']) counts.badHashes += 1;
      const event = JSON.parse(body.toString('utf8')) as {
        id: string;
        type: string;
        aggregateId: string;
        occurredAt: string;
      };
      if (firstSeen.has(event.id)) counts.repeats += 1;
      else {
        firstSeen.add(event.id);
        counts.byType[event.type] = (counts.byType[event.type] ?? 0) + 1;
        const object = `${event.type.split('.')[0]}:${event.aggregateId}`;
        const before = latest.get(object);
        if (before !== undefined && before > event.occurredAt) counts.outOfOrder += 1;
        else latest.set(object, event.occurredAt);
      }
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/kasa`,
    counts,
    setSecret: (value: string) => {
      secret = value;
    },
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** How many items of `list` (from `from` on) repeat a key already seen; remembers the keys. */
function repeatCounter<T>(key: (item: T) => string) {
  const seen = new Set<string>();
  let counted = 0;
  let repeats = 0;
  return (list: readonly T[]) => {
    for (; counted < list.length; counted += 1) {
      const value = key(list[counted]!);
      if (seen.has(value)) repeats += 1;
      else seen.add(value);
    }
    return repeats;
  };
}

const send = (message: FromFakes) => process.send?.(message);

const twilio = await startFakeTwilio();
const telegram = await startFakeTelegram();
const receiver = await startReceiver();
// One event, one text: the same words to the same number twice is a text sent twice.
const textRepeats = repeatCounter<{ to: string; body: string }>(({ to, body }) => `${to}\n${body}`);
// Staff messages name the payment, so the same words twice are a message posted twice.
const staffRepeats = repeatCounter<{ text: string }>(({ text }) => text);

process.on('message', (message: ToFakes) => {
  if (message.kind === 'secret') receiver.setSecret(message.secret);
  else if (message.kind === 'counts') {
    const counts: FakeCounts = {
      texts: twilio.messages.length,
      textsRepeated: textRepeats(twilio.messages),
      textsRefused: twilio.requests.filter((request) => request.status >= 300).length,
      staffMessages: telegram.messages.length,
      staffMessagesRepeated: staffRepeats(telegram.messages),
      webhooks: { ...receiver.counts.byType },
      webhookRepeats: receiver.counts.repeats,
      webhookBadHashes: receiver.counts.badHashes,
      webhookOutOfOrder: receiver.counts.outOfOrder,
    };
    send({ kind: 'counts', id: message.id, counts });
  } else if (message.kind === 'close') {
    receiver.close();
    void Promise.allSettled([twilio.close(), telegram.close()]).then(() => process.exit(0));
  }
});
// The benchmark gone (crashed, killed): nothing is left listening.
process.on('disconnect', () => process.exit(0));

send({
  kind: 'ready',
  env: {
    ...twilio.env,
    TELEGRAM_API_URL: telegram.url,
    TELEGRAM_BOT_TOKEN: telegram.botToken,
    TELEGRAM_CHAT_ID: CHAT_ID,
    // Webhooks reach a loopback address only when allowed; in production, by its port.
    WEBHOOK_ALLOWED_TARGETS: `127.0.0.1:${new URL(receiver.url).port}`,
  },
  receiverUrl: receiver.url,
});

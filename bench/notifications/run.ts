/**
 * Outbound webhooks benchmark: events on the bus to signed deliveries at a local receiver,
 * through BENCH_INSTANCES notification processes (NODE_ENV=production, logging at `info`) on a
 * fresh `bench_notification` schema, with real MariaDB and RabbitMQ. The benchmark publishes
 * events (see `stories`) as the services' relays do; the instances' consumers record one
 * delivery per event for the subscriber (registered through the service's staff route), and
 * their workers claim, sign and POST them. The receiver, in this process, checks every
 * X-Data-Hash and that each payment's events arrive in the order they happened.
 *
 *   A. flat out: BENCH_EVENTS events published at once (BENCH_EVENTS_PER_OBJECT per payment,
 *      interleaved as events of many payments are): deliveries a second at the receiver, over
 *      the middle 80% of the arrivals and from the first to the last.
 *   B. steady: BENCH_RATE events a second for BENCH_SECONDS: the delay from publishing an event
 *      to its arrival (WEBHOOK_ORDER_GRACE_MS of it is the wait that keeps objects in order).
 *
 * Then every event must have arrived once, signed, in order; every delivery row is delivered
 * after one attempt. Bounded in time (about a minute with the defaults); leaves nothing running,
 * drops its schema.
 *
 *   ./kasa bench notifications   (BENCH_EVENTS, BENCH_EVENT_KIND, BENCH_EVENTS_PER_OBJECT,
 *                                 BENCH_RATE, BENCH_SECONDS, BENCH_INSTANCES)
 */
import { cpus } from 'node:os';
import { loadConfig } from '@kasa/config';
import { PaymentConfirmed, PaymentRefunded, RequestAssessed } from '@kasa/contracts';
import { createLogger } from '@kasa/log';
import { type AnyEvent, Broker, eventMessage, newEvent, Publisher, topologyNames } from '@kasa/messaging';
import { createConnection } from 'mysql2/promise';
import { Type } from 'typebox';
import { percentile } from '../members/load.ts';
import { cpuMeter, shareLine } from '../members/machine.ts';
import { createReport, loadLine, loud, ms, out, verdict, whole } from '../support/report.ts';
import { BenchStackVariables } from '../support/settings.ts';
import { type BenchStack, clearLeftovers, startStack } from '../support/stack.ts';
import { tokenSigner } from '../support/tokens.ts';
import { type BenchReceiver, startReceiver } from './receiver.ts';

const config = loadConfig(
  Type.Object({
    ...BenchStackVariables,
    /** Events published at once in the flat-out part. */
    BENCH_EVENTS: Type.Integer({ minimum: 1_000, maximum: 1_000_000, default: 30_000 }),
    /** What the events are (see `stories`). */
    BENCH_EVENT_KIND: Type.Union([Type.Literal('assessments'), Type.Literal('payments')], {
      default: 'assessments',
    }),
    /** Events of each object: their order at the receiver is checked. */
    BENCH_EVENTS_PER_OBJECT: Type.Integer({ minimum: 1, maximum: 100, default: 3 }),
    /** Events a second in the steady part. */
    BENCH_RATE: Type.Integer({ minimum: 1, maximum: 10_000, default: 500 }),
    BENCH_SECONDS: Type.Integer({ minimum: 3, maximum: 120, default: 10 }),
    /** Notification processes sharing the work. */
    BENCH_INSTANCES: Type.Integer({ minimum: 1, maximum: 8, default: 2 }),
  }),
);
const NAMESPACE = 'bench.';
const SCHEMA_PREFIX = 'bench_';
const SCHEMA = `${SCHEMA_PREFIX}notification`;
const TARGET_PER_SECOND = 1_000;
/** A drain that makes no progress for this long has lost something. */
const STALL_MS = 15_000;
const WARM_UP_EVENTS = 2_000;

const report = createReport();
const { rows, problems, conditions } = report;
const MYSQL_PORT = Number(new URL(config.MYSQL_URL).port || 3306);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stories of many objects, interleaved as the bus carries them, each object's events a
 * millisecond apart. `assessments`: a request assessed, then assessed again as staff revise the
 * amount (only webhooks take `request.assessed`); `payments`: a contribution confirmed, then
 * refunds (staff's Telegram chat takes these too, so each also costs a staff message).
 */
function stories(
  kind: 'assessments' | 'payments',
  first: number,
  objects: number,
  perObject: number,
): AnyEvent[] {
  const base = Date.now();
  const events: AnyEvent[] = [];
  for (let step = 0; step < perObject; step += 1) {
    for (let index = 0; index < objects; index += 1) {
      const id = first + index;
      const memberId = 1 + (id % 5_000);
      const meta = { aggregateId: id, actor: { kind: 'staff' as const, id: '1' } };
      const event =
        kind === 'assessments'
          ? newEvent(
              RequestAssessed,
              { requestId: id, memberId, grantedAmount: 150_000 + step, diagnosisSet: true },
              meta,
            )
          : step === 0
            ? newEvent(
                PaymentConfirmed,
                {
                  paymentId: id,
                  memberId,
                  kind: 'contribution',
                  amount: 30_000,
                  currency: 'UAH',
                  source: 'liqpay',
                },
                meta,
              )
            : newEvent(PaymentRefunded, { paymentId: id, memberId, amount: step, currency: 'UAH' }, meta);
      events.push({ ...event, occurredAt: new Date(base + step).toISOString() } as AnyEvent);
    }
  }
  return events;
}

/** Publishes as the relays do (the library's publisher, confirmed); resolves when the broker has them all. */
async function publisher(amqpUrl: string) {
  const logger = createLogger({ service: 'bench-publisher', level: 'warn' });
  const broker = new Broker({ url: amqpUrl, clientName: 'bench-publisher', logger });
  const confirmed = new Publisher(broker, logger);
  await broker.start();
  const exchange = topologyNames(NAMESPACE).exchange;
  return {
    sentAt: new Map<string, number>(),
    async publish(events: readonly AnyEvent[]) {
      const now = performance.now();
      for (const event of events) this.sentAt.set(event.id, now);
      await confirmed.publish(events.map((event) => eventMessage(exchange, event)));
    },
    close: () => broker.close(),
  };
}

/** Waits until `count` events have arrived, or nothing arrived for STALL_MS. */
async function drain(receiver: BenchReceiver, count: number): Promise<boolean> {
  let seen = receiver.firstAt.size;
  let progressAt = performance.now();
  while (receiver.firstAt.size < count) {
    await sleep(100);
    if (receiver.firstAt.size !== seen) {
      seen = receiver.firstAt.size;
      progressAt = performance.now();
    } else if (performance.now() - progressAt > STALL_MS) return false;
  }
  await sleep(1_000); // a repeat would arrive by now
  return true;
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  out(
    `bench notifications: ${whole(config.BENCH_EVENTS)} ${config.BENCH_EVENT_KIND} events flat out, then ${config.BENCH_RATE}/s for ${config.BENCH_SECONDS} s, ${config.BENCH_INSTANCES} notification instances, ${cpus().length} cores`,
  );
  await clearLeftovers({
    mysqlUrl: config.MYSQL_URL,
    amqpUrl: config.AMQP_URL,
    schemas: [SCHEMA],
    namespace: NAMESPACE,
  });
  const receiver = await startReceiver();
  const bus = await publisher(config.AMQP_URL);
  const database = await createConnection({ uri: config.MYSQL_URL });
  let stack: BenchStack | undefined;
  try {
    stack = await startStack(Array(config.BENCH_INSTANCES).fill('notification'), {
      NODE_ENV: 'production',
      MYSQL_URL: config.MYSQL_URL,
      AMQP_URL: config.AMQP_URL,
      MYSQL_SCHEMA_PREFIX: SCHEMA_PREFIX,
      AMQP_NAMESPACE: NAMESPACE,
      JWT_PUBLIC_KEY: config.JWT_PUBLIC_KEY,
      JWT_ISSUER: config.JWT_ISSUER,
      // Production insists on Twilio; nothing here sends an SMS.
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'bench-token',
      TWILIO_FROM: '+380441234567',
      TWILIO_API_URL: 'http://127.0.0.1:9',
      // The receiver is on loopback, which webhooks reach only when allowed (in production: its port).
      WEBHOOK_ALLOWED_TARGETS: `127.0.0.1:${new URL(receiver.url).port}`,
    });
    out(
      `  ${config.BENCH_INSTANCES} notification instances ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
    );
    const admin = tokenSigner(config.JWT_PRIVATE_KEY, config.JWT_ISSUER).staff(1, 'admin');
    const registered = await fetch(`${stack.url('notification')}/staff/webhooks/subscribers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: receiver.url, description: 'bench', event_types: ['*'] }),
    });
    if (registered.status !== 201)
      throw new Error(`registering the subscriber: ${registered.status} ${await registered.text()}`);
    receiver.setSecret(((await registered.json()) as { secret: string }).secret);

    // Warm-up: fresh processes need a moment (JIT, pools, connections to the receiver).
    const perObject = config.BENCH_EVENTS_PER_OBJECT;
    let nextObject = 1;
    const warmUp = stories(
      config.BENCH_EVENT_KIND,
      nextObject,
      Math.ceil(WARM_UP_EVENTS / perObject),
      perObject,
    );
    nextObject += Math.ceil(WARM_UP_EVENTS / perObject);
    await bus.publish(warmUp);
    if (!(await drain(receiver, warmUp.length))) problems.push('the warm-up did not arrive');
    let expected = receiver.firstAt.size;

    // A: flat out.
    const flat = stories(
      config.BENCH_EVENT_KIND,
      nextObject,
      Math.ceil(config.BENCH_EVENTS / perObject),
      perObject,
    );
    nextObject += Math.ceil(config.BENCH_EVENTS / perObject);
    out(`  A: publishing ${whole(flat.length)} events`);
    const arrivalsBefore = receiver.arrivals.length;
    const cpuA = cpuMeter(MYSQL_PORT);
    const publishStarted = performance.now();
    await bus.publish(flat);
    const publishSeconds = (performance.now() - publishStarted) / 1000;
    expected += flat.length;
    const drainedA = await drain(receiver, expected);
    const shareA = cpuA();
    const arrivals = receiver.arrivals.slice(arrivalsBefore);
    const from = arrivals[Math.floor(arrivals.length * 0.1)] ?? 0;
    const to = arrivals[Math.floor(arrivals.length * 0.9)] ?? 0;
    const sustained = (arrivals.length * 0.8) / ((to - from) / 1000);
    const overall = arrivals.length / (((arrivals.at(-1) ?? 0) - publishStarted) / 1000);
    out(
      `  A: published in ${publishSeconds.toFixed(1)} s; ${whole(arrivals.length)} arrived, ${whole(sustained)}/s over the middle 80%, ${whole(overall)}/s from the first publish to the last arrival`,
    );
    if (!drainedA) problems.push(`A: ${flat.length - arrivals.length} events never arrived`);
    rows.push({
      figure: `deliveries/s, ${config.BENCH_INSTANCES} instances (middle 80%)`,
      target: `≥ ${whole(TARGET_PER_SECOND)}`,
      measured: whole(sustained),
      verdict: verdict(sustained >= TARGET_PER_SECOND),
    });
    rows.push({
      figure: 'deliveries/s, first publish to last arrival',
      target: '—',
      measured: whole(overall),
      verdict: '—',
    });
    conditions.push(`A, flat out: ${shareLine(shareA)}; ${loadLine()}`);

    // B: steady rate, delay from publishing to arrival.
    out(`  B: ${config.BENCH_RATE} events/s for ${config.BENCH_SECONDS} s`);
    const cpuB = cpuMeter(MYSQL_PORT);
    const steadyIds: string[] = [];
    const tickMs = 20;
    const steadyStarted = performance.now();
    // Open loop: each tick sends what the clock says is due, however long the last publish took.
    while (performance.now() - steadyStarted < config.BENCH_SECONDS * 1000) {
      const due = Math.floor(((performance.now() - steadyStarted) / 1000) * config.BENCH_RATE);
      const count = due - steadyIds.length;
      if (count > 0) {
        const events = stories(config.BENCH_EVENT_KIND, nextObject, count, 1);
        nextObject += count;
        for (const { id } of events) steadyIds.push(id);
        await bus.publish(events);
      }
      await sleep(tickMs);
    }
    expected += steadyIds.length;
    const drainedB = await drain(receiver, expected);
    const shareB = cpuB();
    const delays = steadyIds
      .map((id) => (receiver.firstAt.get(id) ?? Number.NaN) - bus.sentAt.get(id)!)
      .filter((delay) => !Number.isNaN(delay))
      .sort((a, b) => a - b);
    const p50 = percentile(delays, 0.5);
    const p99 = percentile(delays, 0.99);
    out(`  B: ${whole(delays.length)} arrived; publish to arrival p50 ${ms(p50)}, p99 ${ms(p99)}`);
    if (!drainedB) problems.push(`B: ${steadyIds.length - delays.length} events never arrived`);
    rows.push({
      figure: `publish → arrival at ${config.BENCH_RATE}/s, p50 / p99`,
      target: '— (1 s of it is the order grace)',
      measured: `${ms(p50)} / ${ms(p99)}`,
      verdict: '—',
    });
    conditions.push(`B, ${config.BENCH_RATE}/s: ${shareLine(shareB)}`);

    // Every event once, signed, in order; every delivery delivered at its first attempt.
    const lost = expected - receiver.firstAt.size;
    const [[counts]] = (await database.query(
      `SELECT COUNT(*) AS deliveries, SUM(status = 'delivered') AS delivered, SUM(attempts) AS attempts FROM \`${SCHEMA}\`.webhook_deliveries`,
    )) as unknown as [[{ deliveries: number; delivered: string; attempts: string }]];
    const faults = {
      lost,
      repeats: receiver.repeats,
      'bad X-Data-Hash': receiver.badHashes,
      'out of order': receiver.outOfOrder,
      'deliveries not delivered': Number(counts!.deliveries) - Number(counts!.delivered),
      'attempts beyond one per delivery': Number(counts!.attempts) - Number(counts!.deliveries),
    };
    const bad = Object.entries(faults).filter(([, value]) => value !== 0);
    rows.push({
      figure: 'lost / doubled / unsigned / out of order',
      target: '0',
      measured: bad.length === 0 ? '0' : bad.map(([name, value]) => `${name} ${value}`).join(', '),
      verdict: verdict(bad.length === 0),
    });
    if (Number(counts!.deliveries) !== expected)
      problems.push(`${counts!.deliveries} delivery rows for ${expected} events`);
  } finally {
    await stack?.stop();
    await bus.close().catch(() => {});
    await receiver.close();
    await database.end();
    await clearLeftovers({
      mysqlUrl: config.MYSQL_URL,
      amqpUrl: config.AMQP_URL,
      schemas: [SCHEMA],
      namespace: NAMESPACE,
    });
  }
  report.print(startedAt);
  if (problems.length > 0 || rows.some((row) => row.verdict === 'FAIL')) process.exitCode = 1;
}

main().catch((error: unknown) => {
  loud(`benchmark failed: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
});

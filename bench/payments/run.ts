/**
 * Contributions benchmark: LiqPay's signed callbacks through the mobile gateway to the
 * member's `membership.extended` committed, against the real mobile gateway, payment and
 * member services (separate processes, NODE_ENV=production, logging at `info`), real MariaDB
 * and RabbitMQ, on fresh `bench_payment` and `bench_member` schemas. The path: the gateway
 * passes the form to the payment service, which checks the signature, confirms the order's
 * pending payment and writes `payment.confirmed` to its outbox; the member service applies it
 * (one `membership_extensions` row, the member's paid-until day) and writes
 * `membership.extended`, which the payment service records back. The benchmark hears both
 * events on a queue of its own bound to the events exchange, so "committed" is the moment the
 * event reaches the bus.
 *
 * The whole system (BENCH_CONSUMERS=all, the default) also runs every other consumer of these
 * two events, as production does (consumers.ts: whoever the contracts' SUBSCRIPTIONS bind to
 * them; today the notification service, texting members through a local fake Twilio, posting
 * to the staff chat through a local fake Telegram and delivering webhooks to a local receiver
 * subscribed to both events, and the audit service), each its own process like the others, the
 * fakes in one more (fakes-process.ts). Each part then also waits until those consumers have
 * done their share, and its CPU per confirmation counts them. BENCH_CONSUMERS=core is the
 * narrow run: the gateway, payment and member services only; the queues the other consumers
 * would read (every service declares the whole bus's wiring when it connects) then fill for
 * nobody, and are listed but not counted as lost.
 *
 *   A. flat out: BENCH_CONNECTIONS callbacks in flight, for BENCH_SECONDS, every
 *      BENCH_DUPLICATE_EVERY-th one sent three times at once: membership.extended events a
 *      second while sending (after a short ramp), and how long the backlog takes to drain.
 *   B. steady: BENCH_RATE callbacks a second for BENCH_SECONDS (open loop): the delay from
 *      sending a callback to its membership.extended on the bus, and of the HTTP answer alone.
 *
 * Then every payment sent must be confirmed once, have one extension row with the rule's days,
 * one payment.confirmed and one membership.extended, its paid-until recorded back in the
 * payment service; every member's paid-until must be what the rule gives for what was sent;
 * nothing dead-lettered, waiting for a retry or left in a started consumer's queue; with the
 * whole system, every text, staff message, webhook and audit entry owed arrived once. A first
 * callback answered other than 200 (a 503 when the payment service fell behind the gateway's
 * deadline) and never confirmed is LiqPay's to send again: reported, not counted as lost.
 * Bounded in time (about 1½ minutes narrow, 2 for the whole system, with the defaults); leaves
 * nothing running, drops its schemas.
 *
 *   ./kasa bench payments   (BENCH_CONSUMERS=all|core, BENCH_SECONDS, BENCH_WARMUP_SECONDS,
 *                            BENCH_RATE, BENCH_CONNECTIONS, BENCH_MEMBERS, BENCH_DUPLICATE_EVERY,
 *                            BENCH_POOL, BENCH_STATEMENTS=1: part A's statements per service from
 *                            MariaDB's general log)
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type ProcessName, urlVariable } from '@kasa/config';
import { kyivDateOf, type ServiceName } from '@kasa/contracts';
import { type Connection, createConnection } from 'mysql2/promise';
import { Type } from 'typebox';
import { makePopulation } from '../members/data.ts';
import {
  type Answers,
  type Call,
  closedLoop,
  notOk,
  once,
  percentile,
  statusList,
  steadyRate,
} from '../members/load.ts';
import { cpuMeter } from '../members/machine.ts';
import { seedMembers } from '../members/seed.ts';
import { createReport, latencyLine, loadLine, loud, ms, out, p, verdict, whole } from '../support/report.ts';
import { BenchStackVariables } from '../support/settings.ts';
import { type BenchStack, clearLeftovers, startStack } from '../support/stack.ts';
import { tokenSigner } from '../support/tokens.ts';
import { type BusTap, tapEvents } from './bus-tap.ts';
import { consumersOf, WholeSystem } from './consumers.ts';
import { startFakes } from './fakes.ts';
import { benchProcesses, processLine, processMeter } from './processes.ts';
import { type PaymentPlan, type PlannedPayment, planPayments, seedPendingPayments } from './seed.ts';
import { serverCounter } from './server-status.ts';
import { startStatementLog } from './statement-log.ts';
import { timelineOf } from './timeline.ts';
import { doubledOf, lostOf, verifyPayments } from './verify.ts';

const config = loadConfig(
  Type.Object({
    ...BenchStackVariables,
    /**
     * `all`: every consumer of the path's events runs (the whole system); `core`: the gateway,
     * payment and member services only (the narrow run, as before).
     */
    BENCH_CONSUMERS: Type.Union([Type.Literal('all'), Type.Literal('core')], { default: 'all' }),
    /** Seconds of each measurement: flat out, then at the steady rate. */
    BENCH_SECONDS: Type.Integer({ minimum: 3, maximum: 120, default: 15 }),
    /** Callbacks flat out before measuring: fresh processes need a few seconds (JIT, pools). */
    BENCH_WARMUP_SECONDS: Type.Integer({ minimum: 0, maximum: 60, default: 3 }),
    /** Callbacks a second in the steady part. */
    BENCH_RATE: Type.Integer({ minimum: 1, maximum: 5_000, default: 200 }),
    /** Callbacks in flight at once in the flat-out part. */
    BENCH_CONNECTIONS: Type.Integer({ minimum: 1, maximum: 256, default: 48 }),
    /** Members paying; the payers are picked at random, so some pay several times. */
    BENCH_MEMBERS: Type.Integer({ minimum: 100, maximum: 1_000_000, default: 20_000 }),
    /** Every n-th callback of the flat-out part is sent three times at once (0: never). */
    BENCH_DUPLICATE_EVERY: Type.Integer({ minimum: 0, maximum: 100_000, default: 100 }),
    /**
     * Part A with MariaDB's general log on, summed per service schema and statement per
     * confirmation (statement-log.ts): where the statements go. Slows that run.
     */
    BENCH_STATEMENTS: Type.Boolean({ default: false }),
    /** Pending checkouts written beforehand; by default enough for 1,500 callbacks a second. */
    BENCH_POOL: Type.Optional(Type.Integer({ minimum: 1_000, maximum: 2_000_000 })),
  }),
);
const NAMESPACE = 'bench.';
const SCHEMA_PREFIX = 'bench_';
const SCHEMA = { payment: `${SCHEMA_PREFIX}payment`, member: `${SCHEMA_PREFIX}member` };
/** The other consumers' schemas (the whole system's); cleared in either mode. */
const CONSUMER_SCHEMA = { notification: `${SCHEMA_PREFIX}notification`, audit: `${SCHEMA_PREFIX}audit` };
const CALLBACK_PATH = '/user/payments/liqpay-callback';
const CONFIRMED = 'payment.confirmed';
const EXTENDED = 'membership.extended';
const CORE: ProcessName[] = ['payment', 'member', 'mobile-gateway'];
const WHOLE = config.BENCH_CONSUMERS === 'all';
/** The narrow run's processes, and with the whole system every other consumer of the path's events. */
const PROCESSES: ProcessName[] = WHOLE
  ? [...CORE, ...consumersOf([CONFIRMED, EXTENDED]).filter((name) => !CORE.includes(name))]
  : CORE;
/** The services started whose queues must drain (the gateway consumes nothing). */
const CONSUMERS = new Set(PROCESSES.filter((name) => name !== 'mobile-gateway') as ServiceName[]);
const TARGET = { perSecond: 500, p99Ms: 100 };
/** A drain that makes no progress for this long has lost something. */
const STALL_MS = 15_000;

const report = createReport();
const { rows, problems, conditions } = report;
const MYSQL_PORT = Number(new URL(config.MYSQL_URL).port || 3306);
const AMQP_PORT = Number(new URL(config.AMQP_URL).port || 5672);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);

const clearBenchLeftovers = () =>
  clearLeftovers({
    mysqlUrl: config.MYSQL_URL,
    amqpUrl: config.AMQP_URL,
    schemas: [...Object.values(SCHEMA), ...Object.values(CONSUMER_SCHEMA)],
    namespace: NAMESPACE,
  });

type Phase = 'check' | 'warm-up' | 'A' | 'B';

/** Hands out the planned payments in order and remembers when each callback was first sent. */
class Sender {
  readonly #plan: readonly PlannedPayment[];
  /** performance.now() of each payment's first callback; 0 until sent. */
  readonly sentAt: Float64Array;
  readonly phaseOf: (Phase | undefined)[] = [];
  /** First callbacks answered other than 200: LiqPay would send them again. */
  readonly refused = new Set<number>();
  #cursor = 0;
  #repeats: number[] = [];
  duplicatesSent = 0;
  duplicateStatuses = new Map<number, number>();
  exhausted = 0;

  constructor(plan: readonly PlannedPayment[]) {
    this.#plan = plan;
    this.sentAt = new Float64Array(plan.length);
  }

  get sent(): number {
    return Math.min(this.#cursor, this.#plan.length);
  }

  /** The payments sent so far (each once, whatever its duplicates). */
  sentPayments(phase?: Phase): PlannedPayment[] {
    const sent = this.#plan.slice(0, this.sent);
    return phase === undefined ? sent : sent.filter((_, index) => this.phaseOf[index] === phase);
  }

  /** The next payment's callback, or a duplicate owed; `duplicateEvery` > 0 owes two more now and then. */
  next(phase: Phase, duplicateEvery = 0): { call: Call; tag: { index: number; repeat: boolean } } {
    const again = this.#repeats.shift();
    if (again !== undefined) {
      this.duplicatesSent += 1;
      return { call: callOf(this.#plan[again]!), tag: { index: again, repeat: true } };
    }
    if (this.#cursor >= this.#plan.length) {
      // Out of pending checkouts: replays of sent ones keep the load on (and must change nothing).
      this.exhausted += 1;
      const index = Math.floor(Math.random() * this.#plan.length);
      return { call: callOf(this.#plan[index]!), tag: { index, repeat: true } };
    }
    const index = this.#cursor++;
    this.sentAt[index] = performance.now();
    this.phaseOf[index] = phase;
    if (duplicateEvery > 0 && index % duplicateEvery === duplicateEvery - 1) this.#repeats.push(index, index);
    return { call: callOf(this.#plan[index]!), tag: { index, repeat: false } };
  }

  answered({ index, repeat }: { index: number; repeat: boolean }, status: number): void {
    if (repeat) this.duplicateStatuses.set(status, (this.duplicateStatuses.get(status) ?? 0) + 1);
    else if (status !== 200) this.refused.add(index);
  }
}

const callOf = (payment: PlannedPayment): Call => ({
  method: 'POST',
  path: CALLBACK_PATH,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: payment.body,
});

/**
 * Waits until every payment sent (and answered 200) has its membership.extended on the bus,
 * or until nothing more arrives for STALL_MS. The number still missing. (Counted by payment:
 * a refused callback may be confirmed all the same, and must not stand in for another.)
 */
async function drained(tap: BusTap, sender: Sender): Promise<number> {
  const missing = () => {
    const extended = tap.arrivals(EXTENDED);
    return sender
      .sentPayments()
      .filter((payment) => !sender.refused.has(payment.id - 1) && !extended.has(payment.id)).length;
  };
  let last = tap.distinct(EXTENDED);
  let progressAt = performance.now();
  let left = missing();
  while (left > 0) {
    await sleep(20);
    const now = tap.distinct(EXTENDED);
    if (now !== last) {
      last = now;
      progressAt = performance.now();
      left = missing();
    } else if (performance.now() - progressAt > STALL_MS) break;
  }
  return left;
}

/** The whole system's other consumers, when they run (main sets it). */
let wholeSystem: WholeSystem | undefined;

/**
 * The payments sent so far that must go all the way: each whose first callback was answered
 * 200, and each refused one confirmed all the same. A refused callback never confirmed (a 503
 * with Retry-After, say, when the payment service fell behind the gateway's deadline) is
 * LiqPay's to send again: not lost, and nobody owes anything for it.
 */
const owing = (sender: Sender, tap: BusTap) => {
  const confirmed = tap.arrivals(CONFIRMED);
  return sender
    .sentPayments()
    .filter((payment) => !sender.refused.has(payment.id - 1) || confirmed.has(payment.id));
};

/**
 * With the whole system, waits (after `drained`) until the other consumers have done their
 * share for every payment so far, or stalled: what they still owe, a phrase each.
 */
async function consumersDone(sender: Sender, tap: BusTap): Promise<string[]> {
  if (!wholeSystem) return [];
  return wholeSystem.settled(wholeSystem.owed(owing(sender, tap)), STALL_MS);
}

/** "until drained", or with the whole system until its consumers are done too. */
const UNTIL = WHOLE ? 'until every consumer is done' : 'until drained';

/** Delays from each payment's first callback to its events on the bus, ascending, in ms. */
function delaysOf(tap: BusTap, sender: Sender, payments: readonly PlannedPayment[]) {
  const confirmed = tap.arrivals(CONFIRMED);
  const extended = tap.arrivals(EXTENDED);
  const toConfirmed: number[] = [];
  const toExtended: number[] = [];
  const between: number[] = [];
  for (const payment of payments) {
    const sentAt = sender.sentAt[payment.id - 1]!;
    const confirmedAt = confirmed.get(payment.id)?.[0];
    const extendedAt = extended.get(payment.id)?.[0];
    if (confirmedAt !== undefined) toConfirmed.push(confirmedAt - sentAt);
    if (extendedAt !== undefined) toExtended.push(extendedAt - sentAt);
    if (confirmedAt !== undefined && extendedAt !== undefined) between.push(extendedAt - confirmedAt);
  }
  const ascending = (values: number[]) => values.sort((a, b) => a - b);
  return {
    toConfirmed: ascending(toConfirmed),
    toExtended: ascending(toExtended),
    between: ascending(between),
  };
}

const spread = (sorted: readonly number[]) =>
  `p50 ${ms(percentile(sorted, 0.5))}, p95 ${ms(percentile(sorted, 0.95))}, p99 ${ms(percentile(sorted, 0.99))}, max ${ms(sorted.at(-1) ?? Number.NaN)}`;

/** Arrivals of `type` for `payments`, per whole second since `from`. */
function perSecond(tap: BusTap, type: string, payments: readonly PlannedPayment[], from: number): number[] {
  const arrivals = tap.arrivals(type);
  const buckets: number[] = [];
  for (const payment of payments) {
    const at = arrivals.get(payment.id)?.[0];
    if (at === undefined) continue;
    const second = Math.max(0, Math.floor((at - from) / 1000));
    buckets[second] = (buckets[second] ?? 0) + 1;
  }
  return Array.from(buckets, (count) => count ?? 0);
}

/** The load generator and the third parties' fakes: not Kasa's own cost. */
const NOT_KASA = new Set(['bench', 'fakes']);

/**
 * The machine's cores busy, and whose: each of the benchmark's processes (RabbitMQ too) and
 * the rest; and what each process spent on one confirmation, given how many came through
 * (all of them, and Kasa's own: without the load generator and the fakes).
 */
function meters() {
  const machine = cpuMeter(MYSQL_PORT);
  const each = processMeter(benchProcesses(MYSQL_PORT, AMQP_PORT));
  return () => {
    const share = machine();
    const shares = each();
    const ours = shares.reduce((sum, process) => sum + process.cores, 0);
    const line =
      share === null
        ? `by process ${processLine(shares)}`
        : `${share.machine.toFixed(2)} of ${cpus().length} cores busy: ${ours.toFixed(2)} the benchmark's ` +
          `(${processLine(shares)}), ${Math.max(0, share.machine - ours).toFixed(2)} others'`;
    const kasa = shares.filter((process) => !NOT_KASA.has(process.name));
    const kasaCores = kasa.reduce((sum, process) => sum + process.cores, 0);
    const perConfirmation = (perSecond: number) =>
      `${ms((1000 * ours) / perSecond)} (${shares
        .map((process) => `${process.name} ${ms((1000 * process.cores) / perSecond)}`)
        .join(', ')}); Kasa's own ${ms((1000 * kasaCores) / perSecond)}`;
    /** Kasa's own CPU per confirmation, in ms, and its share by process. */
    const kasaPerConfirmation = (perSecond: number) => ({
      total: (1000 * kasaCores) / perSecond,
      line: kasa.map((process) => `${process.name} ${ms((1000 * process.cores) / perSecond)}`).join(', '),
    });
    return { line, perConfirmation, kasaPerConfirmation };
  };
}

/** A: callbacks flat out; membership.extended a second while sending, and the drain after. */
async function flatOut(gateway: string, database: Connection, tap: BusTap, sender: Sender) {
  out(
    `\nA. flat out: ${config.BENCH_CONNECTIONS} callbacks in flight for ${config.BENCH_SECONDS} s` +
      (config.BENCH_DUPLICATE_EVERY > 0
        ? `, every ${config.BENCH_DUPLICATE_EVERY}th sent three times at once`
        : ''),
  );
  const duplicatesBefore = sender.duplicatesSent;
  const statementLog = config.BENCH_STATEMENTS ? await startStatementLog(database) : null;
  const counted = await serverCounter(database);
  const measure = meters();
  const started = performance.now();
  const answers = await closedLoop(
    gateway,
    config.BENCH_CONNECTIONS,
    config.BENCH_SECONDS,
    () => sender.next('A', config.BENCH_DUPLICATE_EVERY),
    (tag, status) => sender.answered(tag, status),
  );
  const stopped = performance.now();
  const cpu = measure();
  const missing = await drained(tap, sender);
  const behind = await consumersDone(sender, tap);
  const untilDrained = measure();
  const drainedAt = performance.now();
  const payments = sender.sentPayments('A');
  const server = await counted(payments.length);
  const extended = tap.arrivals(EXTENDED);
  const lastArrival = Math.max(...payments.map((payment) => extended.get(payment.id)?.at(0) ?? 0));
  const drainMs = Math.max(0, lastArrival - stopped);

  // The steady window: after the first fifth (at most 3 s) of ramp, until sending stopped.
  const rampMs = Math.min(3_000, (config.BENCH_SECONDS * 1000) / 5);
  const windowMs = stopped - started - rampMs;
  const inWindow = (type: string) =>
    payments.filter((payment) => {
      const at = tap.arrivals(type).get(payment.id)?.[0];
      return at !== undefined && at >= started + rampMs && at <= stopped;
    }).length;
  const extendedRate = inWindow(EXTENDED) / (windowMs / 1000);
  const confirmedRate = inWindow(CONFIRMED) / (windowMs / 1000);
  const httpRate = (answers.times.length - notOk(answers)) / ((stopped - started) / 1000);
  const overall = payments.length / ((lastArrival - started) / 1000);
  const delays = delaysOf(tap, sender, payments);
  out(
    `  ${whole(answers.times.length)} callbacks answered (${statusList(answers)}, ${answers.errors} errors): ` +
      `${whole(httpRate)}/s, HTTP ${latencyLine(answers)}`,
  );
  out(
    `  ${whole(payments.length)} payments, ${sender.duplicatesSent - duplicatesBefore} duplicate callbacks ` +
      `(${statusList({ ...answers, statuses: sender.duplicateStatuses })})`,
  );
  out(
    `  events a second after ${(rampMs / 1000).toFixed(1)} s of ramp: membership.extended ${whole(extendedRate)}/s, ` +
      `payment.confirmed ${whole(confirmedRate)}/s`,
  );
  out(`    membership.extended each second: ${perSecond(tap, EXTENDED, payments, started).join(' ')}`);
  out(`    payment.confirmed each second:   ${perSecond(tap, CONFIRMED, payments, started).join(' ')}`);
  out(
    `  drained ${ms(drainMs)} after sending stopped; all ${whole(payments.length)} in ` +
      `${((lastArrival - started) / 1000).toFixed(1)} s = ${whole(overall)}/s end to end` +
      (missing > 0 ? `; ${missing} never arrived` : ''),
  );
  if (wholeSystem)
    out(
      `  the other consumers done ${ms(drainedAt - stopped)} after sending stopped` +
        (behind.length > 0 ? `; stalled: ${behind.join(', ')}` : ''),
    );
  out(`  delay under saturation: callback → membership.extended ${spread(delays.toExtended)}`);
  out(`    callback → payment.confirmed ${spread(delays.toConfirmed)}`);
  out(`    payment.confirmed → membership.extended ${spread(delays.between)}`);
  out("  where the delay goes (the services' timestamps):");
  for (const line of await timelineOf(database, SCHEMA, payments, sender.sentAt)) out(`    ${line}`);
  out(`  while sending: ${cpu.line}`);
  const confirmationsPerSecond = payments.length / ((drainedAt - started) / 1000);
  out(`  CPU per confirmation (${UNTIL}): ${untilDrained.perConfirmation(confirmationsPerSecond)}`);
  out(`  MariaDB per confirmation (${UNTIL}): ${server}`);
  if (statementLog) {
    out('  statements per confirmation, by schema (the general log; BENCH_STATEMENTS=1 slows this run):');
    for (const line of await statementLog(payments.length)) out(`    ${line}`);
  }
  conditions.push(`A, flat out: ${cpu.line}`);
  if (behind.length > 0) problems.push(`A: the other consumers stalled: ${behind.join(', ')}`);
  const kasaCpu = untilDrained.kasaPerConfirmation(confirmationsPerSecond);
  if (notOk(answers) + answers.errors > 0) {
    problems.push(
      `A: ${notOk(answers) + answers.errors} callbacks not answered 200 (${statusList(answers)})`,
    );
    loud(`flat out: ${statusList(answers)}, ${answers.errors} connection errors`);
  }
  if (sender.exhausted > 0)
    problems.push(`A: the ${whole(sender.sentAt.length)} pending checkouts ran out (raise BENCH_POOL)`);
  rows.push({
    figure: `membership.extended committed a second, callbacks flat out through the mobile gateway, ${config.BENCH_CONNECTIONS} at once (${(windowMs / 1000).toFixed(0)} s after the ramp)`,
    target: `≥ ${TARGET.perSecond}/s`,
    measured:
      `${whole(extendedRate)}/s (HTTP ${whole(httpRate)} callbacks/s; backlog drained in ${ms(drainMs)}); ` +
      `delay p50 ${ms(percentile(delays.toExtended, 0.5))}, p99 ${ms(percentile(delays.toExtended, 0.99))}`,
    verdict: verdict(extendedRate >= TARGET.perSecond),
  });
  rows.push({
    figure: `Kasa's CPU per confirmation flat out, ${UNTIL} (${WHOLE ? 'the whole system' : 'gateway, payment and member only'}; without the load generator${WHOLE ? ' and the fakes' : ''})`,
    target: '≈ 5 ms',
    measured: `${ms(kasaCpu.total)} (${kasaCpu.line})`,
    verdict: '—',
  });
}

/** B: a steady rate, open loop; the delay to membership.extended and the HTTP answer's. */
async function steady(gateway: string, database: Connection, tap: BusTap, sender: Sender) {
  out(`\nB. steady: ${config.BENCH_RATE} callbacks a second for ${config.BENCH_SECONDS} s`);
  const counted = await serverCounter(database);
  const measure = meters();
  const started = performance.now();
  // Which payment each request carried, so an answer other than 200 is known as refused.
  const tags: { index: number; repeat: boolean }[] = [];
  const answers: Answers = await steadyRate(
    gateway,
    config.BENCH_RATE,
    config.BENCH_SECONDS,
    (request) => {
      const { call, tag } = sender.next('B');
      tags[request] = tag;
      return call;
    },
    (request, status) => sender.answered(tags[request]!, status),
  );
  const cpu = measure();
  const stopped = performance.now();
  const missing = await drained(tap, sender);
  const behind = await consumersDone(sender, tap);
  const untilDrained = measure();
  const drainedAt = performance.now();
  const payments = sender.sentPayments('B');
  const server = await counted(payments.length);
  const delays = delaysOf(tap, sender, payments);
  out(
    `  ${whole(answers.times.length)} callbacks answered (${statusList(answers)}, ${answers.errors} errors)`,
  );
  out(`  callback → membership.extended on the bus: ${spread(delays.toExtended)}`);
  out(`    callback → payment.confirmed ${spread(delays.toConfirmed)}`);
  out(`    payment.confirmed → membership.extended ${spread(delays.between)}`);
  out(`  HTTP answer alone (from when due): ${latencyLine(answers)}`);
  out("  where the delay goes (the services' timestamps):");
  for (const line of await timelineOf(database, SCHEMA, payments, sender.sentAt)) out(`    ${line}`);
  if (missing > 0) out(`  ${missing} membership.extended never arrived`);
  if (wholeSystem)
    out(
      `  the other consumers done ${ms(drainedAt - stopped)} after sending stopped` +
        (behind.length > 0 ? `; stalled: ${behind.join(', ')}` : ''),
    );
  out(`  during the steady rate: ${cpu.line}`);
  out(
    `  CPU per confirmation (${UNTIL}): ${untilDrained.perConfirmation(payments.length / ((drainedAt - started) / 1000))}`,
  );
  out(`  MariaDB per confirmation (${UNTIL}): ${server}`);
  conditions.push(`B, ${config.BENCH_RATE}/s: ${cpu.line}`);
  if (behind.length > 0) problems.push(`B: the other consumers stalled: ${behind.join(', ')}`);
  if (notOk(answers) + answers.errors > 0) {
    problems.push(
      `B: ${notOk(answers) + answers.errors} callbacks not answered 200 (${statusList(answers)})`,
    );
    loud(`steady: ${statusList(answers)}, ${answers.errors} connection errors`);
  }
  const p99 = percentile(delays.toExtended, 0.99);
  rows.push(
    {
      figure: `delay callback sent → membership.extended on the bus, ${config.BENCH_RATE} callbacks/s (${whole(payments.length)})`,
      target: `p99 < ${TARGET.p99Ms} ms`,
      measured: `p50 ${ms(percentile(delays.toExtended, 0.5))}, p95 ${ms(percentile(delays.toExtended, 0.95))}, p99 ${ms(p99)}, max ${ms(delays.toExtended.at(-1) ?? Number.NaN)}`,
      verdict: verdict(p99 < TARGET.p99Ms && missing === 0),
    },
    {
      figure: `of which callback → payment.confirmed on the bus / the HTTP answer alone`,
      target: '—',
      measured: `p50 ${ms(percentile(delays.toConfirmed, 0.5))}, p99 ${ms(percentile(delays.toConfirmed, 0.99))} / p50 ${ms(p(answers, 0.5))}, p99 ${ms(p(answers, 0.99))}`,
      verdict: '—',
    },
  );
}

/** Every sent payment end to end, and every member's paid-until day. */
async function verify(database: Connection, plan: PaymentPlan, tap: BusTap, sender: Sender, days: string[]) {
  // The payment service records membership.extended's day back: let it catch up.
  const recorded = async () => {
    const [result] = (await database.query(
      `SELECT COUNT(*) AS n FROM \`${SCHEMA.payment}\`.payments WHERE paid_until IS NOT NULL`,
    )) as unknown as [{ n: number }[]];
    return Number(result[0]?.n);
  };
  const deadline = performance.now() + STALL_MS;
  while ((await recorded()) < tap.distinct(EXTENDED) && performance.now() < deadline) await sleep(100);
  const sent = owing(sender, tap);
  const toSendAgain = sender.sent - sent.length;
  const owed = wholeSystem?.owed(sent);
  if (wholeSystem && owed) await wholeSystem.settled(owed, STALL_MS);
  const checked = await verifyPayments(database, SCHEMA, plan, sent, tap, days, {
    amqpUrl: config.AMQP_URL,
    namespace: NAMESPACE,
    consumers: CONSUMERS,
  });
  const lost = lostOf(checked);
  const doubled = doubledOf(checked);
  const callbacks = sender.sent + sender.duplicatesSent + sender.exhausted + 1; // + the check's repeat
  // A refused callback may not have reached the payment service at all.
  const refusedDuplicates = [...sender.duplicateStatuses].reduce(
    (sum, [status, count]) => sum + (status === 200 ? 0 : count),
    0,
  );
  const fewestKept = callbacks - toSendAgain - refusedDuplicates;
  out('\nVerification');
  out(
    `  ${whole(sender.sent)} payments sent (${whole(sender.duplicatesSent)} duplicate callbacks besides), ` +
      `${sender.refused.size} first callbacks not answered 200` +
      (toSendAgain > 0
        ? `, ${toSendAgain} of them never confirmed: LiqPay sends those again, not counted below`
        : ''),
  );
  out(
    `  not confirmed ${checked.notConfirmed}; no extension row ${checked.missingExtensions}, wrong days ${checked.wrongDays}; ` +
      `payment.confirmed missing ${checked.confirmedMissing}, twice ${checked.confirmedDoubled}; ` +
      `membership.extended missing ${checked.extendedMissing}, twice ${checked.extendedDoubled}`,
  );
  out(
    `  unsent payments moved ${checked.movedUnsent}, extension rows for unsent ${checked.strayExtensions}; ` +
      `paid-until not recorded back in the payment service ${checked.paidUntilNotRecorded}`,
  );
  out(
    `  members' paid-until: ${checked.wrongMembers} wrong of ${whole(checked.members)} paying ` +
      `(and the rest unmoved)${checked.example ? `, e.g. ${checked.example}` : ''}`,
  );
  out(
    `  callbacks kept ${whole(checked.callbacksKept)} of ${whole(callbacks)} sent` +
      (fewestKept < callbacks ? ` (at least ${whole(fewestKept)}: the rest were refused)` : ''),
  );
  out(
    `  dead letters ${checked.deadLetters}, waiting to retry ${checked.retrying}, unconsumed ${checked.unconsumed}` +
      (checked.queueCounts.length ? ` (${checked.queueCounts.join('; ')})` : ''),
  );
  if (checked.notCounted.length > 0)
    out(`  not counted, their consumers not started in this run: ${checked.notCounted.join('; ')}`);
  const others = wholeSystem && owed ? await wholeSystem.verify(owed) : undefined;
  for (const line of others?.lines ?? []) out(`  ${line}`);
  const consistent =
    checked.wrongDays === 0 &&
    checked.wrongMembers === 0 &&
    checked.paidUntilNotRecorded === 0 &&
    checked.callbacksKept >= fewestKept &&
    checked.callbacksKept <= callbacks &&
    checked.deadLetters + checked.retrying + checked.unconsumed === 0;
  if (lost > 0)
    problems.push(`verify: ${lost} payments lost somewhere between callback and membership.extended`);
  if (doubled > 0) problems.push(`verify: ${doubled} payments applied or published more than once`);
  if (!consistent) problems.push('verify: see the Verification lines above');
  rows.push({
    figure: `payments lost / doubled (confirmed, extension row, both events, of ${whole(checked.sent)} + ${whole(sender.duplicatesSent)} duplicate callbacks); paid-until by the rule; dead letters`,
    target: '0 / 0; right; 0',
    measured: `lost ${lost} / doubled ${doubled}; ${checked.wrongMembers} of ${whole(checked.members)} members wrong; ${checked.deadLetters} dead, ${checked.retrying} retrying`,
    verdict: verdict(lost === 0 && doubled === 0 && consistent),
  });
  if (others) {
    if (others.faults.length > 0) problems.push(`verify: the other consumers: ${others.faults.join(', ')}`);
    rows.push({
      figure: `the other consumers' work, of what the ${whole(checked.sent)} payments owe (texts at the fake Twilio, staff messages at the fake Telegram, webhooks at the receiver, audit entries), each once; their queues empty`,
      target: 'all, once; 0',
      measured: others.measured,
      verdict: verdict(others.faults.length === 0),
    });
  }
}

async function main() {
  const startedAt = performance.now();
  const pool =
    config.BENCH_POOL ??
    (config.BENCH_WARMUP_SECONDS + config.BENCH_SECONDS) * 1_500 +
      config.BENCH_RATE * config.BENCH_SECONDS +
      1;
  out(
    `payments benchmark: ${config.BENCH_SECONDS} s flat out (${config.BENCH_CONNECTIONS} at once) and at ` +
      `${config.BENCH_RATE}/s, ${whole(config.BENCH_MEMBERS)} members, ${whole(pool)} pending checkouts; ` +
      `${cpus().length} cores shared with the load generator, ${loadLine()} before starting`,
  );
  out(
    WHOLE
      ? `  the whole system (BENCH_CONSUMERS=all): ${PROCESSES.join(', ')}; texts, staff chat and webhooks to local fakes`
      : `  the narrow run (BENCH_CONSUMERS=core): ${PROCESSES.join(', ')} only`,
  );
  for (const name of PROCESSES) {
    if (process.env[urlVariable(name)]) {
      out(`  (ignoring ${urlVariable(name)} from the environment: the benchmark starts its own ${name})`);
      delete process.env[urlVariable(name)];
    }
  }
  await clearBenchLeftovers();
  const filesDir = await mkdtemp(join(tmpdir(), 'kasa-bench-payment-files-'));
  const keys = {
    publicKey: `sandbox_i${randomBytes(6).toString('hex')}`,
    privateKey: `sandbox_${randomBytes(30).toString('base64url')}`,
  };
  let stack: BenchStack | undefined;
  let tap: BusTap | undefined;
  const database = await createConnection({ uri: config.MYSQL_URL, multipleStatements: false });
  const fakes = WHOLE ? await startFakes() : undefined;
  try {
    stack = await startStack(PROCESSES, {
      ...fakes?.env,
      NODE_ENV: 'production',
      MYSQL_URL: config.MYSQL_URL,
      AMQP_URL: config.AMQP_URL,
      MYSQL_SCHEMA_PREFIX: SCHEMA_PREFIX,
      AMQP_NAMESPACE: NAMESPACE,
      JWT_PUBLIC_KEY: config.JWT_PUBLIC_KEY,
      JWT_ISSUER: config.JWT_ISSUER,
      FILES_DIR: filesDir,
      FILES_KEY: config.FILES_KEY ?? randomBytes(32).toString('base64'),
      PUBLIC_URL: 'https://kasa-bench.example.org',
      LIQPAY_PUBLIC_KEY: keys.publicKey,
      LIQPAY_PRIVATE_KEY: keys.privateKey,
      LIQPAY_SANDBOX: 'false',
      // Nothing listens there; the reconciliation never comes due anyway.
      LIQPAY_API_URL: 'http://127.0.0.1:9/api/',
      RECONCILE_AFTER_SECONDS: '86400',
      RECONCILE_EVERY_SECONDS: '86400',
      // Nor the lapsing-membership reminders (the contacts have no paid-until day before the run).
      REMINDER_CHECK_SECONDS: '86400',
    });
    out(`  stack (${PROCESSES.join(', ')}) ready in ${seconds(startedAt)} s`);

    const seedStarted = performance.now();
    const population = makePopulation(config.BENCH_MEMBERS);
    await seedMembers(database, SCHEMA.member, population);
    const membersSeconds = seconds(seedStarted);
    const plan = planPayments(population, pool, keys);
    await seedPendingPayments(database, SCHEMA.payment, plan.payments);
    out(
      `  seeded ${whole(population.members.length)} members on ${population.programs.length} programs ` +
        `(${membersSeconds} s) and ${whole(pool)} pending checkouts with their signed callbacks ` +
        `(${whole(plan.payments[0]!.body.length)} bytes each) in ${seconds(seedStarted)} s`,
    );

    if (fakes) {
      wholeSystem = new WholeSystem(fakes, database, CONSUMER_SCHEMA, [CONFIRMED, EXTENDED]);
      const admin = tokenSigner(config.JWT_PRIVATE_KEY, config.JWT_ISSUER).staff(1, 'admin');
      await wholeSystem.prepare(population, stack.url('notification'), admin);
      out(
        `  the notification service knows ${whole(population.members.length)} members' phones; webhook subscriber registered`,
      );
    }

    tap = await tapEvents(config.AMQP_URL, NAMESPACE, [CONFIRMED, EXTENDED]);
    const gateway = stack.url('mobile-gateway');
    const sender = new Sender(plan.payments);
    const days = [kyivDateOf(new Date())];

    // One callback, and the same again: 200 both, one membership.extended.
    const first = sender.next('check');
    const checkStarted = performance.now();
    const answer = await once(gateway, first.call);
    sender.answered(first.tag, answer.status);
    const again = await once(gateway, first.call);
    await drained(tap, sender);
    const arrived = tap.arrivals(EXTENDED).get(first.tag.index + 1)?.[0];
    const behind = await consumersDone(sender, tap);
    out(
      `  check: ${answer.status}, again ${again.status}${answer.status === 200 ? '' : `: ${answer.body.slice(0, 300)}`}; ` +
        `membership.extended ${arrived === undefined ? 'never came' : `after ${ms(arrived - checkStarted)}`}` +
        (wholeSystem
          ? `; the other consumers ${behind.length === 0 ? `done after ${ms(performance.now() - checkStarted)}` : `stalled: ${behind.join(', ')}`}`
          : ''),
    );
    if (answer.status !== 200 || again.status !== 200 || arrived === undefined) {
      problems.push(`check: the first callback answered ${answer.status} (again ${again.status})`);
      loud('the first callback did not go through; measuring anyway');
    }
    if (behind.length > 0) {
      problems.push(`check: the other consumers did not do their part: ${behind.join(', ')}`);
      loud('the other consumers did not do their part for the first callback; measuring anyway');
    }

    if (config.BENCH_WARMUP_SECONDS > 0) {
      const warm = await closedLoop(
        gateway,
        config.BENCH_CONNECTIONS,
        config.BENCH_WARMUP_SECONDS,
        () => sender.next('warm-up'),
        (tag, status) => sender.answered(tag, status),
      );
      const warmStarted = performance.now();
      await drained(tap, sender);
      await consumersDone(sender, tap);
      out(
        `  warm-up: ${config.BENCH_WARMUP_SECONDS} s, ${whole(warm.times.length / warm.seconds)} callbacks/s, ` +
          `drained ${seconds(warmStarted)} s later`,
      );
    }
    await flatOut(gateway, database, tap, sender);
    await sleep(2_000); // a quiet moment between the parts
    await steady(gateway, database, tap, sender);
    days.push(kyivDateOf(new Date()));
    await verify(database, plan, tap, sender, [...new Set(days)]);
    report.print(startedAt);
  } finally {
    await tap?.close();
    await database.end();
    await stack?.stop();
    await fakes?.stop();
    await clearBenchLeftovers().catch((error: unknown) =>
      out(`  could not clear the bench schemas: ${String(error)}`),
    );
    await rm(filesDir, { recursive: true, force: true });
  }
}

await main();

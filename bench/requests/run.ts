/**
 * Aid-request benchmark against the real request and member services and both gateways
 * (separate processes, NODE_ENV=production, real MariaDB and RabbitMQ, logging at `info`),
 * on fresh `bench_request` and `bench_member` schemas:
 *
 *   A. creations, `POST /user/request/create` through the mobile gateway: a multipart form
 *      with a comment and two ~200 KB photos, from many members, a fixed number at once
 *      (closed loop), in rounds: creations a second (median) and latency. Then every 201 must
 *      be one row, and two files on disk.
 *   B. staff's list, `POST /requests` through the admin gateway, over 200,000 requests
 *      written straight into the schema (and 50,000 members for the names and the `query`):
 *      the default page, several statuses, a date range, deep pages, a member's words, 8 at once.
 *
 * Bounded in time (about 2 minutes with the defaults); leaves nothing running, drops its
 * schemas and removes its files.
 *
 *   ./kasa bench requests   (BENCH_SECONDS, BENCH_ROUNDS, BENCH_WARMUP_SECONDS, BENCH_CONNECTIONS,
 *                            BENCH_LIST_CONNECTIONS, BENCH_REQUESTS, BENCH_MEMBERS, BENCH_TOKENS,
 *                            BENCH_PARTS)
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type ProcessName, urlVariable } from '@kasa/config';
import { multipartBody, seededRandom } from '@kasa/testing';
import { type Connection, createConnection } from 'mysql2/promise';
import { Type } from 'typebox';
import { type MemberSeed, makePopulation } from '../members/data.ts';
import {
  type Answers,
  addAnswers,
  answered,
  type Call,
  closedLoop,
  emptyAnswers,
  median,
  notOk,
  once,
  percentile,
  statusList,
} from '../members/load.ts';
import { cpuMeter, shareLine } from '../members/machine.ts';
import { seedMembers } from '../members/seed.ts';
import { createReport, latencyLine, loadLine, loud, ms, out, p, verdict, whole } from '../support/report.ts';
import { BenchStackVariables } from '../support/settings.ts';
import { type BenchStack, clearLeftovers, startStack } from '../support/stack.ts';
import { tokenSigner } from '../support/tokens.ts';
import { noisePng } from './photos.ts';
import { REQUEST_STATUSES, type RequestsSeeded, seedRequests } from './seed.ts';

const config = loadConfig(
  Type.Object({
    ...BenchStackVariables,
    /** Seconds of creations (split into the rounds) and of the list at once. */
    BENCH_SECONDS: Type.Integer({ minimum: 3, maximum: 120, default: 15 }),
    BENCH_ROUNDS: Type.Integer({ minimum: 1, maximum: 20, default: 3 }),
    /** Creations before measuring: fresh processes need a few seconds of load (JIT, heap). */
    BENCH_WARMUP_SECONDS: Type.Integer({ minimum: 0, maximum: 120, default: 5 }),
    /** Creations at once. */
    BENCH_CONNECTIONS: Type.Integer({ minimum: 1, maximum: 200, default: 16 }),
    /** Staff lists at once. */
    BENCH_LIST_CONNECTIONS: Type.Integer({ minimum: 1, maximum: 100, default: 8 }),
    BENCH_REQUESTS: Type.Integer({ minimum: 1_000, maximum: 5_000_000, default: 200_000 }),
    BENCH_MEMBERS: Type.Integer({ minimum: 1_000, maximum: 2_000_000, default: 50_000 }),
    /** Members whose tokens create the requests. */
    BENCH_TOKENS: Type.Integer({ minimum: 1, maximum: 9_000, default: 1_000 }),
    /** `create`, `list` or both. */
    BENCH_PARTS: Type.String({
      default: 'create,list',
      pattern: '^(create|list)(,(create|list))?$',
    }),
  }),
);
const NAMESPACE = 'bench.';
const SCHEMA_PREFIX = 'bench_';
const REQUEST_SCHEMA = `${SCHEMA_PREFIX}request`;
const SCHEMAS = ['member', 'request'].map((name) => `${SCHEMA_PREFIX}${name}`);
const PARTS = new Set(config.BENCH_PARTS.split(','));
/** Different photos (two to a request), so that not every receipt is the same one. */
const FORMS = 48;
const TARGET = { creationsPerSecond: 100, listP95Ms: 100 };

const report = createReport();
const { rows, problems, conditions } = report;
const MYSQL_PORT = Number(new URL(config.MYSQL_URL).port || 3306);

const clearBenchLeftovers = () =>
  clearLeftovers({
    mysqlUrl: config.MYSQL_URL,
    amqpUrl: config.AMQP_URL,
    schemas: SCHEMAS,
    namespace: NAMESPACE,
  });

const count = async (database: Connection, sql: string): Promise<number> => {
  const [result] = (await database.query(sql)) as unknown as [Record<string, unknown>[]];
  return Number(Object.values(result[0] ?? {})[0] ?? Number.NaN);
};

/** The store's files: `<dir>/<2 hex>/<32 hex>`. */
async function filesIn(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && /^[0-9a-f]{32}$/.test(entry.name)).length;
}

/** A: members open requests with two photos each through the mobile gateway. */
async function createBenchmark(
  gateway: string,
  database: Connection,
  filesDir: string,
  members: readonly MemberSeed[],
) {
  const sign = tokenSigner(config.JWT_PRIVATE_KEY, config.JWT_ISSUER);
  const rnd = seededRandom(11);
  const tokens = Array.from({ length: Math.min(config.BENCH_TOKENS, members.length) }, () =>
    sign.member(members[Math.floor(rnd() * members.length)]!.id),
  );
  const forms = await Promise.all(
    Array.from({ length: FORMS }, async (_, index) =>
      multipartBody({
        comment: `Прошу компенсувати ліки після операції, чеки додаю (${index + 1})`,
        files: [
          { bytes: noisePng(), filename: 'receipt-1.png', type: 'image/png' },
          { bytes: noisePng(), filename: 'receipt-2.png', type: 'image/png' },
        ],
      }),
    ),
  );
  const photoBytes = noisePng().length;
  out(
    `\nA. POST /user/request/create through the mobile gateway: a comment and two ${whole(photoBytes / 1024)} KB ` +
      `PNG photos (${whole(forms[0]!.payload.length / 1024)} KB form), ${whole(tokens.length)} members' tokens, ` +
      `${config.BENCH_CONNECTIONS} at once`,
  );
  let sent = 0;
  const call = (index: number): Call => {
    const form = forms[index % forms.length]!;
    return {
      method: 'POST',
      path: '/user/request/create',
      headers: { authorization: `Bearer ${tokens[index % tokens.length]!}`, ...form.headers },
      body: form.payload,
    };
  };
  let created = 0;
  let wrongBodies = 0;
  const check = (_tag: null, status: number, body: string) => {
    if (status !== 201) return;
    created += 1;
    const detail = JSON.parse(body) as { files?: unknown[] };
    if (detail.files?.length !== 2) wrongBodies += 1;
  };
  const next = () => ({ call: call(sent++), tag: null });

  const firstStarted = performance.now();
  const first = await once(gateway, call(sent++));
  const firstMs = performance.now() - firstStarted;
  check(null, first.status, first.body);
  out(`  check: ${first.status}${first.status === 201 ? '' : `: ${first.body.slice(0, 300)}`}`);
  if (first.status !== 201) {
    problems.push(`create: the first creation answered ${first.status}`);
    loud(`the first creation answered ${first.status}; measuring anyway`);
  }
  const all = emptyAnswers();
  all.statuses.set(first.status, 1);
  all.times.push(firstMs);
  if (config.BENCH_WARMUP_SECONDS > 0) {
    const warm = await closedLoop(
      gateway,
      config.BENCH_CONNECTIONS,
      config.BENCH_WARMUP_SECONDS,
      next,
      check,
    );
    addAnswers(all, warm);
    out(
      `  warm-up: ${config.BENCH_WARMUP_SECONDS} s, ${whole((answered(warm) - notOk(warm)) / warm.seconds)}/s`,
    );
  }
  const roundSeconds = Math.max(3, Math.round(config.BENCH_SECONDS / config.BENCH_ROUNDS));
  const meter = cpuMeter(MYSQL_PORT);
  const measured = emptyAnswers();
  const perSecond: number[] = [];
  for (let round = 0; round < config.BENCH_ROUNDS; round += 1) {
    const answers = await closedLoop(gateway, config.BENCH_CONNECTIONS, roundSeconds, next, check);
    perSecond.push((answered(answers) - notOk(answers)) / answers.seconds);
    addAnswers(measured, answers);
    out(`  round ${round + 1}: ${whole(perSecond.at(-1)!)} creations/s, ${latencyLine(answers)}`);
  }
  const share = meter();
  addAnswers(all, measured);
  out(`  during the rounds: ${shareLine(share)}`);
  conditions.push(`creations, ${config.BENCH_CONNECTIONS} at once: ${shareLine(share)}`);

  // Every 201 is one request with two files; nothing else was kept.
  const rowsKept = await count(database, `SELECT COUNT(*) FROM \`${REQUEST_SCHEMA}\`.requests`);
  const fileRows = await count(database, `SELECT COUNT(*) FROM \`${REQUEST_SCHEMA}\`.request_files`);
  const averageSize = await count(database, `SELECT AVG(size) FROM \`${REQUEST_SCHEMA}\`.request_files`);
  const onDisk = await filesIn(filesDir);
  const rate = median(perSecond);
  const failed = notOk(all) + all.errors;
  out(
    `  median ${whole(rate)} creations/s (rounds ${perSecond.map(whole).join(', ')}), ` +
      `all measured ${latencyLine(measured)}`,
  );
  out(
    `  ${whole(created)} answered 201 in all (${statusList(all)}, ${all.errors} errors); ` +
      `${whole(rowsKept)} requests, ${whole(fileRows)} file rows (average ${whole(averageSize / 1024)} KB stored), ` +
      `${whole(onDisk)} files on disk`,
  );
  if (failed > 0) {
    problems.push(`create: ${failed} answers not 201 or lost (${statusList(all)}, ${all.errors} errors)`);
    loud(`creations: ${failed} failed: ${statusList(all)}, ${all.errors} connection errors`);
  }
  const consistent =
    rowsKept === created && fileRows === 2 * created && onDisk === 2 * created && wrongBodies === 0;
  if (!consistent) {
    problems.push(
      `create: ${created} answered 201 but ${rowsKept} requests, ${fileRows} file rows, ${onDisk} files on disk` +
        (wrongBodies ? `, ${wrongBodies} answers without their two files` : ''),
    );
  }
  const sizeOk = Math.abs(averageSize - photoBytes) < photoBytes * 0.05;
  if (!sizeOk) problems.push(`create: stored files average ${averageSize} bytes, ${photoBytes} were sent`);
  const notCreated = all.times.length - created + all.errors;
  rows.push(
    {
      figure: `creations with 2 × ${whole(photoBytes / 1024)} KB photos, ${config.BENCH_CONNECTIONS} at once (median of ${config.BENCH_ROUNDS} rounds of ${roundSeconds} s)`,
      target: `≥ ${TARGET.creationsPerSecond}/s`,
      measured: `${whole(rate)}/s; p50 ${ms(p(measured, 0.5))}, p95 ${ms(p(measured, 0.95))}, p99 ${ms(p(measured, 0.99))}`,
      verdict: verdict(rate >= TARGET.creationsPerSecond),
    },
    {
      figure: 'creations not 201, or lost',
      target: '0',
      measured: `${notCreated} of ${whole(all.times.length + all.errors)}${notCreated ? ` (${statusList(all)})` : ''}`,
      verdict: verdict(notCreated === 0),
    },
    {
      figure: 'requests rows = 201s; file rows and files on disk = 2 × 201s; stored size = sent',
      target: 'equal',
      measured: `${whole(created)} 201s: ${whole(rowsKept)} rows, ${whole(fileRows)} file rows, ${whole(onDisk)} files, ${whole(averageSize / 1024)} KB each`,
      verdict: verdict(consistent && sizeOk),
    },
  );
}

type ListKind = 'default (opened)' | 'several statuses' | 'date range' | 'deep page' | 'member query';
interface ListQuery {
  kind: ListKind;
  body: Record<string, unknown>;
  /** The answer must list something. */
  nonEmpty: boolean;
}

/** dd.mm.yyyy of the day in Kyiv. */
const dotted = (date: Date) => {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv' })
    .format(date)
    .split('-');
  return `${day}.${month}.${year}`;
};

/** What staff ask for, in proportions like the admin site's use. */
function listQueries(seeded: RequestsSeeded, members: readonly MemberSeed[], howMany: number): ListQuery[] {
  const rnd = seededRandom(23);
  const withRequests = members.filter((member) => seeded.members.has(member.id));
  const span = seeded.to.getTime() - seeded.from.getTime();
  const queries: ListQuery[] = [];
  for (let index = 0; index < howMany; index += 1) {
    const draw = rnd();
    if (draw < 0.25) {
      queries.push({ kind: 'default (opened)', body: {}, nonEmpty: true });
    } else if (draw < 0.45) {
      const statuses = REQUEST_STATUSES.filter(() => rnd() < 0.6);
      const status = statuses.length > 1 ? statuses : ['awaiting_agent', 'awaiting_client'];
      queries.push({ kind: 'several statuses', body: { status }, nonEmpty: true });
    } else if (draw < 0.65) {
      // Some days to a few months, anywhere in the two years.
      const days = 1 + Math.floor(rnd() * 90);
      const start = seeded.from.getTime() + rnd() * (span - days * 86_400_000);
      queries.push({
        kind: 'date range',
        body: {
          status: rnd() < 0.5 ? [...REQUEST_STATUSES] : ['closed'],
          date_start: dotted(new Date(start)),
          date_end: dotted(new Date(start + days * 86_400_000)),
        },
        nonEmpty: true,
      });
    } else if (draw < 0.8) {
      // Paging through the closed ones: up to page 100 of 50.
      const closed = seeded.byStatus.get('closed') ?? 0;
      const offset = 50 * Math.floor(rnd() * Math.min(100, closed / 50));
      queries.push({ kind: 'deep page', body: { status: ['closed'], offset, limit: 50 }, nonEmpty: true });
    } else {
      const member = withRequests[Math.floor(rnd() * withRequests.length)]!;
      const query =
        member.certificate !== null && rnd() < 0.3
          ? member.certificate
          : `${member.lastName} ${member.firstName}`;
      queries.push({
        kind: 'member query',
        body: { query, status: [...REQUEST_STATUSES] },
        nonEmpty: true,
      });
    }
  }
  return queries;
}

interface Page {
  data: unknown[];
  total: number;
}

/** B: staff's list through the admin gateway. */
async function listBenchmark(
  gateway: string,
  seeded: RequestsSeeded,
  members: readonly MemberSeed[],
  total: number,
) {
  out(`\nB. POST /requests (staff's list) through the admin gateway, ${whole(total)} requests`);
  const sign = tokenSigner(config.JWT_PRIVATE_KEY, config.JWT_ISSUER);
  const headers = { authorization: `Bearer ${sign.staff(2, 'staff', 'Bench Staff')}` };
  const queries = listQueries(seeded, members, 5_000);
  const callOf = (body: object): Call => ({
    method: 'POST',
    path: '/requests',
    headers,
    body: JSON.stringify(body),
  });

  const kinds = [...new Set(queries.map((query) => query.kind))];
  for (const kind of kinds) {
    const query = queries.find((candidate) => candidate.kind === kind)!;
    const { status, body } = await once(gateway, callOf(query.body));
    const page = status === 200 ? (JSON.parse(body) as Page) : null;
    out(
      `  e.g. ${kind.padEnd(17)} ${JSON.stringify(query.body)} → ${status}` +
        (page ? `, ${whole(page.total)} found, ${page.data.length} on the page` : `: ${body.slice(0, 300)}`),
    );
    if (status !== 200) {
      problems.push(`list: ${kind} answered ${status}`);
      loud(`staff's list answered ${status}; measuring anyway`);
    }
  }

  let cursor = 0;
  const byKind = new Map<ListKind, number[]>();
  const totals = new Map<ListKind, number[]>();
  let empty = 0;
  const next = () => {
    const query = queries[cursor++ % queries.length]!;
    return { call: callOf(query.body), tag: query };
  };
  const check = (query: ListQuery, status: number, body: string, took: number) => {
    if (status !== 200) return;
    const page = JSON.parse(body) as Page;
    byKind.set(query.kind, byKind.get(query.kind) ?? []);
    byKind.get(query.kind)!.push(took);
    totals.set(query.kind, totals.get(query.kind) ?? []);
    totals.get(query.kind)!.push(page.total);
    if (query.nonEmpty && (page.total === 0 || page.data.length === 0)) empty += 1;
  };

  await closedLoop(gateway, config.BENCH_LIST_CONNECTIONS, 2, next, () => {}); // warm-up
  const meter = cpuMeter(MYSQL_PORT);
  const loaded = await closedLoop(gateway, config.BENCH_LIST_CONNECTIONS, config.BENCH_SECONDS, next, check);
  const share = meter();
  const loadedByKind = new Map(byKind);
  byKind.clear();
  const alone = await closedLoop(gateway, 1, Math.max(3, Math.round(config.BENCH_SECONDS / 3)), next, check);

  out(
    `  ${config.BENCH_LIST_CONNECTIONS} at once: ${whole(answered(loaded) / loaded.seconds)} lists/s, ${latencyLine(loaded)}`,
  );
  for (const kind of kinds) {
    const times = (loadedByKind.get(kind) ?? []).sort((a, b) => a - b);
    const aloneTimes = (byKind.get(kind) ?? []).sort((a, b) => a - b);
    out(
      `    ${kind.padEnd(17)} ${String(times.length).padStart(5)} lists, p50 ${ms(percentile(times, 0.5))}, ` +
        `p95 ${ms(percentile(times, 0.95))}; one at a time p50 ${ms(percentile(aloneTimes, 0.5))}, ` +
        `p95 ${ms(percentile(aloneTimes, 0.95))}; median found ${whole(median(totals.get(kind) ?? [Number.NaN]))}`,
    );
  }
  out(`  one at a time: ${whole(answered(alone) / alone.seconds)} lists/s, ${latencyLine(alone)}`);
  out(`  during the ${config.BENCH_LIST_CONNECTIONS}-at-once run: ${shareLine(share)}`);
  conditions.push(`list, ${config.BENCH_LIST_CONNECTIONS} at once: ${shareLine(share)}`);

  const all: Answers = addAnswers(addAnswers(emptyAnswers(), loaded), alone);
  const failed = notOk(all) + all.errors;
  if (failed > 0) {
    problems.push(`list: ${failed} answers not 200 or lost (${statusList(all)}, ${all.errors} errors)`);
    loud(`staff's list: ${failed} of ${whole(answered(all) + all.errors)} failed: ${statusList(all)}`);
  }
  if (empty > 0) problems.push(`list: ${empty} lists that must find requests found none`);
  const p95 = p(loaded, 0.95);
  rows.push(
    {
      figure: `staff's list, ${config.BENCH_LIST_CONNECTIONS} at once, mixed bodies over ${whole(total)} requests (${whole(answered(loaded))} lists)`,
      target: `p95 < ${TARGET.listP95Ms} ms`,
      measured: `p50 ${ms(p(loaded, 0.5))}, p95 ${ms(p95)}, p99 ${ms(p(loaded, 0.99))}; ${whole(answered(loaded) / loaded.seconds)}/s`,
      verdict: verdict(p95 < TARGET.listP95Ms),
    },
    {
      figure: 'the same one list at a time',
      target: '—',
      measured: `p50 ${ms(p(alone, 0.5))}, p95 ${ms(p(alone, 0.95))}, p99 ${ms(p(alone, 0.99))}`,
      verdict: '—',
    },
    {
      figure: 'list answers not 200, or lost; lists that must find requests but are empty',
      target: '0, 0',
      measured: `${failed} of ${whole(answered(all) + all.errors)}${failed ? ` (${statusList(all)})` : ''}, ${empty}`,
      verdict: verdict(failed === 0 && empty === 0),
    },
  );
}

async function main() {
  const startedAt = performance.now();
  out(
    `requests benchmark: parts ${[...PARTS].join(' and ')}, ${whole(config.BENCH_REQUESTS)} requests and ` +
      `${whole(config.BENCH_MEMBERS)} members for the list, ${config.BENCH_SECONDS} s per measurement; ` +
      `${cpus().length} cores shared with the load generator, ${loadLine()} before starting`,
  );
  for (const name of ['member', 'request'] as const) {
    if (process.env[urlVariable(name)]) {
      out(`  (ignoring ${urlVariable(name)} from the environment: the benchmark starts its own ${name})`);
      delete process.env[urlVariable(name)];
    }
  }
  await clearBenchLeftovers();
  const filesDir = await mkdtemp(join(tmpdir(), 'kasa-bench-request-files-'));
  let stack: BenchStack | undefined;
  const database = await createConnection({ uri: config.MYSQL_URL, multipleStatements: false });
  try {
    // Only the processes the parts call: an idle one still takes its share of the 2 cores.
    const processes: ProcessName[] = ['request', 'member'];
    if (PARTS.has('create')) processes.push('mobile-gateway');
    if (PARTS.has('list')) processes.push('admin-gateway');
    stack = await startStack(processes, {
      NODE_ENV: 'production',
      MYSQL_URL: config.MYSQL_URL,
      AMQP_URL: config.AMQP_URL,
      MYSQL_SCHEMA_PREFIX: SCHEMA_PREFIX,
      AMQP_NAMESPACE: NAMESPACE,
      JWT_PRIVATE_KEY: config.JWT_PRIVATE_KEY,
      JWT_PUBLIC_KEY: config.JWT_PUBLIC_KEY,
      JWT_ISSUER: config.JWT_ISSUER,
      // The receipts go to a directory of the benchmark's own, removed at the end.
      FILES_DIR: filesDir,
      FILES_KEY: config.FILES_KEY ?? randomBytes(32).toString('base64'),
    });
    out(
      `  stack (${processes.join(', ')}) ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
    );

    const seedStarted = performance.now();
    const population = makePopulation(config.BENCH_MEMBERS);
    await seedMembers(database, `${SCHEMA_PREFIX}member`, population);
    out(
      `  seeded ${whole(population.members.length)} members in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );

    if (PARTS.has('create'))
      await createBenchmark(stack.url('mobile-gateway'), database, filesDir, population.members);
    if (PARTS.has('list')) {
      const started = performance.now();
      // Over whatever the creations left: those are counted in the total.
      const seeded = await seedRequests(
        database,
        REQUEST_SCHEMA,
        config.BENCH_REQUESTS,
        population.members.map((member) => member.id),
      );
      const total = await count(database, `SELECT COUNT(*) FROM \`${REQUEST_SCHEMA}\`.requests`);
      out(
        `\n  seeded ${whole(config.BENCH_REQUESTS)} requests (${[...seeded.byStatus].map(([status, n]) => `${status} ${whole(n)}`).join(', ')}) ` +
          `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      await listBenchmark(stack.url('admin-gateway'), seeded, population.members, total);
    }
    report.print(startedAt);
  } finally {
    await database.end();
    await stack?.stop();
    await clearBenchLeftovers().catch((error: unknown) =>
      out(`  could not clear the bench schemas: ${String(error)}`),
    );
    await rm(filesDir, { recursive: true, force: true });
  }
}

await main();

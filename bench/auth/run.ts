/**
 * Sign-in benchmark against the real auth service and mobile gateway (separate processes,
 * real MariaDB and RabbitMQ): SMS sign-in pairs per second (signrequest, the code read from
 * the notification queue, signin), then what token verification adds to a gateway round
 * trip (an authorized route against a public one of the same size). Bounded in
 * time; starts from a fresh schema and leaves nothing running.
 *
 *   ./kasa bench auth   (BENCH_SECONDS, BENCH_CONCURRENCY, BENCH_CONNECTIONS)
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AMQP_URL, loadConfig, MYSQL_URL } from '@kasa/config';
import { topologyNames } from '@kasa/messaging';
import amqplib from 'amqplib';
import autocannon from 'autocannon';
import { Type } from 'typebox';
import { type BenchStack, clearLeftovers, startStack } from '../support/stack.ts';

const config = loadConfig(
  Type.Object({
    MYSQL_URL,
    AMQP_URL,
    BENCH_SECONDS: Type.Integer({ minimum: 1, maximum: 120, default: 15 }),
    BENCH_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 200, default: 16 }),
    BENCH_CONNECTIONS: Type.Integer({ minimum: 1, maximum: 500, default: 32 }),
  }),
);
const NAMESPACE = 'bench.';
const SCHEMA_PREFIX = 'bench_';
const out = (line: string) => process.stdout.write(`${line}\n`);

/** Codes as the notification service would receive them, handed to whoever waits for a phone. */
async function listenForCodes() {
  const connection = await amqplib.connect(config.AMQP_URL);
  const channel = await connection.createChannel();
  const waiting = new Map<string, (code: string) => void>();
  const early = new Map<string, string>();
  let received = 0;
  const queue = topologyNames(NAMESPACE).queue({
    consumer: 'notification',
    event: 'auth.sign_code_requested',
  });
  await channel.consume(
    queue,
    (message) => {
      if (!message) return;
      received += 1;
      const { data } = JSON.parse(message.content.toString()) as { data: { phone: string; code: string } };
      const resolve = waiting.get(data.phone);
      if (resolve) resolve(data.code);
      else early.set(data.phone, data.code);
    },
    { noAck: true },
  );
  return {
    codeFor: (phone: string) =>
      new Promise<string>((resolve, reject) => {
        const code = early.get(phone);
        if (code !== undefined) {
          early.delete(phone);
          return resolve(code);
        }
        const timer = setTimeout(
          () => reject(new Error(`no code for ${phone} (${received} received)`)),
          10_000,
        );
        waiting.set(phone, (value) => {
          clearTimeout(timer);
          waiting.delete(phone);
          resolve(value);
        });
      }),
    close: () => connection.close(),
  };
}

const startFresh = () =>
  clearLeftovers({
    mysqlUrl: config.MYSQL_URL,
    amqpUrl: config.AMQP_URL,
    schemas: [`${SCHEMA_PREFIX}auth`],
    namespace: NAMESPACE,
  });

async function signInPairs(gateway: string, codes: Awaited<ReturnType<typeof listenForCodes>>) {
  const post = async (path: string, body: object) => {
    const response = await fetch(`${gateway}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 200)
      throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<Record<string, string>>;
  };
  let counter = 0;
  const pair = async () => {
    const phone = `+38063${String(1_000_000 + counter++).slice(1)}0`;
    await post('/user/signrequest', { phone, create: true });
    return (await post('/user/signin', { phone, code: await codes.codeFor(phone) })).access_token!;
  };

  await Promise.all(Array.from({ length: 20 }, pair)); // warm-up
  const durations: number[] = [];
  const until = Date.now() + config.BENCH_SECONDS * 1000;
  let token = '';
  await Promise.all(
    Array.from({ length: config.BENCH_CONCURRENCY }, async () => {
      while (Date.now() < until) {
        const started = performance.now();
        token = await pair();
        durations.push(performance.now() - started);
      }
    }),
  );
  durations.sort((a, b) => a - b);
  const at = (p: number) =>
    durations[Math.min(durations.length - 1, Math.floor(p * durations.length))]!.toFixed(0);
  const perSecond = Math.round(durations.length / config.BENCH_SECONDS);
  out(`  sign-in pairs: ${perSecond}/s, a pair p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`);
  return { perSecond, token };
}

/**
 * Two small routes that differ only in that one verifies a member's token: the public app
 * links and the authorized session route (both logged, both with a response schema). On a
 * shared 2-core machine one 10-second run of each differs by ±10% from noise alone, so
 * the routes take turns in short rounds and the medians are compared.
 */
async function roundTrips(gateway: string, token: string) {
  const load = async (
    path: string,
    seconds: number,
    headers: Record<string, string> = {},
    overallRate?: number,
  ) => {
    const result = await autocannon({
      url: `${gateway}${path}`,
      connections: config.BENCH_CONNECTIONS,
      duration: seconds,
      headers,
      ...(overallRate ? { overallRate } : {}),
    });
    if (result.errors > 0 || result['2xx'] !== result.requests.total) {
      throw new Error(
        `${path}: ${result.errors} errors, ${result['2xx']} of ${result.requests.total} answered 2xx`,
      );
    }
    return result;
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const authorized = { authorization: `Bearer ${token}` };
  const publicRoute = '/.well-known/apple-app-site-association';
  const rounds = Math.max(3, Math.round(config.BENCH_SECONDS / 2));
  await load(publicRoute, 3);
  await load('/user/session', 3, authorized);

  const open: number[] = [];
  const verified: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    open.push((await load(publicRoute, 3)).requests.average);
    verified.push((await load('/user/session', 3, authorized)).requests.average);
  }
  const openRps = median(open);
  const authorizedRps = median(verified);
  const cost = (100 * (openRps - authorizedRps)) / authorizedRps;
  out(
    `  public GET /.well-known/apple-app-site-association: ${openRps.toFixed(0)} req/s (median of ${rounds} rounds of 3 s)`,
  );
  out(`  authorized GET /user/session:                       ${authorizedRps.toFixed(0)} req/s`);
  out(
    `  at saturation a request costs ${(1e6 / openRps).toFixed(1)} µs public, ${(1e6 / authorizedRps).toFixed(1)} µs authorized: ` +
      `verification adds ${cost.toFixed(1)}% (target < 10%)`,
  );

  // One member's request alone on an idle gateway: the round trip itself, in microseconds.
  const alone: Record<'open' | 'verified', number[]> = { open: [], verified: [] };
  for (let round = 0; round < 3; round += 1) {
    alone.open.push(...(await oneAtATime(`${gateway}${publicRoute}`, {}, 2_000)));
    alone.verified.push(...(await oneAtATime(`${gateway}/user/session`, authorized, 2_000)));
  }
  const openAlone = median(alone.open);
  const verifiedAlone = median(alone.verified);
  out(
    `  one request at a time: a round trip takes ${openAlone.toFixed(0)} µs public, ${verifiedAlone.toFixed(0)} µs authorized ` +
      `(medians of 6,000): verification adds ${((100 * (verifiedAlone - openAlone)) / openAlone).toFixed(1)}%`,
  );
  return { openRps: Math.round(openRps), authorizedRps: Math.round(authorizedRps), cost };
}

/** `count` GETs one after another on one kept-alive connection; each one's time in µs. */
async function oneAtATime(url: string, headers: Record<string, string>, count: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      get(url, { agent, headers }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`${url} answered ${response.statusCode}`));
        response.resume();
        response.on('end', () => resolve((performance.now() - started) * 1000));
      }).on('error', reject);
    });
  const times: number[] = [];
  try {
    for (let index = 0; index < count; index += 1) times.push(await once());
  } finally {
    agent.destroy();
  }
  return times;
}

async function main() {
  await startFresh();
  const keys = await mkdtemp(join(tmpdir(), 'kasa-bench-keys-'));
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  await writeFile(join(keys, 'private.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  await writeFile(join(keys, 'public.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  let stack: BenchStack | undefined;
  try {
    stack = await startStack(['auth', 'mobile-gateway'], {
      MYSQL_URL: config.MYSQL_URL,
      AMQP_URL: config.AMQP_URL,
      MYSQL_SCHEMA_PREFIX: SCHEMA_PREFIX,
      AMQP_NAMESPACE: NAMESPACE,
      JWT_PRIVATE_KEY: join(keys, 'private.pem'),
      JWT_PUBLIC_KEY: join(keys, 'public.pem'),
      // Every pair uses a new phone from one address: lift the per-address cap, keep the rest.
      SIGN_MAX_PER_ADDRESS_PER_HOUR: '100000000',
    });
    const gateway = stack.url('mobile-gateway');
    const codes = await listenForCodes();
    try {
      out(
        `sign-in benchmark: ${config.BENCH_SECONDS}s of sign-in pairs (${config.BENCH_CONCURRENCY} at once), then gateway round trips`,
      );
      const { perSecond, token } = await signInPairs(gateway, codes);
      const trips = await roundTrips(gateway, token);
      out(JSON.stringify({ signInPairsPerSecond: perSecond, ...trips, cost: Number(trips.cost.toFixed(1)) }));
    } finally {
      await codes.close();
    }
  } finally {
    await stack?.stop();
    await rm(keys, { recursive: true, force: true });
  }
}

await main();

import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { nodeFlagsOf, type ProcessName, portVariable } from '@kasa/config';
import { SUBSCRIPTIONS } from '@kasa/contracts';
import { topologyNames } from '@kasa/messaging';
import { eventually, freePort, REPO_ROOT } from '@kasa/testing';
import amqplib from 'amqplib';
import { createConnection } from 'mysql2/promise';

export interface BenchStack {
  url(name: ProcessName): string;
  stop(): Promise<void>;
}

/** Where the processes' logs go: `.data/bench-logs/<name>.log`, rewritten on every run. */
export const BENCH_LOGS = `${REPO_ROOT}.data/bench-logs`;

/**
 * Starts real Kasa processes on free ports (each its own Node process, as in production)
 * with the given environment, and waits until each answers /health/ready. A name given twice
 * starts two instances of that service (`url` is the first one's). They log at `info`, as in
 * production (a line per request), to files under BENCH_LOGS (`<name>.log`, `<name>-2.log`).
 */
export async function startStack(names: ProcessName[], env: Record<string, string>): Promise<BenchStack> {
  const instances: { name: ProcessName; port: number; log: string }[] = [];
  for (const name of names) {
    const nth = instances.filter((instance) => instance.name === name).length + 1;
    instances.push({
      name,
      port: await freePort(),
      log: `${BENCH_LOGS}/${name}${nth === 1 ? '' : `-${nth}`}.log`,
    });
  }
  // Every process finds the others on their <SERVICE>_PORT: the first instance of each.
  const portEnv: Record<string, string> = {};
  for (const { name, port } of [...instances].reverse()) portEnv[portVariable(name)] = String(port);
  mkdirSync(BENCH_LOGS, { recursive: true });
  const children: ChildProcess[] = instances.map(({ name, port, log }) => {
    const file = openSync(log, 'w');
    try {
      return spawn(
        process.execPath,
        [...nodeFlagsOf(name), ...nodeFlags(), `${REPO_ROOT}services/${name}/src/main.ts`],
        {
          env: { ...process.env, LOG_LEVEL: 'info', ...env, ...portEnv, [portVariable(name)]: String(port) },
          stdio: ['ignore', file, file],
        },
      );
    } finally {
      closeSync(file); // the child holds its own copy
    }
  });
  const url = (name: ProcessName) =>
    `http://127.0.0.1:${instances.find((instance) => instance.name === name)?.port}`;
  for (const { port, log } of instances) {
    await eventually(
      async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.status === 200,
      { timeoutMs: 60_000, intervalMs: 200, message: `${log} ready` },
    );
  }
  return {
    url,
    async stop() {
      await Promise.all(
        children.map((child) => {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          return exited;
        }),
      );
    },
  };
}

/**
 * Extra flags for the services' Node processes, to look inside a run: BENCH_NODE_FLAGS='--cpu-prof
 * --cpu-prof-dir=/tmp/profiles' writes a CPU profile per process, '--trace-gc' logs each collection.
 */
function nodeFlags(): string[] {
  return (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
}

/** Removes what earlier runs left: the benchmark's schemas and its namespace's queues. */
export async function clearLeftovers({
  mysqlUrl,
  amqpUrl,
  schemas,
  namespace,
}: {
  mysqlUrl: string;
  amqpUrl: string;
  schemas: readonly string[];
  namespace: string;
}): Promise<void> {
  const database = await createConnection({ uri: mysqlUrl });
  for (const schema of schemas) await database.query(`DROP DATABASE IF EXISTS \`${schema}\``);
  await database.end();
  const connection = await amqplib.connect(amqpUrl);
  const channel = await connection.createChannel();
  const names = topologyNames(namespace);
  for (const subscription of SUBSCRIPTIONS) {
    await channel.deleteQueue(names.queue(subscription));
    await channel.deleteQueue(names.deadLetterQueue(names.queue(subscription)));
  }
  await connection.close();
}

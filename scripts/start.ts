/**
 * Development supervisor: runs the Kasa services as child processes, prefixes their output
 * with the service name, waits until each answers GET /health/ready, prints the URLs,
 * restarts a service that exits unexpectedly (with backoff) and stops everything on
 * SIGINT/SIGTERM.
 *
 *   node scripts/start.ts                # every service and gateway
 *   node scripts/start.ts auth member    # only these
 *
 * Configuration comes from the environment, which every service inherits (see SPEC §5;
 * `./kasa run` sets MYSQL_URL, AMQP_URL, JWT_PRIVATE_KEY and JWT_PUBLIC_KEY).
 */

import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { ServiceDefinition } from './services.ts';
import { SERVICES, serviceEntry, servicePort } from './services.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
/** A run at least this long counts as stable: the next crash restarts after 1 s again. */
const STABLE_RUN_MS = 60_000;
const STOP_GRACE_MS = 15_000;
const READY_POLL_MS = 250;
const READY_REQUEST_TIMEOUT_MS = 2_000;
const PENDING_NOTICE_MS = 30_000;
const DOUBLE_SIGNAL_WINDOW_MS = 1_500;

type Managed = {
  readonly service: ServiceDefinition;
  readonly port: number;
  readonly color: string;
  child: ChildProcess | undefined;
  startedAt: number;
  ready: boolean;
  /** Incremented at every spawn so that a readiness poll of an older run stops. */
  generation: number;
  restarts: number;
  backoffMs: number;
  restartTimer: NodeJS.Timeout | undefined;
};

const useColor = (() => {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true;
})();
const COLORS = ['36', '35', '33', '32', '34', '96', '95', '93'];
const paint = (code: string, text: string) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);
const bold = (text: string) => paint('1', text);

function say(message: string): void {
  process.stdout.write(`${paint('90', 'kasa'.padEnd(nameWidth))} | ${message}\n`);
}

function sayError(message: string): void {
  process.stderr.write(`${paint('31', 'kasa'.padEnd(nameWidth))} | ${message}\n`);
}

function selectServices(argv: string[]): ServiceDefinition[] {
  if (argv.length === 0) return [...SERVICES];
  const known = new Map<string, ServiceDefinition>(SERVICES.map((service) => [service.name, service]));
  const unknown = argv.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown service(s): ${unknown.join(', ')}; known: ${SERVICES.map((s) => s.name).join(', ')}\n`,
    );
    process.exit(2);
  }
  return SERVICES.filter((service) => argv.includes(service.name));
}

const selected = selectServices(process.argv.slice(2));
const nameWidth = Math.max(4, ...selected.map((service) => service.name.length));

const managed: Managed[] = [];
try {
  selected.forEach((service, index) => {
    managed.push({
      service,
      port: servicePort(service),
      color: COLORS[index % COLORS.length] ?? '0',
      child: undefined,
      startedAt: 0,
      ready: false,
      generation: 0,
      restarts: 0,
      backoffMs: FIRST_BACKOFF_MS,
      restartTimer: undefined,
    });
  });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}

const missing = managed.filter((m) => !existsSync(path.join(ROOT, serviceEntry(m.service))));
if (missing.length > 0) {
  process.stderr.write(`missing entry point(s): ${missing.map((m) => serviceEntry(m.service)).join(', ')}\n`);
  process.exit(1);
}

let shuttingDown = false;
let announced = false;

/** Copies a child's stream to ours line by line, each line prefixed with the service name. */
function pipeLines(source: Readable, target: Writable, prefix: string): void {
  let pending = '';
  source.setEncoding('utf8');
  source.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    if (lines.length > 0) target.write(lines.map((line) => `${prefix}${line.replace(/\r$/, '')}\n`).join(''));
  });
  source.on('end', () => {
    if (pending !== '') target.write(`${prefix}${pending}\n`);
    pending = '';
  });
}

function baseUrl(m: Managed): string {
  return `http://127.0.0.1:${m.port}`;
}

function start(m: Managed): void {
  m.restartTimer = undefined;
  m.ready = false;
  m.generation += 1;
  m.startedAt = Date.now();
  const child = spawn(process.execPath, [...m.service.nodeFlags, serviceEntry(m.service)], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: a Ctrl-C in the terminal reaches only this supervisor, which then
    // stops the services in order.
    detached: true,
  });
  m.child = child;
  const prefix = `${paint(m.color, m.service.name.padEnd(nameWidth))} | `;
  if (child.stdout) pipeLines(child.stdout, process.stdout, prefix);
  if (child.stderr) pipeLines(child.stderr, process.stderr, prefix);
  child.on('error', (error) => {
    sayError(`${m.service.name}: could not start: ${error.message}`);
  });
  child.on('exit', (code, signal) => onExit(m, child, code, signal));
  void waitReady(m, m.generation);
}

function onExit(m: Managed, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
  if (m.child !== child) return;
  m.child = undefined;
  m.ready = false;
  const how = signal ? `signal ${signal}` : `code ${code}`;
  if (shuttingDown) {
    say(`${m.service.name} stopped (${how})`);
    return;
  }
  const ranMs = Date.now() - m.startedAt;
  if (ranMs >= STABLE_RUN_MS) m.backoffMs = FIRST_BACKOFF_MS;
  const delay = m.backoffMs;
  m.backoffMs = Math.min(m.backoffMs * 2, MAX_BACKOFF_MS);
  m.restarts += 1;
  sayError(
    `${m.service.name} exited unexpectedly (${how}) after ${(ranMs / 1000).toFixed(1)} s; ` +
      `restarting in ${delay / 1000} s (restart #${m.restarts})`,
  );
  m.restartTimer = setTimeout(() => {
    if (shuttingDown) return;
    say(`restarting ${m.service.name}`);
    start(m);
  }, delay);
}

async function probe(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(READY_REQUEST_TIMEOUT_MS) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

async function waitReady(m: Managed, generation: number): Promise<void> {
  const url = `${baseUrl(m)}/health/ready`;
  while (!shuttingDown && m.generation === generation && m.child) {
    if (await probe(url)) {
      if (shuttingDown || m.generation !== generation || !m.child) return;
      m.ready = true;
      const seconds = ((Date.now() - m.startedAt) / 1000).toFixed(1);
      say(`${m.service.name} is ready on ${baseUrl(m)} (${seconds} s)${m.restarts > 0 ? ' again' : ''}`);
      if (!announced && managed.every((x) => x.ready)) {
        announced = true;
        printTable();
      }
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
}

/** The staff console's address, served by the admin gateway (`./kasa create-admin` makes its first user). */
function consoleLine(): string[] {
  const admin = managed.find((m) => m.service.name === 'admin-gateway');
  return admin ? [bold(`Staff console: ${baseUrl(admin)}/`), ''] : [];
}

function printTable(): void {
  const rows = managed.map((m) => [m.service.name, baseUrl(m), `${baseUrl(m)}/docs`] as const);
  const widths = [0, 1, 2].map((column) =>
    Math.max(
      ...rows.map((row) => row[column]?.length ?? 0),
      ['service', 'URL', 'API docs'][column]?.length ?? 0,
    ),
  );
  const line = (cells: readonly string[]) =>
    `  ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('   ')}`.trimEnd();
  const text = [
    '',
    bold(`Kasa is running (${managed.length} service${managed.length === 1 ? '' : 's'}). Ctrl-C stops it.`),
    '',
    bold(line(['service', 'URL', 'API docs'])),
    ...rows.map((row) => line(row)),
    '',
    ...consoleLine(),
  ].join('\n');
  process.stdout.write(`${text}\n`);
}

const pendingNotice = setInterval(() => {
  if (announced || shuttingDown) return;
  const pending = managed.filter((m) => !m.ready).map((m) => m.service.name);
  if (pending.length > 0) say(`still waiting for /health/ready of: ${pending.join(', ')}`);
}, PENDING_NOTICE_MS);
pendingNotice.unref();

let shutdownStartedAt = 0;

function shutdown(signal: NodeJS.Signals): void {
  if (shuttingDown) {
    // The same Ctrl-C often arrives twice (from the terminal and forwarded by ./kasa):
    // only a later one means "do not wait for the grace period".
    if (Date.now() - shutdownStartedAt < DOUBLE_SIGNAL_WINDOW_MS) return;
    say(`${signal} again: killing the remaining services`);
    for (const m of managed) m.child?.kill('SIGKILL');
    return;
  }
  shuttingDown = true;
  shutdownStartedAt = Date.now();
  clearInterval(pendingNotice);
  say(`${signal}: stopping the services`);
  for (const m of managed) {
    if (m.restartTimer) clearTimeout(m.restartTimer);
    m.restartTimer = undefined;
    m.child?.kill('SIGTERM');
  }
  const deadline = Date.now() + STOP_GRACE_MS;
  const check = setInterval(() => {
    const alive = managed.filter((m) => m.child !== undefined);
    if (alive.length === 0) {
      clearInterval(check);
      say('all services stopped');
      process.exit(0);
    }
    if (Date.now() >= deadline) {
      clearInterval(check);
      sayError(
        `still running after ${STOP_GRACE_MS / 1000} s, killing: ${alive.map((m) => m.service.name).join(', ')}`,
      );
      for (const m of alive) m.child?.kill('SIGKILL');
      setTimeout(() => process.exit(0), 500);
    }
  }, 100);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => shutdown(signal));

say(
  `starting ${managed.map((m) => `${m.service.name}:${m.port}`).join(', ')}` +
    ` (MYSQL_URL ${redactUrl(process.env.MYSQL_URL)}, AMQP_URL ${redactUrl(process.env.AMQP_URL)})`,
);
for (const m of managed) start(m);

/** Shows a connection URL without its password. */
function redactUrl(value: string | undefined): string {
  if (value === undefined || value === '') return 'default';
  try {
    const url = new URL(value);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return '(unparsable)';
  }
}

import { readdirSync, readlinkSync } from 'node:fs';
import { HZ, processTicks, read } from '../members/machine.ts';
import { FAKES_SCRIPT } from './fakes.ts';

/** Socket inodes listening on a TCP port (IPv4 and IPv6). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of (read(table) ?? '').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is ADDR:PORT; state 0A is LISTEN; the inode is the tenth field.
      if (fields[1]?.endsWith(`:${hex}`) && fields[3] === '0A') inodes.add(fields[9]!);
    }
  }
  return inodes;
}

/** The process named `comm` that listens on `port`, if it can be seen. */
function listenerOf(port: number, comm: string): number | null {
  const inodes = listeningInodes(port);
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || read(`/proc/${pid}/comm`)?.trim() !== comm) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (target.startsWith('socket:[') && inodes.has(target.slice(8, -1))) return pid;
      } catch {
        // gone meanwhile
      }
    }
  }
  return null;
}

/**
 * The benchmark's processes by name: this one ("bench"), the services it started (its
 * children running services/<name>/src/main.ts), the third parties' fakes ("fakes", when the
 * whole system runs), and the MariaDB and RabbitMQ listening on the benchmark's ports (not the
 * tests' servers beside them).
 */
export function benchProcesses(mysqlPort: number, amqpPort: number): Map<number, string> {
  const named = new Map<number, string>([[process.pid, 'bench']]);
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || processTicks(pid)?.parent !== process.pid) continue;
    const command = read(`/proc/${pid}/cmdline`) ?? '';
    const service = command.match(/services\/([\w-]+)\/src\/main\.ts/)?.[1];
    if (service) named.set(pid, service);
    else if (command.includes(FAKES_SCRIPT)) named.set(pid, 'fakes');
  }
  const mariadb = listenerOf(mysqlPort, 'mariadbd') ?? listenerOf(mysqlPort, 'mysqld');
  if (mariadb !== null) named.set(mariadb, 'mariadb');
  const rabbitmq = listenerOf(amqpPort, 'beam.smp');
  if (rabbitmq !== null) named.set(rabbitmq, 'rabbitmq');
  return named;
}

export interface ProcessShare {
  name: string;
  /** Cores busy on average. */
  cores: number;
}

/** Starts counting each process's CPU time; the returned function tells each one's cores since. */
export function processMeter(processes: ReadonlyMap<number, string>): () => ProcessShare[] {
  const ticks = () => new Map([...processes.keys()].map((pid) => [pid, processTicks(pid)?.ticks ?? 0]));
  const before = ticks();
  const startedAt = performance.now();
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const after = ticks();
    return [...processes]
      .map(([pid, name]) => ({ name, cores: (after.get(pid)! - before.get(pid)!) / HZ / seconds }))
      .sort((a, b) => b.cores - a.cores);
  };
}

export const processLine = (shares: readonly ProcessShare[]) =>
  shares.map((share) => `${share.name} ${share.cores.toFixed(2)}`).join(', ');

import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Clock ticks a second in /proc (USER_HZ: 100 on Linux). */
export const HZ = 100;

export const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** utime + stime of a process, in ticks, and its parent's id. */
export function processTicks(pid: number): { ticks: number; parent: number } | null {
  const stat = read(`/proc/${pid}/stat`);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

/** Busy ticks of the whole machine (all cores), or null without /proc. */
function machineTicks(): number | null {
  const line = read('/proc/stat')?.split('\n')[0];
  if (!line?.startsWith('cpu ')) return null;
  // user nice system idle iowait irq softirq steal …: busy is all but idle and iowait.
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return user! + nice! + system! + irq! + softirq! + (steal ?? 0);
}

/** This process, its children (the stack) and the local MariaDB the benchmark uses. */
function ourPids(mysqlPort: number): number[] {
  const pids: number[] = [process.pid];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const info = processTicks(pid);
    if (info?.parent === process.pid) pids.push(pid);
    else if (read(`/proc/${pid}/comm`)?.trim() === 'mariadbd') {
      const config = read(`/proc/${pid}/cmdline`)
        ?.split('\0')
        .find((arg) => arg.startsWith('--defaults-file='));
      const port = config
        ? read(config.slice('--defaults-file='.length))?.match(/^\s*port\s*=\s*(\d+)/m)
        : null;
      if (Number(port?.[1]) === mysqlPort) pids.push(pid);
    }
  }
  return pids;
}

export interface CpuShare {
  /** Cores busy on average, the whole machine. */
  machine: number;
  /** Of which the benchmark: load generator, services, its MariaDB. */
  ours: number;
  /** Everything else (other people's tests, the system). */
  others: number;
}

/**
 * Starts counting CPU time; the returned function tells the average cores busy since then,
 * the benchmark's and everyone else's. Null figures when /proc cannot be read.
 */
export function cpuMeter(mysqlPort: number): () => CpuShare | null {
  const pids = ourPids(mysqlPort);
  const sum = () => pids.reduce((total, pid) => total + (processTicks(pid)?.ticks ?? 0), 0);
  const startedAt = performance.now();
  const machine0 = machineTicks();
  const ours0 = sum();
  return () => {
    const machine1 = machineTicks();
    if (machine0 === null || machine1 === null) return null;
    const seconds = (performance.now() - startedAt) / 1000;
    const machine = Math.min(cpus().length, (machine1 - machine0) / HZ / seconds);
    const ours = Math.min(machine, (sum() - ours0) / HZ / seconds);
    return { machine, ours, others: Math.max(0, machine - ours) };
  };
}

export const shareLine = (share: CpuShare | null) =>
  share === null
    ? 'CPU use unknown'
    : `${share.machine.toFixed(2)} of ${cpus().length} cores busy: ${share.ours.toFixed(2)} the benchmark's, ${share.others.toFixed(2)} others'`;

import { type ChildProcess, spawn } from 'node:child_process';
import { type ProcessName, portVariable } from '@kasa/config';
import { eventually, freePort, REPO_ROOT } from '@kasa/testing';

export interface BenchStack {
  url(name: ProcessName): string;
  stop(): Promise<void>;
}

/**
 * Starts real Kasa processes on free ports (each its own Node process, as in production)
 * with the given environment, and waits until each answers /health/ready.
 */
export async function startStack(names: ProcessName[], env: Record<string, string>): Promise<BenchStack> {
  const ports = new Map<ProcessName, number>();
  for (const name of names) ports.set(name, await freePort());
  const portEnv = Object.fromEntries([...ports].map(([name, port]) => [portVariable(name), String(port)]));
  const children: ChildProcess[] = names.map((name) =>
    spawn(process.execPath, [`${REPO_ROOT}services/${name}/src/main.ts`], {
      env: { ...process.env, ...env, ...portEnv, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    }),
  );
  const url = (name: ProcessName) => `http://127.0.0.1:${ports.get(name)}`;
  for (const name of names) {
    await eventually(
      async () => (await fetch(`${url(name)}/health/ready`).catch(() => null))?.status === 200,
      { timeoutMs: 60_000, intervalMs: 200, message: `${name} ready` },
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

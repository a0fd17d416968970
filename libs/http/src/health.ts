import type { FastifyInstance } from 'fastify';
import { isShuttingDown } from './lifecycle.ts';

export type HealthCheck = () => Promise<void>;

export interface HealthOptions {
  /** Named dependencies to probe for readiness, e.g. `{ db: () => pool.ping() }`. */
  checks: Record<string, HealthCheck>;
  /** How long one check may take before it counts as failed. */
  timeoutMs?: number;
}

type CheckResults = Record<string, string>;

const REASON_MAX_LENGTH = 120;

export function registerHealth(app: FastifyInstance, { checks, timeoutMs = 1000 }: HealthOptions): void {
  // Probes come every few seconds: their request lines would drown the useful ones.
  const quiet = { logLevel: 'warn' as const, schema: { hide: true } };

  app.get('/health/live', quiet, async () => ({ status: 'ok' }));

  app.get('/health/ready', quiet, async (request, reply) => {
    if (isShuttingDown(app)) return reply.code(503).send({ status: 'error', message: 'shutting down' });
    const results = await runChecks(checks, timeoutMs);
    const ready = Object.values(results).every((result) => result === 'ok');
    if (ready) return { status: 'ok', checks: results };
    request.log.warn({ checks: results }, 'not ready');
    return reply.code(503).send({ status: 'error', message: 'not ready', checks: results });
  });
}

async function runChecks(checks: Record<string, HealthCheck>, timeoutMs: number): Promise<CheckResults> {
  const names = Object.keys(checks);
  const outcomes = await Promise.all(names.map((name) => runCheck(checks[name]!, timeoutMs)));
  return Object.fromEntries(names.map((name, index) => [name, outcomes[index]!]));
}

async function runCheck(check: HealthCheck, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(check), timeout]);
    return 'ok';
  } catch (error) {
    return `error: ${shortReason(error)}`;
  } finally {
    clearTimeout(timer);
  }
}

function shortReason(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > REASON_MAX_LENGTH ? `${line.slice(0, REASON_MAX_LENGTH - 1)}…` : line;
}

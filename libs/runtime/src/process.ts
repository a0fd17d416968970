import { ConfigError, loadDotEnv } from '@kasa/config';
import { type HttpApp, installGracefulShutdown } from '@kasa/http';
import type { Logger } from '@kasa/log';

export const VERSION = process.env.npm_package_version ?? '1.0.0';

/** A started Kasa process: its HTTP app and what it holds besides. */
export interface RunningProcess<Context extends { logger: Logger }> {
  app: HttpApp;
  context: Context;
  /** Closes what outlives HTTP, in the order that loses nothing. */
  release(): Promise<void>;
  /** HTTP first (in-flight requests finish), then `release`. */
  stop(): Promise<void>;
}

export function runningProcess<Context extends { logger: Logger }>(
  app: HttpApp,
  context: Context,
  release: () => Promise<void>,
): RunningProcess<Context> {
  return {
    app,
    context,
    release,
    async stop() {
      await app.close();
      await release();
    },
  };
}

/** A process's `main`: reads `.env`, starts, and stops cleanly on SIGTERM/SIGINT. */
export async function runUntilSignalled<Context extends { logger: Logger }>(
  start: () => Promise<RunningProcess<Context>>,
): Promise<void> {
  loadDotEnv();
  const { app, context, release } = await start().catch(exitOnStartFailure);
  installGracefulShutdown({ app, logger: context.logger, onClose: [release] });
}

export function exitOnStartFailure(error: unknown): never {
  const message = error instanceof ConfigError ? error.message : `Start failed: ${(error as Error).stack}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

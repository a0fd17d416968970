import type { Logger } from '@kasa/log';
import type { FastifyInstance } from 'fastify';
import { markShuttingDown } from './lifecycle.ts';

export type CloseHook = () => Promise<void>;

export interface ShutdownOptions {
  app: FastifyInstance;
  logger: Logger;
  /** Run in order after HTTP has drained: consumers, relay, broker, database. */
  onClose?: CloseHook[];
}

export interface GracefulShutdownOptions extends ShutdownOptions {
  /** After this long the process exits with 1, whatever is still open. */
  timeoutMs?: number;
  signals?: NodeJS.Signals[];
  /** How the process ends; tests pass a spy. */
  exit?: (code: number) => void;
}

/**
 * Stops taking work and closes everything, in an order that loses nothing: readiness fails
 * first, fastify stops accepting connections and lets in-flight requests finish, then the
 * caller's resources close one by one. A failing hook does not keep the later ones open;
 * the first failure is rethrown at the end.
 */
export async function shutdown({ app, logger, onClose = [] }: ShutdownOptions): Promise<void> {
  markShuttingDown(app);
  const failures: unknown[] = [];
  try {
    await app.close();
  } catch (error) {
    logger.error({ err: error }, 'closing the HTTP server failed');
    failures.push(error);
  }
  for (const [index, hook] of onClose.entries()) {
    try {
      await hook();
    } catch (error) {
      logger.error({ err: error, hook: hook.name || index }, 'a close hook failed');
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}

/** Runs `shutdown` on the first SIGTERM/SIGINT; a second signal exits at once. Returns an uninstaller. */
export function installGracefulShutdown(options: GracefulShutdownOptions): () => void {
  const { logger, timeoutMs = 15_000, signals = ['SIGTERM', 'SIGINT'], exit = process.exit } = options;
  let started = false;

  const onSignal = (signal: NodeJS.Signals) => {
    if (started) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      exit(1);
      return;
    }
    started = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown took too long: exiting');
      exit(1);
    }, timeoutMs);
    shutdown(options).then(
      () => {
        clearTimeout(deadline);
        logger.info('shut down');
        exit(0);
      },
      () => {
        clearTimeout(deadline);
        exit(1);
      },
    );
  };

  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}

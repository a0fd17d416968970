import { type Logger, pino } from 'pino';
import { serializeError } from './errors.ts';
import { censor, REDACT_PATHS } from './redaction.ts';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** The process's name: it stands on every line as `service`. */
  service: string;
  level?: string;
  /** Where lines go; stdout by default. Tests pass a stream to read them back. */
  destination?: NodeJS.WritableStream;
}

export function createLogger({ service, level = 'info', destination }: LoggerOptions): Logger {
  const options = {
    level,
    base: { service },
    redact: { paths: REDACT_PATHS, censor },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    serializers: { err: serializeError, error: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

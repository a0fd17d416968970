import { PassThrough } from 'node:stream';
import { createLogger, type Logger } from '@kasa/log';
import { createHttpApp, type HttpApp } from '../../src/index.ts';

export interface TestApp {
  app: HttpApp;
  logger: Logger;
  /** Every log line written so far, parsed. */
  logLines(): Array<Record<string, unknown>>;
}

export function createTestApp(options: { bodyLimit?: number } = {}): TestApp {
  const destination = new PassThrough();
  const chunks: string[] = [];
  destination.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const logger = createLogger({ service: 'test', level: 'debug', destination });
  const app = createHttpApp({ name: 'test', version: '1.0.0', logger, ...options });
  return {
    app,
    logger,
    logLines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

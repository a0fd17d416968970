import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from '@kasa/log';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyServerOptions,
  LogController,
  type RawServerDefault,
} from 'fastify';
import { declareCommonErrors } from './declared-errors.ts';
import { ErrorEnvelope } from './error-envelope.ts';
import { installErrorHandling, sendError } from './error-handler.ts';
import { isShuttingDown } from './lifecycle.ts';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id.ts';
import { installRequestLog } from './request-log.ts';
import { installSecurityHeaders, setSecurityHeaders } from './security-headers.ts';
import { strictValidation } from './strict-validation.ts';

export interface HttpAppOptions {
  /** The service's name, e.g. `member` or `mobile-gateway`. */
  name: string;
  version: string;
  logger: Logger;
  /** Largest accepted request body in bytes; fastify's default (1 MiB) otherwise. */
  bodyLimit?: number;
  trustProxy?: FastifyServerOptions['trustProxy'];
}

export function createHttpApp({ name, version, logger, bodyLimit, trustProxy }: HttpAppOptions) {
  // Typed with fastify's base logger so the app fits helpers written for any FastifyInstance.
  const app = Fastify<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger>({
    loggerInstance: logger,
    // installRequestLog writes the one line per request instead.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    genReqId: requestIdFor,
    // Shutdown closes idle keep-alive sockets at once; busy ones finish their request first.
    forceCloseConnections: 'idle',
    schemaController: strictValidation,
    frameworkErrors: (error, request, reply) => {
      reply.header(REQUEST_ID_HEADER, request.id);
      setSecurityHeaders(reply);
      sendError(error, request, reply);
    },
    ...(bodyLimit === undefined ? {} : { bodyLimit }),
    ...(trustProxy === undefined ? {} : { trustProxy }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addSchema(ErrorEnvelope);
  declareCommonErrors(app);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  app.addHook('onReady', (done) => {
    app.log.info({ version }, `${name} is ready`);
    done();
  });
  // A keep-alive socket busy when shutdown began only turns idle after its answer; without
  // this, closing would wait for the client to drop it (up to the keep-alive timeout).
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (isShuttingDown(app)) reply.header('connection', 'close');
    done(null, payload);
  });
  installSecurityHeaders(app);
  installRequestLog(app);
  installErrorHandling(app);
  return app;
}

export type HttpApp = ReturnType<typeof createHttpApp>;

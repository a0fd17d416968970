import type { FastifyInstance } from 'fastify';

/**
 * One line per answered request instead of fastify's two ("incoming request", "request
 * completed"). The query string stays out: it may carry personal data.
 * A route quietens it with `logLevel: 'warn'` (health probes do).
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    const queryAt = request.url.indexOf('?');
    request.log.info(
      {
        method: request.method,
        url: queryAt === -1 ? request.url : request.url.slice(0, queryAt),
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
    done();
  });
}

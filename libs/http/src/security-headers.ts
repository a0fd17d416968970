import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Headers every answer of every Kasa process carries:
 *
 * - `X-Content-Type-Options: nosniff`, so a browser never runs an answer as another type than
 *   the one we named (an uploaded file or an error echoing input as HTML or script).
 * - `Cache-Control: no-store` unless the route set its own. Nearly every answer carries personal
 *   data or a token, and a proxy or the app's HTTP cache keeping one would hand it to the next
 *   user of the device or network. A route-by-route list of what is personal would go stale as
 *   routes are added, so no-store is the default everywhere; the few public answers (program
 *   list, terms, apple-app-site-association, health, docs) lose only their cacheability, and a
 *   route that wants to be cached says so by setting its own Cache-Control.
 */
export function setSecurityHeaders(reply: FastifyReply): void {
  reply.header('x-content-type-options', 'nosniff');
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
}

/**
 * onSend runs for route answers, thrown errors and not-found alike; a request fastify cannot
 * route at all (a malformed URL) skips hooks, so createHttpApp's frameworkErrors sets them too.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (_request, reply, payload, done) => {
    setSecurityHeaders(reply);
    done(null, payload);
  });
}

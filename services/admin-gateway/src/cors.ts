import fastifyCors from '@fastify/cors';
import type { HttpApp } from '@kasa/http';

/**
 * The seed's admin app put these on every answer (seeds/000 admin-app/main.py
 * `add_cors_headers`), and its site is served from another origin: without them a browser
 * shows it nothing. Kasa adds PATCH (its own routes) and `x-access-token` (the seed's other
 * token header).
 */
export const CORS_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];
export const CORS_HEADERS = ['Content-Type', 'Content-Disposition', 'Authorization', 'x-access-token'];

/** `*`, or the listed origins (each answered with its own name, as browsers require). */
export function corsOriginsOf(setting: string): '*' | string[] {
  if (setting.trim() === '*') return '*';
  return setting
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/**
 * Cross-origin access for the admin site: every answer (errors and unknown paths too) carries
 * the allowed origin, set before any route's own checks run; a preflight to any path is
 * answered 200, as Flask answered OPTIONS, whatever it asks.
 */
export async function registerCors(app: HttpApp, origins: '*' | string[]): Promise<void> {
  await app.register(fastifyCors, {
    origin: origins,
    methods: CORS_METHODS,
    allowedHeaders: CORS_HEADERS,
    optionsSuccessStatus: 200,
    strictPreflight: false,
    hook: 'onRequest',
  });
}

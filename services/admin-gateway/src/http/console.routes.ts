import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { type HttpApp, notFound } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import type { Static } from 'typebox';
import type { AdminGatewaySettings } from '../settings.ts';

/** The repository's build of the console, when CONSOLE_DIR does not name another. */
const BUILT_CONSOLE = fileURLToPath(new URL('../../../../web/console/dist', import.meta.url));

/** Where the page's nonce goes (see web/console/index.html). */
const NONCE_MARK = /__CSP_NONCE__/g;

/**
 * What the console may load: its own scripts, styles (Mantine's style tags by the page's nonce),
 * fonts and API, pictures and PDFs it made from documents it fetched (`blob:`), nothing from any
 * other origin, and no page may frame it.
 */
export function consolePolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The staff console (web/console), served beside the API: its page at `/`, with a fresh nonce
 * and a strict Content-Security-Policy each time, never cached; its hashed files under
 * `/assets/`, cached for a year, since a new build has new names.
 */
export async function consoleRoutes(
  app: HttpApp,
  { settings }: GatewayContext<Static<typeof AdminGatewaySettings>>,
): Promise<void> {
  const root = settings.CONSOLE_DIR || BUILT_CONSOLE;
  const page = join(root, 'index.html');
  // Read again when a new build replaces it (its scripts have new names), else kept.
  let template: { text: string; modified: number } | null = null;
  const pageText = (): string | null => {
    if (!existsSync(page)) return null;
    const modified = statSync(page).mtimeMs;
    if (template?.modified !== modified) template = { text: readFileSync(page, 'utf8'), modified };
    return template.text;
  };

  await app.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    immutable: true,
    maxAge: '365d',
    // The build's brotli and gzip copies, as the browser accepts them.
    preCompressed: true,
    // A build not made yet is not a fault of the gateway: the API works without it.
    allowedPath: () => existsSync(root),
  });

  app.get(
    '/',
    {
      schema: {
        tags: ['console'],
        summary: 'The staff console (an HTML page; its screens use this API)',
        description:
          "404 until the console is built (`pnpm --filter @kasa/console build`; `./kasa run` builds it when it's missing).",
      },
    },
    async (_request, reply) => {
      const html = pageText();
      if (html === null) throw notFound('The staff console is not built', 'console_not_built');
      const nonce = randomBytes(16).toString('base64');
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', consolePolicy(nonce))
        .header('x-frame-options', 'DENY')
        .header('referrer-policy', 'no-referrer')
        .header('cache-control', 'no-store')
        .send(html.replace(NONCE_MARK, nonce));
    },
  );
}

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

export interface OpenApiOptions {
  title: string;
  version: string;
  description?: string;
  servers?: Array<{ url: string; description?: string }>;
  /** Declare the token schemes; routes opt in with `schema: { security: bearerSecurity }`. */
  bearerAuth?: boolean;
}

/** Either header carries the same token (SPEC §6): a route accepts one or the other. */
export const bearerSecurity: ReadonlyArray<Record<string, readonly string[]>> = [
  { bearerAuth: [] },
  { accessToken: [] },
];

const SECURITY_SCHEMES = {
  bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
  accessToken: { type: 'apiKey', in: 'header', name: 'x-access-token' },
} as const;

/**
 * Serves the API description at `/docs` (JSON at `/docs/json`). Register it before the routes:
 * it collects them as they are added.
 */
export async function registerOpenApi(app: FastifyInstance, options: OpenApiOptions): Promise<void> {
  const { title, version, description, servers, bearerAuth = false } = options;
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title, version, ...(description === undefined ? {} : { description }) },
      ...(servers === undefined ? {} : { servers }),
      components: bearerAuth ? { securitySchemes: SECURITY_SCHEMES } : {},
    },
    // Shared schemas keep their $id as their component name (e.g. ErrorEnvelope), not `def-0`.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) =>
        typeof json.$id === 'string' ? json.$id : `def-${index}`,
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', logLevel: 'warn' });
}

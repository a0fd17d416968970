import { RevokedSessions } from '@kasa/http';
import { startGateway } from '@kasa/runtime';
import { generateEd25519Keys } from '@kasa/testing';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { adminGateway } from '../../../services/admin-gateway/src/gateway.ts';

/** Where the console's API types live, checked in: the console is built and type-checked against them. */
export const ADMIN_API_TYPES = new URL('../src/api/admin-api.d.ts', import.meta.url);

const HEADER =
  "// The admin gateway's API, generated from its OpenAPI by `pnpm --filter @kasa/console api`.\n" +
  '// Do not edit: a change of the API changes this file, and the console breaks at build time.\n\n';

/** The admin gateway's OpenAPI, as it serves it at `/docs/json`, without starting anything it calls. */
export async function adminOpenApi(): Promise<OpenAPI3> {
  const env = { JWT_PUBLIC_KEY: generateEd25519Keys().publicKeyPem, LOG_LEVEL: 'silent' };
  const gateway = await startGateway(adminGateway, {
    env,
    listen: false,
    revokedSessions: new RevokedSessions(),
  });
  try {
    return (await gateway.app.inject({ url: '/docs/json' })).json();
  } finally {
    await gateway.stop();
  }
}

/** The TypeScript types of the admin gateway's API, as `openapi-fetch` takes them. */
export async function adminApiTypes(): Promise<string> {
  return HEADER + astToString(await openapiTS(await adminOpenApi()));
}

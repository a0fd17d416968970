import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SEED_ROUTES, type SeedRoute } from '@kasa/contracts';
import { type GatewayDefinition, type RunningGateway, startGateway } from '@kasa/runtime';
import { generateEd25519Keys } from '@kasa/testing';
import type { TObject } from 'typebox';
import { mobileGateway } from '../../../mobile-gateway/src/gateway.ts';
import { adminGateway } from '../../src/gateway.ts';

/**
 * Every seed route keeps its place and declares what it answers, success and errors, in its
 * gateway's OpenAPI (generated from the routes' response schemas): the contract a client can read.
 */

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

const keys = generateEd25519Keys();
const documents: Partial<Record<SeedRoute['gateway'], Document>> = {};
const gateways: RunningGateway[] = [];

/** Each gateway has settings of its own: started one by one, so each keeps its type. */
async function documentOf<S extends TObject>(definition: GatewayDefinition<S>): Promise<Document> {
  const env = { JWT_PUBLIC_KEY: keys.publicKeyPem, LOG_LEVEL: 'silent' };
  const gateway = await startGateway(definition, { env, listen: false });
  gateways.push(gateway);
  return (await gateway.app.inject({ url: '/docs/json' })).json();
}

before(async () => {
  documents.mobile = await documentOf(mobileGateway);
  documents.admin = await documentOf(adminGateway);
});

after(() => Promise.all(gateways.map((gateway) => gateway.stop())));

const openApiPath = (path: string) => path.replace(/:([a-z_]+)/g, '{$1}');

for (const route of SEED_ROUTES) {
  test(`${route.gateway} ${route.method} ${route.path} (${route.seed}) declares its answers`, () => {
    const operation = documents[route.gateway]?.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
    assert.ok(operation, 'the route is in the OpenAPI document');
    const responses = Object.entries(operation.responses ?? {});
    const declared = (status: string) =>
      responses.some(([code, answer]) => code === status && answer.content !== undefined);
    if (!route.file)
      assert.ok(declared('200'), `a 200 answer with its schema; has ${responses.map(([c]) => c)}`);
    assert.ok(
      responses.some(([code, answer]) => /^[45]\d\d$/.test(code) && answer.content !== undefined),
      `its error answers with their schemas; has ${responses.map(([code]) => code)}`,
    );
  });
}

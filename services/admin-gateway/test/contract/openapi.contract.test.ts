import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SEED_ROUTES, type SeedRoute } from '@kasa/contracts';
import { type RunningGateway, startGateway } from '@kasa/runtime';
import { generateEd25519Keys } from '@kasa/testing';
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

before(async () => {
  const env = { JWT_PUBLIC_KEY: keys.publicKeyPem, LOG_LEVEL: 'silent' };
  for (const [name, definition] of [
    ['mobile', mobileGateway],
    ['admin', adminGateway],
  ] as const) {
    const gateway = await startGateway(definition, { env, listen: false });
    gateways.push(gateway);
    documents[name] = (await gateway.app.inject({ url: '/docs/json' })).json();
  }
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

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from 'typebox';
import { bearerSecurity, ErrorResponse, registerOpenApi } from '../src/index.ts';
import { createTestApp } from './support/test-app.ts';

async function documentedApp() {
  const { app } = createTestApp();
  await registerOpenApi(app, { title: 'member', version: '2.1.0', bearerAuth: true });
  app.post(
    '/program/change',
    {
      schema: {
        security: bearerSecurity,
        body: Type.Object({ program_id: Type.Integer() }),
        response: { 200: Type.Object({ message: Type.String() }), 404: ErrorResponse },
      },
    },
    async () => ({ message: 'ok' }),
  );
  await app.ready();
  const response = await app.inject({ method: 'GET', url: '/docs/json' });
  assert.equal(response.statusCode, 200);
  return response.json();
}

test('the OpenAPI JSON lists a route with its body schema', async () => {
  const document = await documentedApp();
  assert.equal(document.info.title, 'member');
  assert.equal(document.info.version, '2.1.0');
  const operation = document.paths['/program/change'].post;
  const body = operation.requestBody.content['application/json'].schema;
  assert.deepEqual(body.required, ['program_id']);
  assert.equal(body.properties.program_id.type, 'integer');
});

test('the error envelope is a reusable component that responses point to', async () => {
  const document = await documentedApp();
  assert.deepEqual(Object.keys(document.components.schemas.ErrorEnvelope.properties), ['status', 'message']);
  const notFound = document.paths['/program/change'].post.responses['404'];
  assert.equal(notFound.content['application/json'].schema.$ref, '#/components/schemas/ErrorEnvelope');
});

test('bearerAuth documents both the Authorization and the x-access-token header', async () => {
  const document = await documentedApp();
  assert.deepEqual(document.components.securitySchemes.bearerAuth, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  assert.deepEqual(document.components.securitySchemes.accessToken, {
    type: 'apiKey',
    in: 'header',
    name: 'x-access-token',
  });
  assert.deepEqual(document.paths['/program/change'].post.security, [
    { bearerAuth: [] },
    { accessToken: [] },
  ]);
});

test('the docs page is served at /docs', async () => {
  const { app } = createTestApp();
  await registerOpenApi(app, { title: 'member', version: '2.1.0' });
  const response = await app.inject({ method: 'GET', url: '/docs/' });
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /text\/html/);
});

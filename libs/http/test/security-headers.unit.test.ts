import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from 'typebox';
import { notFound } from '../src/index.ts';
import { createTestApp } from './support/test-app.ts';

function appWithRoutes() {
  const { app } = createTestApp();
  app.get('/ok', async () => ({ name: 'Олена' }));
  app.get('/text', async (_request, reply) => reply.type('text/plain').send('hello'));
  app.get('/missing', async () => {
    throw notFound('Member not found');
  });
  app.get('/broken', async () => {
    throw new Error('database went away');
  });
  app.post(
    '/echo',
    { schema: { body: Type.Object({ name: Type.String() }) } },
    async (request) => request.body,
  );
  app.get('/cacheable', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return { programs: [] };
  });
  return app;
}

const cases: Array<[string, { method: 'GET' | 'POST'; url: string; payload?: string }, number]> = [
  ['a JSON answer', { method: 'GET', url: '/ok' }, 200],
  ['a text answer', { method: 'GET', url: '/text' }, 200],
  ['a thrown AppError', { method: 'GET', url: '/missing' }, 404],
  ['an unexpected error', { method: 'GET', url: '/broken' }, 500],
  ['an unknown route', { method: 'GET', url: '/nowhere' }, 404],
  ['a body failing its schema', { method: 'POST', url: '/echo', payload: '{}' }, 400],
  ['an unreadable JSON body', { method: 'POST', url: '/echo', payload: '{"name":' }, 400],
  ['a malformed URL (a framework error)', { method: 'GET', url: '/ok/%E0%A4%A' }, 400],
];

for (const [what, request, statusCode] of cases) {
  test(`${what} carries nosniff and no-store`, async () => {
    const app = appWithRoutes();
    const response = await app.inject({
      ...request,
      ...(request.payload === undefined ? {} : { headers: { 'content-type': 'application/json' } }),
    });
    await app.close();
    assert.equal(response.statusCode, statusCode, response.body);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['cache-control'], 'no-store');
  });
}

test("a route's own Cache-Control is kept; nosniff is still added", async () => {
  const app = appWithRoutes();
  const response = await app.inject({ method: 'GET', url: '/cacheable' });
  await app.close();
  assert.equal(response.headers['cache-control'], 'public, max-age=300');
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
});

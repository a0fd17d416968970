import assert from 'node:assert/strict';
import { test } from 'node:test';
import formBody from '@fastify/formbody';
import { Type } from 'typebox';
import { createTestApp } from './support/test-app.ts';

/** A route that echoes what its handler was given, after validation. */
async function echoApp() {
  const { app } = createTestApp();
  await app.register(formBody);
  const Body = Type.Object({
    id: Type.Optional(Type.Integer({ minimum: 1 })),
    amount: Type.Optional(Type.Number()),
    price: Type.Optional(Type.Union([Type.Number(), Type.String({ maxLength: 20 })])),
    message: Type.Optional(Type.String()),
    active: Type.Optional(Type.Boolean()),
    parent: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
    tags: Type.Optional(Type.Array(Type.Integer())),
    nested: Type.Optional(Type.Object({ count: Type.Integer() })),
  });
  app.post('/echo', { schema: { body: Body } }, async (request) => ({ got: request.body }));
  app.get(
    '/things/:id',
    {
      schema: {
        params: Type.Object({ id: Type.Integer() }),
        querystring: Type.Object({
          status: Type.Optional(Type.Array(Type.Integer())),
          all: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (request) => ({ params: request.params, query: request.query }),
  );
  return app;
}

const json = (payload: unknown) => ({
  method: 'POST' as const,
  url: '/echo',
  headers: { 'content-type': 'application/json' },
  payload: JSON.stringify(payload),
});

test('a field takes its own type, and decimal text for a number', async () => {
  const app = await echoApp();
  const answer = await app.inject(
    json({ id: '42', amount: '12.50', price: '7.25', message: 'привіт', tags: ['1', 2] }),
  );
  assert.equal(answer.statusCode, 200, answer.body);
  assert.deepEqual(answer.json().got, {
    id: 42,
    amount: 12.5,
    price: '7.25',
    message: 'привіт',
    tags: [1, 2],
  });
});

for (const [what, payload, message] of [
  ['a boolean as an amount', { amount: true }, "Field 'amount' must be a number"],
  ['a boolean as an id', { id: true }, "Field 'id' must be an integer"],
  ['hex text as an amount', { amount: '0x10' }, "Field 'amount' must be a number"],
  ['an exponent as an amount', { amount: '1e3' }, "Field 'amount' must be a number"],
  ['padded text as an id', { id: ' 7' }, "Field 'id' must be an integer"],
  ['a list as a text', { message: ['a'] }, "Field 'message' must be a string"],
  ['a number as a text', { message: 5 }, "Field 'message' must be a string"],
  ['a list as an amount', { amount: ['a'] }, "Field 'amount' must be a number"],
  ['a boolean as an amount or its text', { price: true }, "Field 'price' has an invalid value"],
  ['a fraction as an id', { id: '1.5' }, "Field 'id' must be an integer"],
  ['a 400-digit id', { id: '9'.repeat(400) }, "Field 'id' must be at most 9007199254740991"],
  ['a 20-digit JSON id', { id: 2 ** 60 }, "Field 'id' must be at most 9007199254740991"],
  ['a boolean inside an object', { nested: { count: false } }, "Field 'nested.count' must be an integer"],
  ['text as a boolean', { active: 'yes' }, "Field 'active' must be a boolean"],
] as const) {
  test(`${what} is a 400 naming the field`, async () => {
    const app = await echoApp();
    const answer = await app.inject(json(payload));
    assert.equal(answer.statusCode, 400, answer.body);
    assert.equal(answer.json().message, message);
  });
}

test('booleans read true/false and the seed’s 1/0 flags; an empty text is null where null is allowed', async () => {
  const app = await echoApp();
  for (const [sent, read] of [
    [true, true],
    ['false', false],
    [1, true],
    ['0', false],
  ] as const) {
    const answer = await app.inject(json({ active: sent }));
    assert.equal(answer.json().got.active, read, `${JSON.stringify(sent)}`);
  }
  const nullable = await app.inject(json({ parent: '' }));
  assert.equal(nullable.statusCode, 200, nullable.body);
  assert.equal(nullable.json().got.parent, null);
});

test('an urlencoded form reads as text, decoded the same way', async () => {
  const app = await echoApp();
  const ok = await app.inject({
    method: 'POST',
    url: '/echo',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'id=3&amount=100&active=true',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json().got, { id: 3, amount: 100, active: true });
  const hex = await app.inject({
    method: 'POST',
    url: '/echo',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'amount=0x10',
  });
  assert.equal(hex.statusCode, 400);
});

test('paths and query strings are text: decimal ids, one value for a list', async () => {
  const app = await echoApp();
  const ok = await app.inject({ method: 'GET', url: '/things/12?status=3&all=true' });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), { params: { id: 12 }, query: { status: [3], all: true } });
  const many = await app.inject({ method: 'GET', url: '/things/12?status=3&status=4' });
  assert.deepEqual(many.json().query.status, [3, 4]);
  for (const url of ['/things/0x10', '/things/1e3', `/things/${'9'.repeat(90)}`, '/things/12?status=x']) {
    const answer = await app.inject({ method: 'GET', url });
    assert.equal(answer.statusCode, 400, `${url}: ${answer.body}`);
  }
  // fastify refuses a path parameter over 100 characters before any schema sees it.
  const long = await app.inject({ method: 'GET', url: `/things/${'9'.repeat(400)}` });
  assert.equal(long.statusCode, 414);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from 'typebox';
import { createTestApp } from './support/test-app.ts';

const SignIn = Type.Object({
  phone: Type.String({ pattern: '^\\+380\\d{9}$' }),
  code: Type.String({ minLength: 4, maxLength: 6 }),
  email: Type.Optional(Type.String({ format: 'email' })),
  amount: Type.Optional(Type.Number({ minimum: 1 })),
  status: Type.Optional(Type.Array(Type.Union([Type.Literal('opened'), Type.Literal('closed')]))),
  filter: Type.Optional(Type.Object({ query: Type.String() })),
  kind: Type.Optional(Type.Union([Type.Literal('topup'), Type.Literal('payout')])),
  months: Type.Optional(Type.Integer({ maximum: 12 })),
});

async function messageFor(body: unknown): Promise<{ statusCode: number; message: unknown }> {
  const { app } = createTestApp();
  app.post('/signin', { schema: { body: SignIn } }, async () => ({ ok: true }));
  const response = await app.inject({ method: 'POST', url: '/signin', payload: body as object });
  const json = response.json();
  assert.equal(json.status, 'error');
  return { statusCode: response.statusCode, message: json.message };
}

const valid = { phone: '+380671234567', code: '1234' };

test('a missing field answers 400 "Field is required"', async () => {
  assert.deepEqual(await messageFor({ code: '1234' }), {
    statusCode: 400,
    message: "Field 'phone' is required",
  });
});

test('a field of the wrong type says which type it must be', async () => {
  const { message } = await messageFor({ ...valid, amount: 'ten' });
  assert.equal(message, "Field 'amount' must be a number");
});

test('a field that misses its pattern says its format is invalid', async () => {
  const { message } = await messageFor({ ...valid, phone: '0671234567' });
  assert.equal(message, "Field 'phone' has an invalid format");
});

test('a malformed email says it must be a valid email address', async () => {
  const { message } = await messageFor({ ...valid, email: 'not-an-email' });
  assert.equal(message, "Field 'email' must be a valid email address");
});

test('a too short string says how long it must be', async () => {
  const { message } = await messageFor({ ...valid, code: '12' });
  assert.equal(message, "Field 'code' must be at least 4 characters long");
});

test('a number below its minimum says the minimum', async () => {
  const { message } = await messageFor({ ...valid, amount: 0 });
  assert.equal(message, "Field 'amount' must be at least 1");
});

test('a value outside a union of literals lists the allowed values', async () => {
  const { message } = await messageFor({ ...valid, kind: 'refund' });
  assert.equal(message, "Field 'kind' must be one of: topup, payout");
});

test('an array item names its index', async () => {
  const { message } = await messageFor({ ...valid, status: ['opened', 'lost'] });
  assert.equal(message, "Field 'status[1]' must be one of: opened, closed");
});

test('a nested field is named by its dotted path', async () => {
  const { message } = await messageFor({ ...valid, filter: {} });
  assert.equal(message, "Field 'filter.query' is required");
});

test('an unknown keyword falls back to the validator message after the field', async () => {
  const { app } = createTestApp();
  const Body = Type.Object({
    tags: Type.Array(Type.String(), { uniqueItems: true, contains: Type.Literal('a') }),
  });
  app.post('/tags', { schema: { body: Body } }, async () => ({ ok: true }));
  const response = await app.inject({ method: 'POST', url: '/tags', payload: { tags: ['b'] } });
  assert.equal(response.statusCode, 400);
  assert.match(response.json().message, /^Field 'tags' must contain/);
});

test('a query parameter of the wrong type names the parameter', async () => {
  const { app } = createTestApp();
  const Query = Type.Object({ limit: Type.Integer() });
  app.get('/payments', { schema: { querystring: Query } }, async () => ({ ok: true }));
  const response = await app.inject({ method: 'GET', url: '/payments?limit=many' });
  assert.equal(response.statusCode, 400);
  assert.equal(response.json().message, "Field 'limit' must be an integer");
});

test('a missing body says the request body must be an object', async () => {
  const { app } = createTestApp();
  app.post('/signin', { schema: { body: SignIn } }, async () => ({ ok: true }));
  const response = await app.inject({ method: 'POST', url: '/signin' });
  assert.equal(response.statusCode, 400);
  assert.equal(response.json().message, 'Request body must be an object');
});

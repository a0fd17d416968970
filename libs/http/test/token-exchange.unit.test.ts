import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUDIENCE, claimsFor, generateEd25519Keys, ISSUER, seedToken, signToken } from '@kasa/testing';
import {
  ACCESS_TOKEN_HEADER,
  callerToken,
  isSeedToken,
  RevokedSessions,
  registerJwtAuth,
  requireAuth,
  requireRole,
  type TokenExchange,
  unauthorized,
} from '../src/index.ts';
import { createTestApp } from './support/test-app.ts';

const keys = generateEd25519Keys();
const SECRET = 'old secret';

/** An exchange as a gateway's, its auth service played here: each HS256 token gets a session. */
function fakeExchange(options: { refuse?: boolean; delayMs?: number } = {}) {
  const trades: string[] = [];
  const exchange: TokenExchange = {
    recognises: isSeedToken,
    async exchange(token) {
      trades.push(token);
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
      if (options.refuse)
        throw unauthorized('Your session has ended; please sign in again', 'session_revoked');
      return signToken(keys.privateKey, claimsFor({ sub: '42', sid: `seed-${trades.length}` }));
    },
  };
  return { exchange, trades };
}

async function gateway(exchange: TokenExchange | undefined, revoked = new RevokedSessions()) {
  if (!revoked.loaded) revoked.learn([], Date.now());
  const { app } = createTestApp();
  await registerJwtAuth(app, {
    publicKey: keys.publicKeyPem,
    algorithms: ['EdDSA'],
    issuer: ISSUER,
    audience: AUDIENCE,
    revokedSessions: revoked,
    ...(exchange ? { exchange } : {}),
  });
  app.get('/me', { onRequest: requireAuth() }, async (request) => ({
    sub: request.user.sub,
    sid: request.user.sid,
    passedOn: callerToken(request),
  }));
  app.get('/admin', { onRequest: requireRole('admin') }, async () => ({ ok: true }));
  return app;
}

const get = (app: Awaited<ReturnType<typeof gateway>>, url: string, token: string) =>
  app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

test("another issuer's token is traded once and the request goes on as the Kasa token's", async () => {
  const { exchange, trades } = fakeExchange({ delayMs: 20 });
  const app = await gateway(exchange);
  const token = seedToken(SECRET, { user_id: 42 });
  const answers = await Promise.all([1, 2, 3].map(() => get(app, '/me', token)));
  for (const answer of answers) assert.equal(answer.statusCode, 200, answer.body);
  assert.equal((await get(app, '/me', token)).statusCode, 200);
  assert.equal(trades.length, 1, 'requests at once and later ones share one trade');
  const body = answers[0]!.json();
  assert.equal(body.sub, '42');
  assert.equal(body.sid, 'seed-1');
  assert.deepEqual(Object.keys(body.passedOn), [ACCESS_TOKEN_HEADER]);
  assert.notEqual(body.passedOn[ACCESS_TOKEN_HEADER], token, 'the old token stays at the gateway');
  assert.equal(body.passedOn[ACCESS_TOKEN_HEADER].split('.').length, 3);
});

test("a traded token's session, once revoked, is refused without asking again", async () => {
  const revoked = new RevokedSessions();
  const { exchange, trades } = fakeExchange();
  const app = await gateway(exchange, revoked);
  const token = seedToken(SECRET, { user_id: 42 });
  assert.equal((await get(app, '/me', token)).statusCode, 200);
  revoked.learn([{ id: 'seed-1', until: new Date(Date.now() + 600_000).toISOString() }], Date.now());
  const refused = await get(app, '/me', token);
  assert.equal(refused.statusCode, 401);
  assert.equal(refused.json().message, 'Your session has ended; please sign in again');
  assert.equal(trades.length, 1);
});

test("the exchange's refusal is the answer, and nothing is remembered", async () => {
  const { exchange, trades } = fakeExchange({ refuse: true });
  const app = await gateway(exchange);
  const token = seedToken(SECRET, { user_id: 42 });
  assert.equal((await get(app, '/me', token)).statusCode, 401);
  assert.equal((await get(app, '/me', token)).statusCode, 401);
  assert.equal(trades.length, 2);
});

test('roles are checked on the Kasa token a trade gives', async () => {
  const app = await gateway(fakeExchange().exchange);
  assert.equal((await get(app, '/admin', seedToken(SECRET, { user_id: 42 }))).statusCode, 403);
});

test('without an exchange an HS256 token meets the EdDSA verifier and is refused', async () => {
  const app = await gateway(undefined);
  assert.equal((await get(app, '/me', seedToken(SECRET, { user_id: 42 }))).statusCode, 401);
});

test("Kasa's own tokens never reach the exchange", async () => {
  const { exchange, trades } = fakeExchange();
  const app = await gateway(exchange);
  const answer = await get(app, '/me', signToken(keys.privateKey, claimsFor({ sub: '7' })));
  assert.equal(answer.statusCode, 200);
  assert.equal(answer.json().sub, '7');
  assert.equal(trades.length, 0);
});

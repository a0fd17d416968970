import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import {
  AUDIENCE,
  claimsFor,
  generateEd25519Keys,
  generateP256Keys,
  ISSUER,
  signToken,
  type TestKeys,
  unsignedToken,
} from '@kasa/testing';
import { RevokedSessions, registerJwtAuth, requireAuth, requireRole } from '../src/index.ts';
import { createTestApp } from './support/test-app.ts';

let keys: TestKeys;
let otherKeys: TestKeys;

before(() => {
  keys = generateEd25519Keys();
  otherKeys = generateEd25519Keys();
});

async function appWithProtectedRoutes() {
  const { app } = createTestApp();
  await registerJwtAuth(app, {
    publicKey: keys.publicKeyPem,
    algorithms: ['EdDSA'],
    issuer: ISSUER,
    audience: AUDIENCE,
  });
  app.get('/me', { preHandler: requireAuth() }, async (request) => ({
    sub: request.user.sub,
    role: request.user.role,
  }));
  app.get('/staff', { preHandler: [requireAuth(), requireRole('admin', 'staff')] }, async () => ({
    ok: true,
  }));
  app.get('/admin', { preHandler: requireRole('admin') }, async () => ({ ok: true }));
  app.get(
    '/seed',
    { preHandler: requireAuth(), config: { errorEnvelope: 'message-only' } },
    async () => ({}),
  );
  return app;
}

async function getMe(headers: Record<string, string>, url = '/me') {
  const app = await appWithProtectedRoutes();
  return app.inject({ method: 'GET', url, headers });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test('a valid token in Authorization: Bearer passes and sets request.user', async () => {
  const response = await getMe(bearer(signToken(keys.privateKey, claimsFor())));
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { sub: 'member-1', role: 'member' });
});

test('a valid token in x-access-token passes', async () => {
  const response = await getMe({ 'x-access-token': signToken(keys.privateKey, claimsFor()) });
  assert.equal(response.statusCode, 200);
  assert.equal(response.json().sub, 'member-1');
});

test('a request without a token answers 401 Unauthorized', async () => {
  const response = await getMe({});
  assert.equal(response.statusCode, 401);
  assert.deepEqual(response.json(), { status: 'error', message: 'Unauthorized' });
});

test('an Authorization header of another scheme answers 401', async () => {
  const response = await getMe({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` });
  assert.equal(response.statusCode, 401);
});

test('an expired token answers 401', async () => {
  const now = Math.floor(Date.now() / 1000);
  const response = await getMe(
    bearer(signToken(keys.privateKey, claimsFor({ iat: now - 120, exp: now - 60 }))),
  );
  assert.equal(response.statusCode, 401);
  assert.deepEqual(response.json(), { status: 'error', message: 'Unauthorized' });
});

test('a token with a tampered payload answers 401', async () => {
  const [header, , signature] = signToken(keys.privateKey, claimsFor()).split('.');
  const forged = Buffer.from(JSON.stringify(claimsFor({ role: 'admin' }))).toString('base64url');
  const response = await getMe(bearer(`${header}.${forged}.${signature}`), '/admin');
  assert.equal(response.statusCode, 401);
});

test('a token signed by another key answers 401', async () => {
  const response = await getMe(bearer(signToken(otherKeys.privateKey, claimsFor())));
  assert.equal(response.statusCode, 401);
});

test('an unsigned token (alg none) answers 401', async () => {
  const response = await getMe(bearer(unsignedToken(claimsFor({ role: 'admin' }))), '/admin');
  assert.equal(response.statusCode, 401);
});

test('a token for another audience answers 401', async () => {
  const response = await getMe(bearer(signToken(keys.privateKey, claimsFor({ aud: 'kasa-admin' }))));
  assert.equal(response.statusCode, 401);
});

test('a token from another issuer answers 401', async () => {
  const response = await getMe(bearer(signToken(keys.privateKey, claimsFor({ iss: 'someone-else' }))));
  assert.equal(response.statusCode, 401);
});

test('a token without an audience answers 401', async () => {
  const response = await getMe(bearer(signToken(keys.privateKey, claimsFor({ aud: undefined }))));
  assert.equal(response.statusCode, 401);
});

test('a token without an expiry answers 401', async () => {
  const response = await getMe(bearer(signToken(keys.privateKey, claimsFor({ exp: undefined }))));
  assert.equal(response.statusCode, 401);
});

test('a token whose role is not allowed answers 403', async () => {
  const response = await getMe(bearer(signToken(keys.privateKey, claimsFor({ role: 'member' }))), '/staff');
  assert.equal(response.statusCode, 403);
  assert.deepEqual(response.json(), { status: 'error', message: 'Forbidden' });
});

test('a token whose role is allowed passes requireRole', async () => {
  const response = await getMe(bearer(signToken(keys.privateKey, claimsFor({ role: 'staff' }))), '/staff');
  assert.equal(response.statusCode, 200);
});

test('requireRole alone also rejects a missing token with 401', async () => {
  const response = await getMe({}, '/admin');
  assert.equal(response.statusCode, 401);
});

test('a message-only route answers 401 as { message }', async () => {
  const response = await getMe({}, '/seed');
  assert.equal(response.statusCode, 401);
  assert.deepEqual(response.json(), { message: 'Unauthorized' });
});

test('the same valid token passes again from the verify cache', async () => {
  const app = await appWithProtectedRoutes();
  const headers = bearer(signToken(keys.privateKey, claimsFor()));
  const first = await app.inject({ method: 'GET', url: '/me', headers });
  const second = await app.inject({ method: 'GET', url: '/me', headers });
  assert.equal(first.statusCode, 200);
  assert.equal(second.statusCode, 200);
});

test('a remembered token stops working when it expires', async () => {
  const app = await appWithProtectedRoutes();
  const headers = bearer(signToken(keys.privateKey, claimsFor({ exp: Math.floor(Date.now() / 1000) + 1 })));
  assert.equal((await app.inject({ method: 'GET', url: '/me', headers })).statusCode, 200);
  await new Promise((resolve) => setTimeout(resolve, 2_100));
  assert.equal((await app.inject({ method: 'GET', url: '/me', headers })).statusCode, 401);
});

test('routes in a plugin registered after the verifier use it too', async () => {
  const app = await appWithProtectedRoutes();
  await app.register(async (child) => {
    child.get('/nested', { preHandler: requireAuth() }, async (request) => ({ sub: request.user.sub }));
  });
  const response = await app.inject({
    method: 'GET',
    url: '/nested',
    headers: bearer(signToken(keys.privateKey, claimsFor())),
  });
  assert.equal(response.statusCode, 200);
});

test('an app set up for ES256 accepts an ES256 token and refuses an EdDSA one', async () => {
  const p256 = generateP256Keys();
  const { app } = createTestApp();
  await registerJwtAuth(app, {
    publicKey: p256.publicKeyPem,
    algorithms: ['ES256'],
    issuer: ISSUER,
    audience: AUDIENCE,
  });
  app.get('/me', { preHandler: requireAuth() }, async (request) => ({ sub: request.user.sub }));
  const es256 = await app.inject({ url: '/me', headers: bearer(signToken(p256.privateKey, claimsFor())) });
  const eddsa = await app.inject({ url: '/me', headers: bearer(signToken(keys.privateKey, claimsFor())) });
  assert.equal(es256.statusCode, 200);
  assert.equal(eddsa.statusCode, 401);
});

async function appWithRevocations(revokedSessions: RevokedSessions) {
  const { app } = createTestApp();
  await registerJwtAuth(app, {
    publicKey: keys.publicKeyPem,
    algorithms: ['EdDSA'],
    issuer: ISSUER,
    audience: AUDIENCE,
    revokedSessions,
  });
  app.get('/me', { preHandler: requireAuth() }, async (request) => ({ sub: request.user.sub }));
  return app;
}

const until = (secondsFromNow: number) => new Date(Date.now() + secondsFromNow * 1000).toISOString();

test("a revoked session's token answers 401, even once remembered; its other tokens' sessions pass", async () => {
  const revoked = new RevokedSessions();
  revoked.learn([], Date.now());
  const app = await appWithRevocations(revoked);
  const token = signToken(keys.privateKey, claimsFor({ sid: 'session-a' }));
  const other = signToken(keys.privateKey, claimsFor({ sid: 'session-b' }));
  assert.equal((await app.inject({ url: '/me', headers: bearer(token) })).statusCode, 200);

  revoked.learn([{ id: 'session-a', until: until(600) }], Date.now());
  const refused = await app.inject({ url: '/me', headers: bearer(token) });
  assert.equal(refused.statusCode, 401);
  assert.equal(refused.json().message, 'Your session has ended; please sign in again');
  assert.equal((await app.inject({ url: '/me', headers: bearer(other) })).statusCode, 200);
});

test('with revocations, a token that names no session answers 401', async () => {
  const revoked = new RevokedSessions();
  revoked.learn([], Date.now());
  const app = await appWithRevocations(revoked);
  const { sid: _sid, ...claims } = claimsFor();
  assert.equal(
    (await app.inject({ url: '/me', headers: bearer(signToken(keys.privateKey, claims)) })).statusCode,
    401,
  );
});

test('a request waits for the first list of revocations and passes once it comes', async () => {
  const revoked = new RevokedSessions();
  const app = await appWithRevocations(revoked);
  const answer = app.inject({ url: '/me', headers: bearer(signToken(keys.privateKey, claimsFor())) });
  setTimeout(() => revoked.learn([], Date.now()), 50);
  assert.equal((await answer).statusCode, 200);
});

test('a revocation is forgotten once its tokens have expired (and a clock margin)', () => {
  const revoked = new RevokedSessions();
  revoked.learn(
    [
      { id: 'old', until: until(-120) },
      { id: 'young', until: until(-10) },
    ],
    Date.now(),
  );
  assert.equal(revoked.isRevoked('old'), false);
  assert.equal(revoked.isRevoked('young'), true, 'kept a minute beyond, for clocks that differ');
});

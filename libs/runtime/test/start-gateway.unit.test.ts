import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ConfigError } from '@kasa/config';
import { RevokedSessions, requireAuth } from '@kasa/http';
import { type GatewayDefinition, type RunningGateway, serviceUrl, startGateway } from '@kasa/runtime';
import { claimsFor, generateEd25519Keys, signToken } from '@kasa/testing';

const keys = generateEd25519Keys();
let folder: string;
let gateway: RunningGateway;

const membersGateway: GatewayDefinition = {
  name: 'mobile-gateway',
  description: 'a gateway under test',
  audience: 'member',
  routes: (app) => {
    app.get('/whoami', { preHandler: requireAuth() }, async (request) => ({ id: request.user.sub }));
  },
};

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'kasa-gateway-'));
  await writeFile(join(folder, 'public.pem'), keys.publicKeyPem);
  // No auth service here to learn revoked sessions from: the test keeps the (empty) list.
  const revokedSessions = new RevokedSessions();
  revokedSessions.learn([], Date.now());
  gateway = await startGateway(membersGateway, {
    env: { JWT_PUBLIC_KEY: join(folder, 'public.pem'), LOG_LEVEL: 'silent' },
    listen: false,
    revokedSessions,
  });
});

after(async () => {
  await gateway.stop();
  await rm(folder, { recursive: true, force: true });
});

const token = (audience: string) => signToken(keys.privateKey, claimsFor({ aud: audience, sub: '7' }));

test("a member's token, from the public key file in the configuration, opens the members' gateway", async () => {
  const answer = await gateway.app.inject({
    url: '/whoami',
    headers: { authorization: `Bearer ${token('member')}` },
  });
  assert.equal(answer.statusCode, 200);
  assert.deepEqual(answer.json(), { id: '7' });
});

test("the seed's x-access-token header works the same", async () => {
  const answer = await gateway.app.inject({ url: '/whoami', headers: { 'x-access-token': token('member') } });
  assert.equal(answer.statusCode, 200);
});

test("a staff token never opens the members' gateway", async () => {
  const answer = await gateway.app.inject({
    url: '/whoami',
    headers: { authorization: `Bearer ${token('staff')}` },
  });
  assert.equal(answer.statusCode, 401);
  assert.deepEqual(answer.json(), { status: 'error', message: 'Unauthorized' });
});

test('a gateway without a public key does not start, and says which variable is missing', async () => {
  await assert.rejects(startGateway(membersGateway, { env: {}, listen: false }), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /JWT_PUBLIC_KEY is required/);
    return true;
  });
});

test('a gateway finds each service by its URL, else on 127.0.0.1 at its port', () => {
  assert.equal(serviceUrl('member', {}), 'http://127.0.0.1:8091');
  assert.equal(serviceUrl('member', { MEMBER_PORT: '9001' }), 'http://127.0.0.1:9001');
  assert.equal(serviceUrl('member', { MEMBER_URL: 'http://member:8091' }), 'http://member:8091');
});

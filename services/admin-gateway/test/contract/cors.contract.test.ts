import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type RunningGateway, startGateway } from '@kasa/runtime';
import { claimsFor, generateEd25519Keys, signToken } from '@kasa/testing';
import { wholeKasa } from '../../../mobile-gateway/test/support/whole-kasa.ts';
import { adminGateway } from '../../src/gateway.ts';

/**
 * The seed's admin app answered every request with CORS headers (seeds/000 admin-app/main.py
 * `add_cors_headers`): its site, served from another origin, can call Kasa only so.
 */

const { kasa } = wholeKasa();
const SITE = 'https://admin.fund.example';

const allowed = (headers: Headers, name: string) =>
  (headers.get(name) ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);

test('a preflight to any path is answered 200 with the seed’s methods and headers, and x-access-token', async () => {
  for (const path of ['/user', '/program', '/no/such/route']) {
    const preflight = await fetch(`${kasa().adminUrl}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin: SITE,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type, authorization, x-access-token',
      },
    });
    assert.equal(preflight.status, 200, path);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    const methods = allowed(preflight.headers, 'access-control-allow-methods');
    for (const method of ['get', 'post', 'put', 'delete', 'options'])
      assert.ok(methods.includes(method), method);
    const headers = allowed(preflight.headers, 'access-control-allow-headers');
    for (const header of ['content-type', 'content-disposition', 'authorization', 'x-access-token'])
      assert.ok(headers.includes(header), header);
  }
});

test('real cross-origin answers carry Access-Control-Allow-Origin, errors included', async () => {
  const token = signToken(kasa().keys.privateKey, claimsFor({ sub: '1', aud: 'staff', role: 'admin' }));
  const listed = await fetch(`${kasa().adminUrl}/programs`, {
    headers: { origin: SITE, authorization: `Bearer ${token}` },
  });
  assert.equal(listed.status, 200);
  assert.equal(listed.headers.get('access-control-allow-origin'), '*');

  const unauthorized = await fetch(`${kasa().adminUrl}/user`, { headers: { origin: SITE } });
  assert.equal(unauthorized.status, 401);
  assert.equal(unauthorized.headers.get('access-control-allow-origin'), '*');
  assert.equal(((await unauthorized.json()) as { status: string }).status, 'error');

  const invalid = await fetch(`${kasa().adminUrl}/signin`, {
    method: 'POST',
    headers: { origin: SITE, 'content-type': 'application/json' },
    body: '{not json',
  });
  assert.equal(invalid.status, 400);
  assert.equal(invalid.headers.get('access-control-allow-origin'), '*');

  const unknown = await fetch(`${kasa().adminUrl}/no/such/route`, { headers: { origin: SITE } });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.headers.get('access-control-allow-origin'), '*');
});

test('ADMIN_CORS_ORIGINS lets only the listed origins in, each answered with its own name', async (t) => {
  const keys = generateEd25519Keys();
  const gateway: RunningGateway = await startGateway(adminGateway, {
    listen: false,
    env: {
      JWT_PUBLIC_KEY: keys.publicKeyPem,
      LOG_LEVEL: 'silent',
      ADMIN_CORS_ORIGINS: `${SITE},https://staging.fund.example`,
    },
  });
  t.after(() => gateway.stop());
  const preflight = (origin: string) =>
    gateway.app.inject({
      method: 'OPTIONS',
      url: '/user',
      headers: { origin, 'access-control-request-method': 'GET' },
    });
  const listed = await preflight(SITE);
  assert.equal(listed.statusCode, 200);
  assert.equal(listed.headers['access-control-allow-origin'], SITE);
  assert.match(String(listed.headers.vary), /origin/i);
  const other = await preflight('https://elsewhere.example');
  assert.equal(other.headers['access-control-allow-origin'], undefined);
  const refused = await gateway.app.inject({ method: 'GET', url: '/user', headers: { origin: SITE } });
  assert.equal(refused.statusCode, 401);
  assert.equal(refused.headers['access-control-allow-origin'], SITE);
});

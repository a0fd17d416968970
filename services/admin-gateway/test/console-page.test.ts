import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { RevokedSessions } from '@kasa/http';
import { type RunningGateway, startGateway } from '@kasa/runtime';
import { generateEd25519Keys } from '@kasa/testing';
import { adminGateway } from '../src/gateway.ts';

/** The staff console's page and files, as the admin gateway serves a build of it. */
let build: string;
let gateway: RunningGateway;

const page = (script: string) =>
  `<!doctype html><meta name="csp-nonce" content="__CSP_NONCE__"><script type="module" src="/assets/${script}"></script>`;

before(async () => {
  build = await mkdtemp(join(tmpdir(), 'kasa-console-'));
  await mkdir(join(build, 'assets'));
  await writeFile(join(build, 'index.html'), page('index-1.js'));
  await writeFile(join(build, 'assets', 'index-1.js'), 'export {};');
  const env = { JWT_PUBLIC_KEY: generateEd25519Keys().publicKeyPem, LOG_LEVEL: 'silent', CONSOLE_DIR: build };
  gateway = await startGateway(adminGateway, { env, listen: false, revokedSessions: new RevokedSessions() });
});
after(async () => {
  await gateway?.stop();
  await rm(build, { recursive: true, force: true });
});

test('the page carries its own nonce in a strict policy, never cached; a new build is served at once', async () => {
  const first = await gateway.app.inject({ url: '/' });
  assert.equal(first.statusCode, 200);
  assert.equal(first.headers['cache-control'], 'no-store');
  const nonce = /content="([^"]+)"/.exec(first.body)?.[1];
  assert.ok(nonce && nonce !== '__CSP_NONCE__');
  assert.match(
    String(first.headers['content-security-policy']),
    new RegExp(`style-src 'self' 'nonce-${nonce}'`),
  );
  assert.notEqual(nonce, /content="([^"]+)"/.exec((await gateway.app.inject({ url: '/' })).body)?.[1]);

  // A build made while the gateway runs: its new script names are in the very next page.
  await writeFile(join(build, 'index.html'), page('index-2.js'));
  const later = new Date(Date.now() + 5_000);
  await utimes(join(build, 'index.html'), later, later);
  assert.match((await gateway.app.inject({ url: '/' })).body, /index-2\.js/);
});

test('hashed files are cached for a year; a file the build does not have is a 404', async () => {
  const script = await gateway.app.inject({ url: '/assets/index-1.js' });
  assert.equal(script.statusCode, 200);
  assert.match(String(script.headers['cache-control']), /max-age=31536000.*immutable/);
  assert.equal((await gateway.app.inject({ url: '/assets/nothing.js' })).statusCode, 404);
});

test('without a build the page is a 404 that says so, and the API answers as ever', async () => {
  await rm(join(build, 'index.html'));
  const missing = await gateway.app.inject({ url: '/' });
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /not built/);
  assert.equal((await gateway.app.inject({ method: 'POST', url: '/signin', payload: {} })).statusCode, 400);
});

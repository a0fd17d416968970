import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { Agent } from 'undici';
import { guardedConnector, type Resolver } from '../src/webhooks/delivery/guarded-connector.ts';
import { addressPolicy } from '../src/webhooks/domain/address-policy.ts';
import { parseAllowedTargets } from '../src/webhooks/domain/allowed-targets.ts';

/**
 * The connector with a resolver of the test's own, so that a name can point wherever the test
 * says (DNS rebinding) without a DNS server. Its answers are loopback addresses only: were the
 * guard to fail, nothing but this machine would be reached.
 */
let server: Server;
let port: number;
let connections = 0;
before(async () => {
  server = createServer((_request, response) => response.end('ok'));
  server.on('connection', () => {
    connections += 1;
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** `hooks.example.org` resolves to `address`, as a rebinding name does once registered. */
const resolvingTo =
  (address: string): Resolver =>
  (_hostname, _options, callback) =>
    callback(null, [{ address, family: 4 }]);

async function post(url: string, allowed: string, resolve: Resolver) {
  const policy = addressPolicy(parseAllowedTargets(allowed).targets!);
  const agent = new Agent({ connect: guardedConnector(policy, 2_000, resolve) });
  const before = connections;
  try {
    const { origin, pathname } = new URL(url);
    const answer = await agent.request({ origin, path: pathname, method: 'POST', body: '{}' });
    await answer.body.dump();
    return { status: answer.statusCode, connections: connections - before };
  } catch (error) {
    return { error: error as { code?: string; message: string }, connections: connections - before };
  } finally {
    await agent.close();
  }
}

test('a name that resolves to a loopback address when connecting is never connected to', async () => {
  const sent = await post(`http://hooks.example.org:${port}/in`, '', resolvingTo('127.0.0.1'));
  assert.equal(sent.error?.code, 'WEBHOOK_ADDRESS_REFUSED');
  assert.match(sent.error?.message ?? '', /hooks\.example\.org: 127\.0\.0\.1 is a loopback address/);
  assert.equal(sent.connections, 0);
});

test('a literal address the policy refuses is refused before a socket is opened', async () => {
  const sent = await post(`http://127.0.0.1:${port}/in`, '', resolvingTo('127.0.0.1'));
  assert.equal(sent.error?.code, 'WEBHOOK_ADDRESS_REFUSED');
  assert.equal(sent.connections, 0);
});

test('an allowed target is reached on its port, by name and by address, and not on another port', async () => {
  const allowed = `127.0.0.1:${port}`;
  assert.equal(
    (await post(`http://hooks.example.org:${port}/in`, allowed, resolvingTo('127.0.0.1'))).status,
    200,
  );
  assert.equal((await post(`http://127.0.0.1:${port}/in`, allowed, resolvingTo('127.0.0.1'))).status, 200);
  const elsewhere = await post('http://hooks.example.org:8091/in', allowed, resolvingTo('127.0.0.1'));
  assert.equal(elsewhere.error?.code, 'WEBHOOK_ADDRESS_REFUSED');
  assert.match(elsewhere.error?.message ?? '', /on port 8091 \(allowed on \d+ only\)/);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressPolicy, classifyAddress } from '../src/webhooks/domain/address-policy.ts';
import { parseAllowedTargets } from '../src/webhooks/domain/allowed-targets.ts';
import { hostOf, portOf, subscriberUrlProblem } from '../src/webhooks/domain/subscriber-url.ts';

const allowing = (list: string) => addressPolicy(parseAllowedTargets(list).targets!);

test('addresses are classified as public or by the special range they belong to', () => {
  const cases: [string, string][] = [
    ['93.184.215.14', 'public'],
    ['8.8.8.8', 'public'],
    ['2a00:1450:4001:82b::200e', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.7', 'documentation'],
    ['2001:db8::1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['fec0::1', 'reserved'],
    ['4000::1', 'reserved'],
    // IPv4 inside IPv6: judged as the IPv4 it carries, or refused as a way to any IPv4 address.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::7f00:1', 'IPv4-embedding'],
    ['64:ff9b::7f00:1', 'IPv4-embedding'],
    ['2002:7f00:1::1', 'IPv4-embedding'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'IPv4-embedding'],
    ['not an address', 'invalid'],
  ];
  for (const [address, kind] of cases) assert.equal(classifyAddress(address), kind, address);
});

test('in every mode only public addresses may be reached when nothing is allowed', () => {
  const policy = addressPolicy();
  assert.equal(policy.refusal('93.184.215.14', 443), null);
  assert.equal(policy.refusal('2a00:1450:4001:82b::200e', 443), null);
  for (const [address, kind] of [
    ['127.0.0.1', 'a loopback'],
    ['::1', 'a loopback'],
    ['10.0.0.8', 'a private'],
    ['169.254.169.254', 'a link-local'],
    ['fd00::1', 'a unique-local'],
    ['100.100.1.1', 'a carrier-grade NAT'],
    ['224.0.0.1', 'a multicast'],
    ['0.0.0.0', 'an unspecified'],
    ['::', 'an unspecified'],
    ['::ffff:127.0.0.1', 'a loopback'],
    ['::ffff:169.254.169.254', 'a link-local'],
    ['64:ff9b::a00:1', 'an IPv4-embedding'],
  ]) {
    assert.equal(
      policy.refusal(address!, 80),
      `${address} is ${kind} address, which webhooks may not reach`,
      address,
    );
  }
});

test('odd spellings of an address are read by URL parsing as the address they are, and refused', () => {
  const policy = addressPolicy();
  const cases: [string, string][] = [
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.0.0.1/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://127.0.1/', '127.0.0.1'],
    ['http://127.0.0.1./', '127.0.0.1'],
    ['http://%31%32%37.0.0.1/', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://2852039166/latest/meta-data/', '169.254.169.254'],
    ['http://0xa9.0xfe.0xa9.0xfe/', '169.254.169.254'],
    ['http://012.0.0.1:3306/', '10.0.0.1'],
    ['http://[::ffff:127.0.0.1]:8091/', '::ffff:7f00:1'],
    ['http://[0:0:0:0:0:ffff:7f00:1]/', '::ffff:7f00:1'],
    ['http://[::127.0.0.1]/', '::7f00:1'],
  ];
  for (const [url, address] of cases) {
    assert.equal(subscriberUrlProblem(url), null, url);
    assert.equal(hostOf(url), address, url);
    assert.match(policy.refusal(hostOf(url), portOf(url)) ?? '', /which webhooks may not reach/, url);
  }
});

test('the policy itself never guesses at a spelling: only addresses as DNS and sockets write them', () => {
  const policy = allowing('0.0.0.0/0,::/0');
  for (const text of ['2130706433', '0x7f.0.0.1', '0177.0.0.1', '127.1', '[::1]', 'localhost', '']) {
    assert.equal(policy.refusal(text, 80), `${text} is not an IP address`, text);
  }
});

test('allowed targets open their addresses on their port, or on every port without one', () => {
  const policy = allowing('10.20.0.0/16, 127.0.0.1:9000, [::1]:9000, fd00:1::/32, [fd00:2::/32]:443');
  assert.equal(policy.refusal('10.20.3.4', 80), null);
  assert.equal(policy.refusal('10.20.3.4', 8443), null);
  assert.equal(policy.refusal('::ffff:10.20.3.4', 80), null);
  assert.equal(policy.refusal('127.0.0.1', 9000), null);
  assert.equal(policy.refusal('::1', 9000), null);
  assert.equal(policy.refusal('fd00:1::5', 22), null);
  assert.equal(policy.refusal('fd00:2::5', 443), null);
  assert.equal(
    policy.refusal('127.0.0.1', 8091),
    '127.0.0.1 is a loopback address, which webhooks may not reach on port 8091 (allowed on 9000 only)',
  );
  assert.match(policy.refusal('127.0.0.2', 9000) ?? '', /127\.0\.0\.2 is a loopback address/);
  assert.match(policy.refusal('fd00:2::5', 80) ?? '', /on port 80 \(allowed on 443 only\)/);
  assert.match(policy.refusal('10.21.0.1', 80) ?? '', /private/);
  assert.match(policy.refusal('169.254.169.254', 80) ?? '', /link-local/);
});

test('a subscriber URL is http or https, without credentials, and its port is the default one unless named', () => {
  assert.equal(subscriberUrlProblem('https://hooks.example.org/kasa?tenant=7'), null);
  assert.equal(subscriberUrlProblem('http://[2001:db8::1]:8080/in'), null);
  assert.match(subscriberUrlProblem('ftp://example.org/') ?? '', /Only http and https/);
  assert.match(subscriberUrlProblem('file:///etc/passwd') ?? '', /Only http and https/);
  assert.match(subscriberUrlProblem('localhost:3306') ?? '', /Only http and https/);
  assert.match(subscriberUrlProblem('https://user:pw@example.org/') ?? '', /user name or password/);
  assert.match(subscriberUrlProblem('not a url') ?? '', /cannot be read/);
  assert.equal(portOf('https://hooks.example.org/'), 443);
  assert.equal(portOf('http://hooks.example.org/'), 80);
  assert.equal(portOf('http://[::1]:9000/'), 9000);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressPolicy, classifyAddress } from '../src/webhooks/domain/address-policy.ts';
import { subscriberUrlProblem } from '../src/webhooks/domain/subscriber-url.ts';

test('addresses are classified as public or by the range they belong to', () => {
  const cases: [string, string][] = [
    ['93.184.215.14', 'unicast'],
    ['2a00:1450:4001:82b::200e', 'unicast'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['not an address', 'invalid'],
  ];
  for (const [address, kind] of cases) assert.equal(classifyAddress(address), kind, address);
});

test('in production only public addresses may be reached', () => {
  const policy = addressPolicy({ production: true });
  assert.equal(policy.refusal('93.184.215.14'), null);
  assert.equal(policy.refusal('2a00:1450:4001:82b::200e'), null);
  assert.match(policy.refusal('127.0.0.1') ?? '', /127\.0\.0\.1 is a loopback address/);
  assert.match(policy.refusal('::ffff:169.254.169.254') ?? '', /169\.254\.169\.254 is a linkLocal address/);
  assert.match(policy.refusal('100.100.1.1') ?? '', /carrierGradeNat/);
  assert.match(policy.refusal('192.0.2.7') ?? '', /reserved/);
});

test('ranges the operator allows are reachable in production, and nothing else besides', () => {
  const policy = addressPolicy({ production: true, allowedRanges: ['10.20.0.0/16', 'fd00:1::/32'] });
  assert.equal(policy.refusal('10.20.3.4'), null);
  assert.equal(policy.refusal('fd00:1::5'), null);
  assert.equal(policy.refusal('::ffff:10.20.3.4'), null);
  assert.match(policy.refusal('10.21.0.1') ?? '', /private/);
  assert.match(policy.refusal('127.0.0.1') ?? '', /loopback/);
});

test('outside production every address may be reached (tests and development use 127.0.0.1)', () => {
  assert.equal(addressPolicy({ production: false }).refusal('127.0.0.1'), null);
});

test('a subscriber URL is http or https, without credentials', () => {
  assert.equal(subscriberUrlProblem('https://hooks.example.org/kasa?tenant=7'), null);
  assert.equal(subscriberUrlProblem('http://[2001:db8::1]:8080/in'), null);
  assert.match(subscriberUrlProblem('ftp://example.org/') ?? '', /Only http and https/);
  assert.match(subscriberUrlProblem('file:///etc/passwd') ?? '', /Only http and https/);
  assert.match(subscriberUrlProblem('https://user:pw@example.org/') ?? '', /user name or password/);
  assert.match(subscriberUrlProblem('not a url') ?? '', /cannot be read/);
});

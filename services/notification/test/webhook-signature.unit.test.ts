import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { generateSecret, secretProblem } from '../src/webhooks/domain/webhook-secret.ts';
import { signatureHeaders, signingKeyOf } from '../src/webhooks/domain/webhook-signature.ts';

const body = JSON.stringify({ id: 'e1', type: 'payment.confirmed', data: { amount: 30000, note: 'Оплата' } });
const id = '9b2f8c1e-0a53-4a8e-9f3e-2b1d7c6a5e40';

const headersFor = (secret: string, timestampSeconds = Math.floor(Date.now() / 1000)) =>
  signatureHeaders({ id, body, secret, key: signingKeyOf(secret), timestampSeconds });

test('X-Data-Hash is hex SHA-512 of the body with the secret written after it', () => {
  const secret = 'legacy-receiver-secret';
  const expected = createHash('sha512')
    .update(body + secret, 'utf8')
    .digest('hex');
  assert.equal(headersFor(secret)['x-data-hash'], expected);
});

test('a generated secret is whsec_ and base64 of 32 random bytes, different every time', () => {
  const secret = generateSecret();
  assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
  assert.equal(Buffer.from(secret.slice(6), 'base64').length, 32);
  assert.notEqual(generateSecret(), secret);
  assert.equal(secretProblem(secret), null);
});

test('the Standard Webhooks signature of a whsec_ secret verifies with the standardwebhooks package', () => {
  const secret = generateSecret();
  const headers = headersFor(secret);
  assert.equal(headers['webhook-id'], id);
  assert.match(headers['webhook-signature']!, /^v1,[A-Za-z0-9+/]+=*$/);
  assert.deepEqual(new Webhook(secret).verify(body, headers), JSON.parse(body));
});

test('an existing receiver’s own secret signs with its characters, as the package’s raw format reads it', () => {
  const secret = 'existing-receiver-secret-0042';
  assert.deepEqual(new Webhook(secret, { format: 'raw' }).verify(body, headersFor(secret)), JSON.parse(body));
});

test('a changed body, another secret or an old timestamp does not verify', () => {
  const secret = generateSecret();
  const headers = headersFor(secret);
  assert.throws(() => new Webhook(secret).verify(`${body} `, headers), /No matching signature/);
  assert.throws(() => new Webhook(generateSecret()).verify(body, headers), /No matching signature/);
  const old = headersFor(secret, Math.floor(Date.now() / 1000) - 3_600);
  assert.throws(() => new Webhook(secret).verify(body, old), /too old/);
});

test('secrets an administrator gives must be long enough and well formed', () => {
  assert.equal(secretProblem('a'.repeat(16)), null);
  assert.match(secretProblem('short') ?? '', /16 to 200 printable/);
  assert.match(secretProblem('with spaces inside it') ?? '', /printable ASCII characters without spaces/);
  assert.match(secretProblem('whsec_not*base64') ?? '', /base64/);
  assert.match(secretProblem(`whsec_${Buffer.alloc(16).toString('base64')}`) ?? '', /at least 24 bytes/);
});

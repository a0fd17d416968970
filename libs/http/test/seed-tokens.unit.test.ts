import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { test } from 'node:test';
import { generateEd25519Keys, generateP256Keys, seedToken, signToken, unsignedToken } from '@kasa/testing';
import { isSeedToken, seedTokenVerifier } from '../src/index.ts';

const SECRET = 'the old flask secret';
const verify = seedTokenVerifier(SECRET);
const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

test("takes the old system's member token as PyJWT wrote it, Cyrillic names escaped", () => {
  const exp = now() + 3600;
  const token = seedToken(SECRET, { user_id: 42, name: 'Олена Коваль', email: 'o@example.org', exp });
  assert.match(Buffer.from(token.split('.')[1]!, 'base64url').toString(), /\\u041e/);
  assert.ok(isSeedToken(token));
  assert.deepEqual(verify(token, now()), { memberId: 42, exp });
});

test('takes either order of the header PyJWT versions wrote', () => {
  const token = seedToken(SECRET, { user_id: 7 }, { typ: 'JWT', alg: 'HS256' });
  assert.equal(verify(token, now())?.memberId, 7);
});

test('refuses a token from its exp second on, as PyJWT did', () => {
  const exp = now() + 10;
  const token = seedToken(SECRET, { user_id: 1, exp });
  assert.ok(verify(token, exp - 1));
  assert.equal(verify(token, exp), null);
  assert.equal(verify(seedToken(SECRET, { user_id: 1, exp: now() - 1 }), now()), null);
});

test('refuses a token signed with another secret, or with a changed payload', () => {
  assert.equal(verify(seedToken('another secret', { user_id: 1 }), now()), null);
  const [header, , signature] = seedToken(SECRET, { user_id: 1 }).split('.');
  const forged = `${header}.${b64({ user_id: 2, exp: now() + 3600 })}.${signature}`;
  assert.equal(verify(forged, now()), null);
});

test('refuses alg none, and every algorithm but HS256 whatever it is signed with', () => {
  const claims = { user_id: 1, exp: now() + 3600 };
  assert.equal(verify(unsignedToken(claims), now()), null);
  assert.equal(
    verify(seedToken(SECRET, claims, { alg: 'none', typ: 'JWT' }).replace(/[^.]+$/, ''), now()),
    null,
  );
  assert.equal(verify(seedToken(SECRET, claims, { alg: 'HS512', typ: 'JWT' }), now()), null);
  assert.equal(verify(signToken(generateEd25519Keys().privateKey, claims), now()), null);
  assert.equal(verify(signToken(generateP256Keys().privateKey, claims), now()), null);
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const input = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}`;
  const rs256 = `${input}.${sign('sha256', Buffer.from(input), rsa).toString('base64url')}`;
  assert.equal(verify(rs256, now()), null);
  for (const token of [rs256, signToken(generateEd25519Keys().privateKey, claims), unsignedToken(claims)]) {
    assert.equal(isSeedToken(token), false, 'only HS256 headers go to the seed verifier');
  }
});

test("refuses an HS256 token made with Kasa's public key as its secret", () => {
  const { publicKeyPem } = generateEd25519Keys();
  const claims = { user_id: 1, exp: now() + 3600 };
  assert.equal(verify(seedToken(publicKeyPem, claims), now()), null);
  assert.equal(seedTokenVerifier(SECRET)(seedToken(Buffer.from(publicKeyPem), claims), now()), null);
});

test('refuses a user_id that is no member id, a missing exp and an nbf ahead', () => {
  for (const user_id of [0, -1, 1.5, '5', null, 2 ** 60]) {
    assert.equal(verify(seedToken(SECRET, { user_id }), now()), null, `user_id ${String(user_id)}`);
  }
  const header = b64({ alg: 'HS256', typ: 'JWT' });
  const noExp = `${header}.${b64({ user_id: 1 })}`;
  const signature = createHmac('sha256', SECRET).update(noExp).digest('base64url');
  assert.equal(verify(`${noExp}.${signature}`, now()), null);
  assert.equal(verify(seedToken(SECRET, { user_id: 1, nbf: now() + 60 }), now()), null);
});

test('refuses what is not a compact token at all', () => {
  for (const token of ['', 'abc', 'a.b', 'a.b.c.d', '!!.??.##']) {
    assert.equal(isSeedToken(token), false, token);
    assert.equal(verify(token, now()), null, token);
  }
  assert.equal(verify(`${seedToken(SECRET, { user_id: 1 })}=`, now()), null, 'padding is no base64url');
});

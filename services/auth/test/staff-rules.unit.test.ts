import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  GENERATED_PASSWORD_LENGTH,
  generatePassword,
  hashPassword,
  needsRehash,
  verifyNobody,
  verifyPassword,
} from '../src/application/passwords.ts';
import { afterWrongPassword, LOCKOUT_THRESHOLD, lockedForSeconds } from '../src/domain/lockout.ts';
import { checkNewPassword } from '../src/domain/password-policy.ts';
import { lossesOf, refusalOf, type StaffAccount } from '../src/domain/staff-accounts.ts';

const now = new Date('2025-01-01T10:00:00Z');
const owner = { login: 'olena.p', name: 'Olena' };

test('four wrong passwords in a row do not lock; the fifth locks for a minute', () => {
  let state = { failedAttempts: 0, lockedUntil: null as Date | null };
  for (let i = 1; i < LOCKOUT_THRESHOLD; i++) {
    state = afterWrongPassword(state, now);
    assert.equal(state.lockedUntil, null);
  }
  const fifth = afterWrongPassword(state, now);
  assert.equal(fifth.locked, true);
  assert.equal(lockedForSeconds(fifth, now), 60);
});

test('each further wrong password doubles the lock, up to an hour', () => {
  const lockFor = (failedAttempts: number) =>
    lockedForSeconds(afterWrongPassword({ failedAttempts, lockedUntil: null }, now), now);
  assert.deepEqual(
    [5, 6, 7, 8, 9, 10, 11, 12, 500].map((n) => lockFor(n - 1)),
    [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600],
  );
});

test('a lock that has run out no longer holds', () => {
  assert.equal(lockedForSeconds({ failedAttempts: 5, lockedUntil: new Date(now.getTime() - 1) }, now), 0);
  assert.equal(lockedForSeconds({ failedAttempts: 5, lockedUntil: new Date(now.getTime() + 1500) }, now), 2);
});

test('a new password needs 8 to 128 characters, and no particular kinds of them', () => {
  assert.deepEqual(checkNewPassword('tree bird', owner), { ok: true });
  assert.deepEqual(checkNewPassword('ялинка-7', owner), { ok: true });
  assert.equal(checkNewPassword('seven77', owner).ok, false);
  assert.equal(checkNewPassword('я'.repeat(128), owner).ok, true);
  assert.equal(checkNewPassword('я'.repeat(129), owner).ok, false);
});

test('the most common passwords are refused, whatever their case', () => {
  for (const common of ['password', 'PASSWORD1', 'iloveyou', '12345678', 'qwertyuiop', 'sunshine']) {
    assert.deepEqual(
      checkNewPassword(common, owner),
      { ok: false, reason: 'This password is too common; please choose another' },
      common,
    );
  }
});

test("the owner's login or name is refused as a password, whatever the case and spaces", () => {
  const person = { login: 'olena.petrenko', name: 'Olena Petrenko' };
  const refused = { ok: false, reason: 'Password must not be your login or name' };
  assert.deepEqual(checkNewPassword('Olena.Petrenko', person), refused);
  assert.deepEqual(checkNewPassword('OLENA PETRENKO', person), refused);
  assert.deepEqual(checkNewPassword('olenapetrenko', person), refused);
  assert.deepEqual(checkNewPassword('olena.petrenko!', person), { ok: true });
});

test('a hash verifies its password only, and carries its cost', async () => {
  const hash = await hashPassword('tree bird river');
  assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(await verifyPassword('tree bird river', hash), true);
  assert.equal(await verifyPassword('tree bird rivers', hash), false);
  assert.notEqual(await hashPassword('tree bird river'), hash, 'a salt of its own each time');
  assert.equal(needsRehash(hash), false);
});

test('a hash made at a lower cost still verifies, and asks to be re-hashed', async () => {
  const cheap = '$argon2id$v=19$m=4096,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$';
  const { argon2Sync } = await import('node:crypto');
  const tag = argon2Sync('argon2id', {
    message: 'tree bird river',
    nonce: Buffer.from('somesaltsomesalt'),
    parallelism: 1,
    tagLength: 32,
    memory: 4096,
    passes: 1,
  });
  const stored = `${cheap}${tag.toString('base64').replace(/=+$/, '')}`;
  assert.equal(await verifyPassword('tree bird river', stored), true);
  assert.equal(needsRehash(stored), true);
});

test('what is not an argon2id PHC string never verifies', async () => {
  assert.equal(await verifyPassword('x', ''), false);
  assert.equal(
    await verifyPassword('x', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'),
    false,
  );
  assert.equal(await verifyNobody('anything'), false);
});

test('generated passwords: 16 readable characters, never twice the same', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const password = generatePassword();
    assert.equal(password.length, GENERATED_PASSWORD_LENGTH);
    assert.match(password, /^[A-HJ-NP-Za-km-z2-9]+$/);
    seen.add(password);
  }
  assert.equal(seen.size, 200);
});

const admin = (id: number, isActive = true): StaffAccount => ({ id, role: 'admin', isActive });

test('nobody removes administration from their own account', () => {
  for (const loss of ['delete', 'block', 'demote'] as const) {
    assert.match(refusalOf(loss, admin(1), 1, [1, 2])!, /your own/);
  }
});

test('the last active administrator is never deleted, blocked or demoted', () => {
  assert.equal(refusalOf('delete', admin(2), 1, [2]), 'The last active administrator cannot be deleted');
  assert.equal(refusalOf('block', admin(2), 1, [2]), 'The last active administrator cannot be blocked');
  assert.match(refusalOf('demote', admin(2), 1, [2])!, /last active administrator/);
  assert.equal(refusalOf('delete', admin(2), 1, [1, 2]), null);
  assert.equal(refusalOf('delete', admin(2, false), 1, []), null, 'a blocked administrator is not the last');
  assert.equal(refusalOf('delete', { id: 3, role: 'staff', isActive: true }, 1, [1]), null);
});

test('only blocking an active account and demoting an administrator take something away', () => {
  assert.deepEqual(lossesOf(admin(1), { isActive: false, role: 'staff' }), ['block', 'demote']);
  assert.deepEqual(lossesOf(admin(1), { isActive: true, role: 'admin' }), []);
  assert.deepEqual(lossesOf(admin(1, false), { isActive: false }), []);
  assert.deepEqual(lossesOf({ id: 1, role: 'staff', isActive: true }, { role: 'staff' }), []);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPhoneChange } from '../src/domain/phone-change.ts';

const change = { memberId: 7, from: '+380671000007', to: '+380671000070' };

test('keeping the phone one has needs no proof', () => {
  assert.equal(checkPhoneChange({ ...change, to: change.from }, undefined), 'allowed');
});

test('a new phone needs a proof; one that cannot be read proves nothing', () => {
  assert.equal(checkPhoneChange(change, undefined), 'unconfirmed');
  assert.equal(checkPhoneChange(change, 'invalid'), 'invalid');
});

test('a proof holds for its member, from the phone they have, to its phone, and for nothing else', () => {
  assert.equal(checkPhoneChange(change, { ...change }), 'allowed');
  assert.equal(checkPhoneChange(change, { ...change, memberId: 8 }), 'invalid');
  assert.equal(checkPhoneChange(change, { ...change, from: '+380671000008' }), 'invalid');
  assert.equal(checkPhoneChange(change, { ...change, to: '+380671000080' }), 'invalid');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAdministrator, assertStaffMayAct } from '../src/staff-rules.ts';

test('staff waiting to change a one-time password may do nothing; only administrators do their work', () => {
  const staff = { sub: '3', role: 'staff' };
  const admin = { sub: '1', role: 'admin' };
  assert.doesNotThrow(() => assertStaffMayAct(staff));
  assert.throws(() => assertStaffMayAct({ ...staff, must_change_password: true }), { statusCode: 403 });
  assert.throws(() => assertAdministrator(staff), {
    statusCode: 403,
    message: 'Only administrators may do this',
  });
  assert.doesNotThrow(() => assertAdministrator(admin));
  assert.throws(() => assertAdministrator({ ...admin, must_change_password: true }), {
    message: 'Password must be changed',
  });
});

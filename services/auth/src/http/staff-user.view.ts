import type { StaffUser, StaffUserRecord } from '@kasa/contracts';
import type { Static } from 'typebox';
import type { StaffUserRow } from '../db/staff-users.repository.ts';

export function staffUserView(user: StaffUserRow): Static<typeof StaffUser> {
  return {
    id: user.id,
    name: user.name,
    login: user.login,
    email: user.email,
    phone: user.phone,
    role: user.role,
    is_active: user.isActive,
    must_change_password: user.mustChangePassword,
    created_at: user.createdAt.toISOString(),
    updated_at: user.updatedAt.toISOString(),
  };
}

/** What a staff account's seed row is made of: no role, no password state. */
export function staffUserRecordView(user: StaffUserRow): Static<typeof StaffUserRecord> {
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    email: user.email,
    phone: user.phone,
    is_active: user.isActive,
    created_at: user.createdAt.toISOString(),
    updated_at: user.updatedAt.toISOString(),
  };
}
